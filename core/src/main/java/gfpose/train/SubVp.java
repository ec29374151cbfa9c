package gfpose.train;

/**
 * The sub-VP SDE marginal used by the loss (β_min 0.1, β_max 20): log m(t) = −¼t²(β_max − β_min) − ½tβ_min,
 * std(t) = 1 − m(t)². Float32 in the reference's operation order, so x_t matches the golden perturbed poses.
 */
public final class SubVp {
    private SubVp() {}

    public static final float BETA_MIN = 0.1f, BETA_MAX = 20f;
    /** Smallest training time (the reference's {@code eps=1e-5}). */
    public static final float T_EPS = 1e-5f;
    /** Network time label per unit time (τ = 999·t). */
    public static final float TIME_SCALE = 999f;

    private static float logMean(float t) {
        return -0.25f * t * t * (BETA_MAX - BETA_MIN) - 0.5f * t * BETA_MIN;
    }

    /** m(t). */
    public static float mean(float t) { return (float) Math.exp(logMean(t)); }

    /** std(t) = 1 − exp(2 log m(t)). */
    public static float std(float t) { return 1f - (float) Math.exp(2f * logMean(t)); }
}
