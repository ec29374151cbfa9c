package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.sde.Sde;

/**
 * Langevin corrector (score_sde {@code LangevinCorrector}): x_mean = x + ε s, x = x_mean + √(2ε) z, run
 * {@code steps} times at each t. score_sde sets ε = 2α (snr·‖z‖/‖s‖)² with ‖z‖, ‖s‖ averaged over the batch.
 * Here ‖z‖ and ‖s‖ are replaced by their values for a noise-dominated marginal, ‖z‖² ≈ d and
 * ‖s‖² ≈ d/std(t)², giving <b>ε = 2α (snr·std(t))²</b> (NCSN's annealed-Langevin rule), because
 * <ul>
 * <li>batch-averaged norms make a sample depend on which other rows share its batch, and</li>
 * <li>per-row norms make ε depend on the state, which biases the chain (ε blows up near a mode; in a 4-d
 *     Gaussian test the covariance came out twice too large).</li>
 * </ul>
 * α is {@link Sde#langevinAlpha}: score_sde reads {@code sde.alphas}, which its sub-VP SDE lacks (GFPose's corrector
 * would crash); sub-VP and VP use 1 − β_i/N of the shared β schedule (∈ [0.98, 1)), VE uses 1.
 */
public final class LangevinCorrector implements Corrector {
    private final Sde sde;
    private final double snr;
    private final int steps;

    /**
     * A Langevin corrector; immutable, so it may be shared.
     *
     * @param sde   the forward SDE, for std(t) and α(t)
     * @param snr   the signal-to-noise ratio that sets the step size (&gt; 0; GFPose's config: 0.16)
     * @param steps Langevin steps per predictor step (≥ 0)
     * @throws IllegalArgumentException if snr is not positive or steps is negative
     */
    public LangevinCorrector(Sde sde, double snr, int steps) {
        if (!(snr > 0) || steps < 0) throw new IllegalArgumentException("bad Langevin settings");
        this.sde = sde;
        this.snr = snr;
        this.steps = steps;
    }

    @Override public int steps() { return steps; }

    /**
     * ε(t) = 2α(t) (snr·std(t))².
     *
     * @param t diffusion time, in (0, T]
     * @return the step size ε(t): x_mean = x + ε s, noise √(2ε) z
     */
    public double stepSize(double t) {
        double s = snr * sde.std(t);
        return 2 * sde.langevinAlpha(t) * s * s;
    }

    @Override public void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t,
                                 Rng[] rngs) {
        double eps = stepSize(t), noise = Math.sqrt(2 * eps);
        float[] z = new float[dim];
        for (int r = from; r < to; r++) {
            rngs[r].fillGaussian(z, 0, dim);
            int off = r * dim;
            for (int i = 0; i < dim; i++) {
                double mean = x[off + i] + eps * score[off + i];
                xMean[off + i] = (float) mean;
                x[off + i] = (float) (mean + noise * z[i]);
            }
        }
    }
}
