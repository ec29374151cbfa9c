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

    /** Input gradient for rows [r0, r1), {@link Norm#backwardInput}. dx may be dy. */
    static void backwardInput(float[] dy, float[] xhat, float[] rstd, float[] gamma, int channels, int groups,
                              int r0, int r1, float[] dx) {
        Norm.backwardInput(dy, xhat, rstd, gamma, channels, groups, r0, r1, dx);
    }

    /** dγ_c += Σ_r dy·x̂ and dβ_c += Σ_r dy for channels [c0, c1), {@link Norm#backwardParams}. */
    static void backwardParams(float[] dy, float[] xhat, int rows, int channels, int c0, int c1, float[] dGamma, float[] dBeta) {
        Norm.backwardParams(dy, xhat, rows, channels, c0, c1, dGamma, dBeta);
    }
}
