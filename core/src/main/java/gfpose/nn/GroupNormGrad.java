package gfpose.nn;

import gfpose.kernel.Norm;

/**
 * GroupNorm forward that keeps what its backward needs (the normalised values x̂ and 1/σ per group), and that
 * backward. The forward is {@link Norm#rows}, as in eval mode, so train and eval outputs agree bitwise.
 */
final class GroupNormGrad {
    private GroupNormGrad() {}

    /**
     * Rows [r0, r1) of x (rows × channels) to y = x̂·γ + β; x̂ and rstd (rows × groups) are kept for the backward.
     */
    static void forward(float[] x, float[] gamma, float[] beta, int channels, int groups, int r0, int r1,
                        float[] y, float[] xhat, float[] rstd) {
        int o = r0 * channels;
        Norm.rows(x, o, r1 - r0, channels, groups, gamma, beta, y, o, xhat, rstd, r0 * groups, GroupNorm.EPS);
    }

    /**
     * Input gradient for rows [r0, r1): dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) with dx̂ = dy·γ, per group.
     * dx may be dy.
     */
    static void backwardInput(float[] dy, float[] xhat, float[] rstd, float[] gamma, int channels, int groups,
                              int r0, int r1, float[] dx) {
        int size = channels / groups;
        for (int r = r0; r < r1; r++) {
            for (int g = 0; g < groups; g++) {
                int o = r * channels + g * size, c0 = g * size;
                // two interleaved partial sums per moment (GroupNorm.normalize uses four): shorter dependency chains
                double m1a = 0, m1b = 0, m2a = 0, m2b = 0;
                int i = 0;
                for (; i + 1 < size; i += 2) {
                    double d0 = (double) dy[o + i] * gamma[c0 + i], d1 = (double) dy[o + i + 1] * gamma[c0 + i + 1];
                    m1a += d0; m1b += d1;
                    m2a += d0 * xhat[o + i]; m2b += d1 * xhat[o + i + 1];
                }
                if (i < size) {
                    double d0 = (double) dy[o + i] * gamma[c0 + i];
                    m1a += d0;
                    m2a += d0 * xhat[o + i];
                }
                double m1 = (m1a + m1b) / size, m2 = (m2a + m2b) / size;
                double rs = rstd[r * groups + g];
                for (int j = 0; j < size; j++) {
                    double dxh = (double) dy[o + j] * gamma[c0 + j];
                    dx[o + j] = (float) (rs * (dxh - m1 - xhat[o + j] * m2));
                }
            }
        }
    }

    /** dγ_c += Σ_r dy·x̂ and dβ_c += Σ_r dy for channels [c0, c1), rows summed in increasing order. */
    static void backwardParams(float[] dy, float[] xhat, int rows, int channels, int c0, int c1, float[] dGamma, float[] dBeta) {
        // rows outer, so both inputs are read along their rows; each channel's sums still run over r in order
        int n = c1 - c0;
        double[] sg = new double[n], sb = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0, i = r * channels + c0; c < n; c++, i++) {
                sg[c] += (double) dy[i] * xhat[i];
                sb[c] += dy[i];
            }
        }
        for (int c = 0; c < n; c++) {
            dGamma[c0 + c] += (float) sg[c];
            dBeta[c0 + c] += (float) sb[c];
        }
    }
}
