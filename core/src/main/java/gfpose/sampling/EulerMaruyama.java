package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.sde.Sde;

/**
 * Euler–Maruyama on the reverse-time process with a drift factor λ (score_sde {@code EulerMaruyamaPredictor}).
 * <pre>
 * reverse SDE (Anderson 1982):  dx = [f(x,t) − g(t)² ∇log p_t(x)] dt + g(t) dw̄     (λ = 1, noise)
 * probability-flow ODE:          dx = [f(x,t) − ½ g(t)² ∇log p_t(x)] dt              (λ = ½, no noise)
 * GFPose "--pflow":              dx = [f(x,t) − g(t)² ∇log p_t(x)] dt                (λ = 1, no noise)
 * step (dt &lt; 0):  D = a(t)·x − λ g(t)² s;  x_mean = x + D·dt;  x = x_mean + g(t)·√(−dt)·z
 * </pre>
 * GFPose's deterministic sampler keeps λ = 1 (spec §4.2): not distribution-preserving, it shrinks towards modes.
 */
public final class EulerMaruyama implements Predictor {
    private final Sde sde;
    private final double lambda;
    private final boolean noise;

    public EulerMaruyama(Sde sde, double lambda, boolean noise) {
        this.sde = sde;
        this.lambda = lambda;
        this.noise = noise;
    }

    /** The reverse SDE (GFPose's stochastic sampler). */
    public static EulerMaruyama reverseSde(Sde sde) { return new EulerMaruyama(sde, 1.0, true); }

    /** GFPose's deterministic sampler: the reverse SDE's drift (λ = 1) without noise. */
    public static EulerMaruyama gfposeDeterministic(Sde sde) { return new EulerMaruyama(sde, 1.0, false); }

    /** The true probability-flow ODE (λ = ½), Euler steps. */
    public static EulerMaruyama probabilityFlow(Sde sde) { return new EulerMaruyama(sde, 0.5, false); }

    public double lambda() { return lambda; }

    public boolean noisy() { return noise; }

    /** D = a(t)·x − λ g(t)² s for n values from off. */
    public void reverseDrift(float[] x, float[] score, int off, int n, double t, float[] out) {
        double a = sde.driftCoeff(t), lg2 = lambda * sde.diffusionSq(t);
        for (int i = off; i < off + n; i++) out[i] = (float) (a * x[i] - lg2 * score[i]);
    }

    /**
     * The step's arithmetic with given noise (z null, or ignored when this predictor is noise-free):
     * xMeanOut = x + D·dt, xOut = xMean + g √(−dt) z. xOut may alias x.
     */
    public void apply(float[] x, float[] score, float[] z, int off, int n, double t, double dt,
                      float[] xOut, float[] xMeanOut) {
        double a = sde.driftCoeff(t), lg2 = lambda * sde.diffusionSq(t);
        double sigma = noise && z != null ? sde.diffusion(t) * Math.sqrt(-dt) : 0.0;
        for (int i = off; i < off + n; i++) {
            double mean = x[i] + (a * x[i] - lg2 * score[i]) * dt;
            xMeanOut[i] = (float) mean;
            xOut[i] = (float) (sigma == 0.0 ? mean : mean + sigma * z[i - off]);
        }
    }

    @Override public void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t,
                                 double dt, Rng[] rngs) {
        float[] z = noise ? new float[dim] : null;
        for (int r = from; r < to; r++) {
            if (noise) rngs[r].fillGaussian(z, 0, dim);
            apply(x, score, z, r * dim, dim, t, dt, x, xMean);
        }
    }
}
