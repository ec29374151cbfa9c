package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.sde.Sde;

/**
 * score_sde's Langevin corrector: x_mean = x + ε s, x = x_mean + √(2ε) z, with ε = 2α (snr·‖z‖/‖s‖)².
 * Differences from score_sde, both deliberate:
 * <ul>
 * <li>α comes from {@link Sde#langevinAlpha}: score_sde reads {@code sde.alphas}, which its sub-VP SDE lacks
 *     (GFPose's corrector would crash); we use 1 − β_i/N of the shared β schedule for sub-VP and VP (∈ [0.98, 1),
 *     so practically α = 1) and 1 for VE, as score_sde.</li>
 * <li>‖z‖ and ‖s‖ are per row, not averaged over the batch, so a sample never depends on which others share
 *     its batch.</li>
 * </ul>
 */
public final class LangevinCorrector implements Corrector {
    private final Sde sde;
    private final double snr;
    private final int steps;

    public LangevinCorrector(Sde sde, double snr, int steps) {
        if (!(snr > 0) || steps < 0) throw new IllegalArgumentException("bad Langevin settings");
        this.sde = sde;
        this.snr = snr;
        this.steps = steps;
    }

    @Override public int steps() { return steps; }

    @Override public void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t,
                                 Rng[] rngs) {
        double alpha = sde.langevinAlpha(t);
        float[] z = new float[dim];
        for (int r = from; r < to; r++) {
            rngs[r].fillGaussian(z, 0, dim);
            int off = r * dim;
            double zz = 0, ss = 0;
            for (int i = 0; i < dim; i++) {
                zz += (double) z[i] * z[i];
                ss += (double) score[off + i] * score[off + i];
            }
            double eps = ss > 0 ? 2 * alpha * snr * snr * zz / ss : 0.0;
            double noise = Math.sqrt(2 * eps);
            for (int i = 0; i < dim; i++) {
                double mean = x[off + i] + eps * score[off + i];
                xMean[off + i] = (float) mean;
                x[off + i] = (float) (mean + noise * z[i]);
            }
        }
    }
}
