package gfpose.sde;

/**
 * The sub-VP SDE of score_sde (GFPose's SDE, spec §2.1): dx = −½β(t) x dt + √(β(t)(1 − e^{−2∫β})) dw with
 * β(t) = β_min + t(β_max − β_min); log m(t) = −¼t²(β_max − β_min) − ½tβ_min; std(t) = 1 − m(t)² (a standard
 * deviation, not a variance); prior N(0, I).
 */
public final class SubVpSde extends Sde {
    /** GFPose's configuration: β 0.1..20, N 1000, T 1. */
    public static final SubVpSde GFPOSE = new SubVpSde(0.1, 20.0, 1000);

    private final double betaMin, betaMax;

    /**
     * A sub-VP SDE on [0, 1] with a linear β schedule.
     *
     * @param betaMin β(0) (GFPose: 0.1)
     * @param betaMax β(1) (GFPose: 20)
     * @param n       N, the number of discretisation steps (GFPose: 1000); only the discrete β_i of
     *                {@link #langevinAlpha} depend on it
     */
    public SubVpSde(double betaMin, double betaMax, int n) {
        super(n, 1.0);
        this.betaMin = betaMin;
        this.betaMax = betaMax;
    }

    /**
     * β(t), the noise rate of the linear schedule.
     *
     * @param t diffusion time in [0, 1]
     * @return β_min + t(β_max − β_min)
     */
    public double beta(double t) { return betaMin + t * (betaMax - betaMin); }

    private double logMean(double t) { return -0.25 * t * t * (betaMax - betaMin) - 0.5 * t * betaMin; }

    @Override public double meanCoeff(double t) { return Math.exp(logMean(t)); }

    // 1 − m² = −expm1(2 log m): exact even for small t, where 1 − m² cancels.
    @Override public double std(double t) { return -Math.expm1(2 * logMean(t)); }

    @Override public double driftCoeff(double t) { return -0.5 * beta(t); }

    @Override public double diffusion(double t) { return Math.sqrt(diffusionSq(t)); }

    // g² = β(t)(1 − exp(−2β_min t − (β_max − β_min)t²)).
    @Override public double diffusionSq(double t) {
        return beta(t) * -Math.expm1(-2 * betaMin * t - (betaMax - betaMin) * t * t);
    }

    @Override public double priorStd() { return 1.0; }

    @Override public double timeLabel(double t) { return 999.0 * t; }

    // score_sde's subVPSDE has no `alphas` (its Langevin corrector would crash); use the VP value of the same β.
    @Override public double langevinAlpha(double t) { return discreteAlpha(t, betaMin, betaMax, N(), T()); }
}
