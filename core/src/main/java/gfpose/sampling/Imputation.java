package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.sde.Sde;

/**
 * A hook run after every corrector and predictor step (GFPose/score_sde imputation for completion tasks). The
 * samplers call it from several threads at once on disjoint row ranges: it must touch only its rows.
 */
@FunctionalInterface
public interface Imputation {
    /**
     * Adjusts rows [from, to) of x and xMean at time t.
     *
     * @param x     [rows * dim] current states, row-major; rows [from, to) may be changed in place
     * @param xMean [rows * dim] the noise-free part of the last step, changed consistently with x
     * @param dim   values per row (51 for a pose)
     * @param from  first row to adjust
     * @param to    end of the rows to adjust (exclusive)
     * @param t     diffusion time the adjusted entries are drawn for, in (0, T]
     * @param rngs  one stream per row (row r draws only from rngs[r])
     */
    void impute(float[] x, float[] xMean, int dim, int from, int to, double t, Rng[] rngs);

    /**
     * GFPose's {@code imputation_update_fn}: entries with mask 1 are replaced by a fresh draw of the forward
     * marginal of the observation, x ← m(t)c + std(t)ε and x_mean ← m(t)c. Rows whose mask is all zero are
     * untouched and draw nothing.
     *
     * @param sde  the forward SDE, for m(t) and std(t)
     * @param cond [rows * dim] observed values (network space); kept by reference
     * @param mask [rows * dim] 1 = observed (imputed), 0 = generated; kept by reference
     * @return the hook; row r draws dim normals from rngs[r] per call unless its mask row is all zero
     */
    static Imputation observed(Sde sde, float[] cond, float[] mask) {
        return (x, xMean, dim, from, to, t, rngs) -> {
            double m = sde.meanCoeff(t), s = sde.std(t);
            for (int r = from; r < to; r++) {
                int off = r * dim;
                boolean any = false;
                for (int i = off; i < off + dim && !any; i++) any = mask[i] != 0;
                if (!any) continue;
                for (int i = off; i < off + dim; i++) {
                    double e = rngs[r].nextGaussian();  // one draw per entry, as randn_like(x)
                    if (mask[i] == 0) continue;
                    double mean = m * cond[i];
                    xMean[i] = (float) mean;
                    x[i] = (float) (mean + s * e);
                }
            }
        };
    }
}
