package gfpose.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM over packed column panels of four vectors: a 4-row x 4-vector register tile
 * (16 FMA accumulators) at 512 bits, two 4-row x 2-vector tiles per panel at narrower widths. Rows past the
 * last multiple of 4 use a 1-row tile; a partial last panel goes through a scratch tile. Loaded only when
 * {@link Simd} selected it, so the scalar path never touches {@code jdk.incubator.vector}.
 */
final class VectorGemm {
    private VectorGemm() {}

    /** A constant species: a non-constant one makes the tile ~100x slower (C2 cannot intrinsify it). */
    static final VectorSpecies<Float> S = species();
    static final int L = S.length();
    static final int BITS = S.vectorBitSize();
    /** Panel width: the tile's four vectors; equals {@link Simd#PANEL}. */
    private static final int P = 4 * L;
    /**
     * 16 accumulators + 4 panel vectors + 1 broadcast need 21 registers: fine with AVX-512's 32, but they spill
     * on AVX2's 16. Below 512 bits each panel is therefore done as two halves of 4 rows x 2 vectors.
     */
    private static final boolean WIDE = BITS >= 512;

    private static VectorSpecies<Float> species() {
        int bits = Simd.requested();
        return bits > 0 ? VectorSpecies.of(float.class, VectorShape.forBitSize(bits)) : FloatVector.SPECIES_PREFERRED;
    }

    /** Rows [r0, r1) and panels [p0, p1) of {@code y = act(acc·y + b + x·Wᵀ)}; see {@link Gemm#linear}. */
    static void linear(float[] x, int xOff, int r0, int r1, float[] wp, int out, int in, float[] bias,
                       float[] y, int yOff, boolean acc, Activation act, int p0, int p1) {
        float[] scratch = null;
        // Panel-outer: one panel (in·P floats, 256 KB at 1024x64) stays in L2 while the rows stream past it.
        for (int q = p0; q < p1; q++) {
            int j0 = q * P, n = Math.min(P, out - j0), w0 = q * in * P;
            for (int r = r0; r < r1; ) {
                int h = r1 - r >= 4 ? 4 : 1;
                int xr = xOff + r * in, yr = yOff + r * out + j0;
                if (n == P) {
                    if (h == 4) tile4(x, xr, in, wp, w0, bias, j0, y, yr, out, acc);
                    else tile1(x, xr, in, wp, w0, bias, j0, y, yr, acc);
                    ScalarGemm.activate(y, yr, out, h, n, act);
                } else {
                    // Partial last panel: raw sums go to scratch so nothing past `out` is written.
                    if (scratch == null) scratch = new float[4 * P];
                    if (h == 4) tile4(x, xr, in, wp, w0, null, 0, scratch, 0, P, false);
                    else tile1(x, xr, in, wp, w0, null, 0, scratch, 0, false);
                    ScalarGemm.finish(scratch, 0, P, h, n, bias, j0, y, yr, out, acc, act);
                }
                r += h;
            }
        }
    }

    /** Four rows x one full panel; rows of x at stride {@code in}, rows of y at stride {@code ys}. */
    private static void tile4(float[] x, int x0, int in, float[] wp, int w0, float[] bias, int j0,
                              float[] y, int y0, int ys, boolean acc) {
        if (WIDE) {
            tile4x4(x, x0, in, wp, w0, bias, j0, y, y0, ys, acc);
        } else {
            tile4x2(x, x0, in, wp, w0, bias, j0, y, y0, ys, acc);
            tile4x2(x, x0, in, wp, w0 + 2 * L, bias, j0 + 2 * L, y, y0 + 2 * L, ys, acc);
        }
    }

