package gfpose.kernel;

/**
 * The arithmetic of group normalisation, one group at a time: moments in double, each summed as four interleaved
 * partial sums (four short dependency chains in a fixed order, at least as accurate as PyTorch's float kernel).
 */
public final class Norm {
    private Norm() {}

    /**
     * One group of {@code size} values at {@code x[xs]}: {@code y[ys + i] = x̂·γ[c0 + i] + β[c0 + i]} with
     * {@code x̂ = (x − mean)·rstd}; keeps x̂ at {@code xhat[ys + i]} when xhat is not null. y may be x.
     *
     * @param x     the values
     * @param xs    index of the group's first value in x
     * @param size  values in the group (&gt; 0)
     * @param gamma the scale, indexed from c0
     * @param beta  the shift, indexed from c0
     * @param c0    index of the group's first channel in gamma and beta
     * @param y     receives the normalised values
     * @param ys    index of the first value written in y (and xhat)
     * @param xhat  receives x̂, or null
     * @param eps   added to the variance
     * @return rstd = 1 / sqrt(biased variance + eps)
     */
    public static double group(float[] x, int xs, int size, float[] gamma, float[] beta, int c0, float[] y, int ys,
                               float[] xhat, double eps) {
        int n4 = size & ~3;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n4; i += 4) { s0 += x[xs + i]; s1 += x[xs + i + 1]; s2 += x[xs + i + 2]; s3 += x[xs + i + 3]; }
        for (int i = n4; i < size; i++) s0 += x[xs + i];
        double mean = ((s0 + s1) + (s2 + s3)) / size;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int i = 0; i < n4; i += 4) {
            double d0 = x[xs + i] - mean, d1 = x[xs + i + 1] - mean, d2 = x[xs + i + 2] - mean, d3 = x[xs + i + 3] - mean;
            q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
        }
        for (int i = n4; i < size; i++) { double d = x[xs + i] - mean; q0 += d * d; }
        double rstd = 1.0 / Math.sqrt(((q0 + q1) + (q2 + q3)) / size + eps);
        // two branch-free loops, which C2 vectorizes (its superword pass takes the float-double conversions)
        if (xhat == null) {
            for (int i = 0; i < size; i++) y[ys + i] = (float) ((x[xs + i] - mean) * rstd * gamma[c0 + i] + beta[c0 + i]);
        } else {
            for (int i = 0; i < size; i++) {
                double xh = (x[xs + i] - mean) * rstd;
                xhat[ys + i] = (float) xh;
                y[ys + i] = (float) (xh * gamma[c0 + i] + beta[c0 + i]);
            }
        }
        return rstd;
    }
}
