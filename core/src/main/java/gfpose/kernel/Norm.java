package gfpose.kernel;

/**
 * The arithmetic of group normalisation and its backward pass: moments in double, each summed as four (forward) or
 * two (backward) interleaved partial sums in a fixed order, at least as accurate as PyTorch's float kernel. Each
 * operation has one scalar definition here; {@code VectorNorm} repeats it lane-wise at 256 and 512 bits with the
 * same bits, the 128-bit and scalar backends run it as written.
 */
public final class Norm {
    private Norm() {}

    /**
     * Group normalisation of rows [0, rows) of x (each {@code channels} values, {@code groups} groups of consecutive
     * channels): for every group, {@link #group} and its bits, on the Vector API when {@link Simd} selected it.
     *
     * @param x        the values, row r at {@code x[xOff + r·channels]}
     * @param xOff     index of row 0 in x
     * @param rows     number of rows (≥ 0)
     * @param channels values per row, a multiple of groups
     * @param groups   groups per row (&gt; 0)
     * @param gamma    the scale, [channels]
     * @param beta     the shift, [channels]
     * @param y        receives the normalised rows at {@code y[yOff + r·channels]}; may be x (with yOff = xOff)
     * @param yOff     index of row 0 in y
     * @param xhat     receives x̂ at the indices of y, or null
     * @param rstd     receives each group's 1/σ (as float) at {@code rstd[rstdOff + r·groups + g]}, or null
     * @param rstdOff  index of row 0 in rstd
     * @param eps      added to the variance
     */
    public static void rows(float[] x, int xOff, int rows, int channels, int groups, float[] gamma, float[] beta,
                            float[] y, int yOff, float[] xhat, float[] rstd, int rstdOff, double eps) {
        if (rows <= 0) return;
        if (Simd.BITS >= 256) {
            VectorNorm.rows(x, xOff, rows, channels, groups, gamma, beta, y, yOff, xhat, rstd, rstdOff, eps);
            return;
        }
        int size = channels / groups;
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groups; g++) {
                int c0 = g * size;
                double rs = group(x, xOff + r * channels + c0, size, gamma, beta, c0, y, yOff + r * channels + c0, xhat, eps);
                if (rstd != null) rstd[rstdOff + r * groups + g] = (float) rs;
            }
        }
    }

    /** s / n; as s · (1/n) when n is a power of two, which is the same value (1/n is exact) without a division's latency. */
    static double divide(double s, int n) { return (n & (n - 1)) == 0 ? s * (1.0 / n) : s / n; }

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
        double mean = divide((s0 + s1) + (s2 + s3), size);
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int i = 0; i < n4; i += 4) {
            double d0 = x[xs + i] - mean, d1 = x[xs + i + 1] - mean, d2 = x[xs + i + 2] - mean, d3 = x[xs + i + 3] - mean;
            q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
        }
        for (int i = n4; i < size; i++) { double d = x[xs + i] - mean; q0 += d * d; }
        double rstd = 1.0 / Math.sqrt(divide((q0 + q1) + (q2 + q3), size) + eps);
        // two branch-free loops (C2 on JDK 17 does not vectorise their float-double conversions: VectorNorm does)
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

    /**
     * Input gradient of {@link #rows} for rows [r0, r1): per group, {@code dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))}
     * with {@code dx̂ = dy·γ}; each mean of two interleaved partial sums (even and odd values) in double.
     *
     * @param dy       ∂L/∂y, rows × channels from row 0
     * @param xhat     the forward's x̂, same layout
     * @param rstd     the forward's 1/σ, rows × groups
     * @param gamma    the scale, [channels]
     * @param channels values per row
     * @param groups   groups per row
     * @param r0       first row
     * @param r1       end row (exclusive)
     * @param dx       receives ∂L/∂x, same layout as dy; may be dy
     */
    public static void backwardInput(float[] dy, float[] xhat, float[] rstd, float[] gamma, int channels, int groups,
                                     int r0, int r1, float[] dx) {
        int size = channels / groups;
        boolean vector = Simd.BITS >= 256;
        double[] means = new double[2 * groups]; // per group: mean(dx̂), mean(dx̂·x̂)
        for (int r = r0; r < r1; r++) {
            int g = 0;
            // four groups at a time on the Vector API: their chains overlap (an even size keeps the two chains in lanes)
            if (vector && size % 2 == 0) {
                for (; g + 3 < groups; g += 4) VectorNorm.gradMeans4(dy, xhat, gamma, r * channels + g * size, g * size, size, means, 2 * g);
            }
            for (; g < groups; g++) gradMeans(dy, xhat, gamma, r * channels + g * size, g * size, size, means, 2 * g);
            for (g = 0; g < groups; g++) {
                int o = r * channels + g * size, c0 = g * size;
                double rs = rstd[r * groups + g], m1 = means[2 * g], m2 = means[2 * g + 1];
                if (vector) VectorNorm.gradStep(dy, xhat, gamma, o, c0, size, m1, m2, rs, dx);
                else gradStep(dy, xhat, gamma, o, c0, 0, size, m1, m2, rs, dx);
            }
        }
    }

    /** One group's {@code dx = rstd·(dx̂ − m1 − x̂·m2)} for values [from, size), {@code dx̂ = dy·γ}: the scalar step. */
    static void gradStep(float[] dy, float[] xhat, float[] gamma, int o, int c0, int from, int size, double m1, double m2,
                         double rs, float[] dx) {
        for (int j = from; j < size; j++) {
            double dxh = (double) dy[o + j] * gamma[c0 + j];
            dx[o + j] = (float) (rs * (dxh - m1 - xhat[o + j] * m2));
        }
    }

    /**
     * One group's means for {@link #backwardInput}: {@code means[mo] = mean(dx̂)}, {@code means[mo + 1] = mean(dx̂·x̂)}
     * with {@code dx̂ = dy·γ}, each of two interleaved partial sums (even and odd values) in double.
     */
    static void gradMeans(float[] dy, float[] xhat, float[] gamma, int o, int c0, int size, double[] means, int mo) {
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
        means[mo] = divide(m1a + m1b, size);
        means[mo + 1] = divide(m2a + m2b, size);
    }

    /**
     * Parameter gradients of {@link #rows}: {@code dγ_c += Σ_r dy·x̂} and {@code dβ_c += Σ_r dy} for channels [c0, c1),
     * each sum in double over rows [0, rows) in increasing order.
     *
     * @param dy       ∂L/∂y, rows × channels from row 0
     * @param xhat     the forward's x̂, same layout
     * @param rows     number of rows
     * @param channels values per row
     * @param c0       first channel
     * @param c1       end channel (exclusive)
     * @param dGamma   receives (adds) dγ, [channels]
     * @param dBeta    receives (adds) dβ, [channels]
     */
    public static void backwardParams(float[] dy, float[] xhat, int rows, int channels, int c0, int c1, float[] dGamma, float[] dBeta) {
        backwardParams(dy, xhat, rows, channels, c0, c1, dGamma, dBeta, true);
    }

    /**
     * {@link #backwardParams(float[], float[], int, int, int, int, float[], float[])} that adds to dγ and dβ
     * ({@code accumulate}) or overwrites them: the same bits as adding to zeros (a sum from +0 is never −0).
     *
     * @param dy         ∂L/∂y, rows × channels from row 0
     * @param xhat       the forward's x̂, same layout
     * @param rows       number of rows
     * @param channels   values per row
     * @param c0         first channel
     * @param c1         end channel (exclusive)
     * @param dGamma     receives dγ, [channels]
     * @param dBeta      receives dβ, [channels]
     * @param accumulate add to dGamma and dBeta, or overwrite channels [c0, c1) of them
     */
    public static void backwardParams(float[] dy, float[] xhat, int rows, int channels, int c0, int c1, float[] dGamma,
                                      float[] dBeta, boolean accumulate) {
        int n = c1 - c0;
        double[] sg = new double[n], sb = new double[n];
        if (Simd.BITS >= 256) VectorNorm.paramSums(dy, xhat, rows, channels, c0, n, sg, sb);
        else scalarParamSums(dy, xhat, rows, channels, c0, n, sg, sb);
        for (int c = 0; c < n; c++) {
            dGamma[c0 + c] = (float) sg[c] + (accumulate ? dGamma[c0 + c] : 0f);
            dBeta[c0 + c] = (float) sb[c] + (accumulate ? dBeta[c0 + c] : 0f);
        }
    }

    /** {@link #backwardParams}'s sums on the scalar path: {@code sg[c] += dy·x̂}, {@code sb[c] += dy}, rows in order. */
    static void scalarParamSums(float[] dy, float[] xhat, int rows, int channels, int c0, int n, double[] sg, double[] sb) {
        // rows outer, so both inputs are read along their rows; each channel's sums still run over r in order
        for (int r = 0; r < rows; r++) {
            for (int c = 0, i = r * channels + c0; c < n; c++, i++) {
                sg[c] += (double) dy[i] * xhat[i];
                sb[c] += dy[i];
            }
        }
    }
}