    /** Four rows x one full panel; rows of x at stride {@code in}, rows of y at stride {@code ys}. */
    private static void tile4x4(float[] x, int x0, int in, float[] wp, int w0, float[] bias, int j0,
                                float[] y, int y0, int ys, boolean acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        for (int k = 0, p = w0; k < in; k++, p += P) {
            FloatVector b0 = FloatVector.fromArray(S, wp, p), b1 = FloatVector.fromArray(S, wp, p + L),
                        b2 = FloatVector.fromArray(S, wp, p + 2 * L), b3 = FloatVector.fromArray(S, wp, p + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = b0.fma(a, c00); c01 = b1.fma(a, c01); c02 = b2.fma(a, c02); c03 = b3.fma(a, c03);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = b0.fma(a, c10); c11 = b1.fma(a, c11); c12 = b2.fma(a, c12); c13 = b3.fma(a, c13);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = b0.fma(a, c20); c21 = b1.fma(a, c21); c22 = b2.fma(a, c22); c23 = b3.fma(a, c23);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = b0.fma(a, c30); c31 = b1.fma(a, c31); c32 = b2.fma(a, c32); c33 = b3.fma(a, c33);
        }
        int y1 = y0 + ys, y2 = y1 + ys, y3 = y2 + ys;
        put(c00, bias, j0, y, y0, acc); put(c01, bias, j0 + L, y, y0 + L, acc);
        put(c02, bias, j0 + 2 * L, y, y0 + 2 * L, acc); put(c03, bias, j0 + 3 * L, y, y0 + 3 * L, acc);
        put(c10, bias, j0, y, y1, acc); put(c11, bias, j0 + L, y, y1 + L, acc);
        put(c12, bias, j0 + 2 * L, y, y1 + 2 * L, acc); put(c13, bias, j0 + 3 * L, y, y1 + 3 * L, acc);
        put(c20, bias, j0, y, y2, acc); put(c21, bias, j0 + L, y, y2 + L, acc);
        put(c22, bias, j0 + 2 * L, y, y2 + 2 * L, acc); put(c23, bias, j0 + 3 * L, y, y2 + 3 * L, acc);
        put(c30, bias, j0, y, y3, acc); put(c31, bias, j0 + L, y, y3 + L, acc);
        put(c32, bias, j0 + 2 * L, y, y3 + 2 * L, acc); put(c33, bias, j0 + 3 * L, y, y3 + 3 * L, acc);
    }

    /** Four rows x half a panel (vectors at w0 and w0 + L of each panel row): the tile for 16-register ISAs. */
    private static void tile4x2(float[] x, int x0, int in, float[] wp, int w0, float[] bias, int j0,
                                float[] y, int y0, int ys, boolean acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        for (int k = 0, p = w0; k < in; k++, p += P) {
            FloatVector b0 = FloatVector.fromArray(S, wp, p), b1 = FloatVector.fromArray(S, wp, p + L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = b0.fma(a, c00); c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = b0.fma(a, c10); c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = b0.fma(a, c20); c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = b0.fma(a, c30); c31 = b1.fma(a, c31);
        }
        int y1 = y0 + ys, y2 = y1 + ys, y3 = y2 + ys;
        put(c00, bias, j0, y, y0, acc); put(c01, bias, j0 + L, y, y0 + L, acc);
        put(c10, bias, j0, y, y1, acc); put(c11, bias, j0 + L, y, y1 + L, acc);
        put(c20, bias, j0, y, y2, acc); put(c21, bias, j0 + L, y, y2 + L, acc);
        put(c30, bias, j0, y, y3, acc); put(c31, bias, j0 + L, y, y3 + L, acc);
    }

    /** One row x one full panel: the row remainder. Same per-element arithmetic as {@link #tile4}. */
    private static void tile1(float[] x, int x0, int in, float[] wp, int w0, float[] bias, int j0,
                              float[] y, int y0, boolean acc) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int k = 0, p = w0; k < in; k++, p += P) {
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c0 = FloatVector.fromArray(S, wp, p).fma(a, c0);
            c1 = FloatVector.fromArray(S, wp, p + L).fma(a, c1);
            c2 = FloatVector.fromArray(S, wp, p + 2 * L).fma(a, c2);
            c3 = FloatVector.fromArray(S, wp, p + 3 * L).fma(a, c3);
        }
        put(c0, bias, j0, y, y0, acc); put(c1, bias, j0 + L, y, y0 + L, acc);
        put(c2, bias, j0 + 2 * L, y, y0 + 2 * L, acc); put(c3, bias, j0 + 3 * L, y, y0 + 3 * L, acc);
    }

    /** Fused epilogue of one vector: {@code y = c + bias + (acc ? y : 0)}, in that order. Small enough to inline. */
    private static void put(FloatVector c, float[] bias, int j, float[] y, int o, boolean acc) {
        if (bias != null) c = c.add(FloatVector.fromArray(S, bias, j));
        if (acc) c = c.add(FloatVector.fromArray(S, y, o));
        c.intoArray(y, o);
    }
}
