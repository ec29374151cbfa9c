package gfpose.nn;

/**
 * The sinusoidal ("positional") embedding of the time label τ, {@code get_timestep_embedding} of the reference:
 * [sin(τ f_0) … sin(τ f_{h−1}), cos(τ f_0) … cos(τ f_{h−1})] with f_k = exp(−k · ln(10000)/(h−1)), h = dim/2.
 * Every step is rounded to float32 exactly where PyTorch rounds it (the constant, k·constant, exp, τ·f, sin, cos):
 * τ reaches 999, so computing τ·f in double alone would move the result by up to 4e-5 from the reference.
 */
final class TimeEmbedding {
    private final int dim;
    private final float[] freq;

    TimeEmbedding(int dim) {
        this.dim = dim;
        int half = dim / 2;
        // PyTorch multiplies a float32 arange by the Python double -c, which it rounds to float32 first
        float c = half > 1 ? (float) -(Math.log(10000.0) / (half - 1)) : 0f;
        freq = new float[half];
        for (int k = 0; k < half; k++) freq[k] = expf((float) k * c);
    }

    /**
     * exp in float32 as PyTorch's CPU kernel evaluates it (SLEEF {@code expf_u10}: Cody–Waite reduction by ln 2,
     * degree-6 polynomial with FMA). It is within 1 ulp but not always correctly rounded, and at τ ≈ 999 one ulp
     * of f_k moves τ·f_k by one ulp (6e-5 rad), so a correctly rounded exp would not reproduce the reference.
     */
    static float expf(float d) {
        if (d < -104f) return 0f;
        if (d > 100f) return Float.POSITIVE_INFINITY;
        int q = (int) Math.rint(d * 1.442695040888963407359924681001892137426645954152985934135449406931f);
        float s = Math.fma((float) q, -0.693145751953125f, d);
        s = Math.fma((float) q, -1.428606765330187045e-06f, s);
        float u = 0.000198527617612853646278381f;
        u = Math.fma(u, s, 0.00139304355252534151077271f);
        u = Math.fma(u, s, 0.00833336077630519866943359f);
        u = Math.fma(u, s, 0.0416664853692054748535156f);
        u = Math.fma(u, s, 0.166666671633720397949219f);
        u = Math.fma(u, s, 0.5f);
        u = 1f + Math.fma(s * s, u, s);
        // ldexp in two halves so that 2^q never overflows on its own
        return u * Math.scalb(1f, q >> 1) * Math.scalb(1f, q - (q >> 1));
    }

    /** Writes the embedding of tau[tauOff + r] to y[yOff + r*dim ...] for r in [0, rows). */
    void forward(float[] tau, int tauOff, int rows, float[] y, int yOff) {
        int half = dim / 2;
        for (int r = 0; r < rows; r++) {
            float t = tau[tauOff + r];
            int o = yOff + r * dim;
            for (int k = 0; k < half; k++) {
                float a = t * freq[k];
                y[o + k] = (float) Math.sin(a);
                y[o + half + k] = (float) Math.cos(a);
            }
        }
    }
}
