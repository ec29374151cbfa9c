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

    /**
     * A predictor for any drift factor; the factories below give the three processes GFPose uses.
     *
     * @param sde    the forward SDE, for a(t), g(t) and g(t)²
     * @param lambda drift factor λ of the score term: 1 for the reverse SDE, ½ for the probability-flow ODE
     * @param noise  whether each step adds g(t)·√(−dt)·z
     */
    public EulerMaruyama(Sde sde, double lambda, boolean noise) {
        this.sde = sde;
        this.lambda = lambda;
        this.noise = noise;
    }

    /**
     * The reverse SDE (GFPose's stochastic sampler).
     *
     * @param sde the forward SDE
     * @return a predictor with λ = 1 and noise
     */
    public static EulerMaruyama reverseSde(Sde sde) { return new EulerMaruyama(sde, 1.0, true); }

    /**
     * GFPose's deterministic sampler: the reverse SDE's drift (λ = 1) without noise.
     *
     * @param sde the forward SDE
     * @return a predictor with λ = 1 and no noise
     */
    public static EulerMaruyama gfposeDeterministic(Sde sde) { return new EulerMaruyama(sde, 1.0, false); }

    /**
     * The true probability-flow ODE (λ = ½), Euler steps.
     *
     * @param sde the forward SDE
     * @return a predictor with λ = ½ and no noise
     */
    public static EulerMaruyama probabilityFlow(Sde sde) { return new EulerMaruyama(sde, 0.5, false); }

    /**
     * The drift factor of the score term.
     *
     * @return λ: 1 for the reverse SDE and GFPose's deterministic sampler, ½ for the probability-flow ODE
     */
    public double lambda() { return lambda; }

    /**
     * Whether the steps add noise.
     *
     * @return true if each step adds g(t)·√(−dt)·z
     */
    public boolean noisy() { return noise; }

    /**
     * D = a(t)·x − λ g(t)² s for n values from off.
     *
     * @param x     states x_t; values [off, off + n) are read
     * @param score the score at (x, t), same indexing as x
     * @param off   first index
     * @param n     number of values
     * @param t     diffusion time, in (0, T]
     * @param out   receives D at [off, off + n); may be x or score
     */
    public void reverseDrift(float[] x, float[] score, int off, int n, double t, float[] out) {
        double a = sde.driftCoeff(t), lg2 = lambda * sde.diffusionSq(t);
        for (int i = off; i < off + n; i++) out[i] = (float) (a * x[i] - lg2 * score[i]);
    }

    /**
     * The step's arithmetic with given noise (z null, or ignored when this predictor is noise-free):
     * xMeanOut = x + D·dt, xOut = xMean + g √(−dt) z. xOut may alias x.
     *
     * @param x        states x_t; values [off, off + n) are read
     * @param score    the score at (x, t), same indexing as x
     * @param z        n standard normal values indexed from 0 (z[i] goes with x[off + i]), or null for no noise
     * @param off      first index into x, score, xOut and xMeanOut
     * @param n        number of values
     * @param t        diffusion time of x, in (0, T]
     * @param dt       the (negative) time step
     * @param xOut     receives x_{t+dt} at [off, off + n)
     * @param xMeanOut receives its noise-free part at [off, off + n)
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
