package gfpose.kernel;

import java.util.Arrays;

/**
 * The scalar GEMM on packed panels: the fallback when the Vector API is absent or disabled, and the shared
 * epilogue. Same arithmetic as the vector tile (FMA in increasing k from 0, then bias, then y, then the
 * activation), so both backends give the same bits.
 */
final class ScalarGemm {
    private ScalarGemm() {}

    /** Rows [r0, r1) and panels [p0, p1) of {@code y = act(acc·y + b + A·Wᵀ)}; see {@link VectorGemm#linear}. */
    static void linear(Operands.Rows ar, int r0, int r1, Operands.Output o, int p0, int p1) {
        Operands.Panels w = o.w();
        Operands.Rows yr = o.y();
        float[] bias = o.bias();
        boolean acc = o.acc();
        Activation act = o.act();
        float[] a = ar.data(), wp = w.data(), y = yr.data();
        int out = w.out(), in = w.in(), pw = Simd.PANEL, step = ar.step();
        float[] s = new float[pw];
        for (int q = p0; q < p1; q++) {
            int j0 = q * pw, n = Math.min(pw, out - j0), w0 = w.offset() + q * in * pw;
            for (int r = r0; r < r1; r++) {
                int a0 = ar.offset() + r * ar.stride();
                Arrays.fill(s, 0f);
                // i-k-j order: the inner loop over the panel is contiguous, so C2 can auto-vectorize it.
                for (int k = 0; k < in; k++) {
                    float v = a[a0 + k * step];
                    for (int c = 0, wk = w0 + k * pw; c < pw; c++) s[c] = Math.fma(v, wp[wk + c], s[c]);
                }
                finish(s, 0, pw, 1, n, bias, o.shift(), j0, y, yr.offset() + r * yr.stride() + j0, yr.stride(), acc, act);
            }
        }
    }

    /**
     * Epilogue from raw sums {@code s} (row stride {@code ss}) into {@code rows x n} outputs of y (row stride
     * {@code ys}): {@code y = act(s + bias[j0 + c] + shift[j0 + c] + (acc ? y : 0))}, added in that order.
     */
    static void finish(float[] s, int s0, int ss, int rows, int n, float[] bias, float[] shift, int j0,
                       float[] y, int y0, int ys, boolean acc, Activation act) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                float v = s[s0 + r * ss + c];
                if (bias != null) v += bias[j0 + c];
                if (shift != null) v += shift[j0 + c];
                if (acc) v += y[y0 + r * ys + c];
                y[y0 + r * ys + c] = act.apply(v);
            }
        }
    }
}
