package gfpose.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM over packed column panels of four vectors: a 4-row x 4-vector register tile
 * (16 FMA accumulators) at 512 bits, two 6-row x 2-vector tiles per panel at narrower widths (4-row x 2-vector
 * for a 4- or 5-row remainder). Remaining rows use a 1-row tile; a partial last panel goes through a scratch tile. Loaded only when
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
        // Tiles leave raw sums here and one small epilogue loop finishes them. Vectors must not cross calls:
        // a per-vector epilogue method (or SiLU on a FloatVector argument) that C2 declines to inline, once the
        // big tile has used up its inlining budget, runs boxed at a fraction of the speed (seen in JFR profiles).
        float[] t = new float[6 * P];
        boolean silu = act == Activation.SILU;
        // Panel-outer: one panel (in·P floats, 128 KB at 1024 x 256 bits) stays in L2 while the rows stream past it.
        for (int q = p0; q < p1; q++) {
            int j0 = q * P, n = Math.min(P, out - j0), w0 = q * in * P;
            for (int r = r0; r < r1; ) {
                // Any row grouping gives the same bits (each element is one FMA chain in k order), so the
                // 16-register ISAs take 6-row tiles: 12 accumulators hide the FMA latency, 4x2's 8 do not.
                int left = r1 - r, h = !WIDE && left >= 6 ? 6 : left >= 4 ? 4 : 1;
                int xr = xOff + r * in, yr = yOff + r * out + j0;
                if (h == 6) {
                    tile6x2(x, xr, in, wp, w0, t, 0);
                    tile6x2(x, xr, in, wp, w0 + 2 * L, t, 2 * L);
                } else if (h == 4) {
                    if (WIDE) {
                        tile4x4(x, xr, in, wp, w0, t);
                    } else {
                        tile4x2(x, xr, in, wp, w0, t, 0);
                        tile4x2(x, xr, in, wp, w0 + 2 * L, t, 2 * L);
                    }
                } else {
                    tile1(x, xr, in, wp, w0, t);
                }
                // A partial last panel keeps its padding columns in t, so nothing past `out` is written.
                if (n == P) finish(t, h, bias, j0, y, yr, out, acc, silu);
                else ScalarGemm.finish(t, 0, P, h, n, bias, j0, y, yr, out, acc, act);
                r += h;
            }
        }
    }

    /**
     * Epilogue of {@code rows} full panel rows of raw sums t (row stride P) into y (row stride ys):
     * {@code y = act(t + bias + (acc ? y : 0))}, added in that order, as {@link ScalarGemm#finish} does.
     */
    private static void finish(float[] t, int rows, float[] bias, int j0, float[] y, int y0, int ys,
                               boolean acc, boolean silu) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < P; c += L) {
                int o = y0 + r * ys + c;
                FloatVector v = FloatVector.fromArray(S, t, r * P + c);
                if (bias != null) v = v.add(FloatVector.fromArray(S, bias, j0 + c));
                if (acc) v = v.add(FloatVector.fromArray(S, y, o));
                v.intoArray(y, o);
            }
            // SiLU as a second pass over the row, still in L1: its loop stays a separate small method.
            if (silu) VectorMath.silu(y, y0 + r * ys, y, y0 + r * ys, P, false);
        }
    }

    /** Four rows x one full panel (512 bits: 16 accumulators + 4 panel vectors + 1 broadcast of 32 registers). */
    private static void tile4x4(float[] x, int x0, int in, float[] wp, int w0, float[] t) {
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
        c00.intoArray(t, 0); c01.intoArray(t, L);
        c02.intoArray(t, 2 * L); c03.intoArray(t, 3 * L);
        c10.intoArray(t, P); c11.intoArray(t, P + L);
        c12.intoArray(t, P + 2 * L); c13.intoArray(t, P + 3 * L);
        c20.intoArray(t, 2 * P); c21.intoArray(t, 2 * P + L);
        c22.intoArray(t, 2 * P + 2 * L); c23.intoArray(t, 2 * P + 3 * L);
        c30.intoArray(t, 3 * P); c31.intoArray(t, 3 * P + L);
        c32.intoArray(t, 3 * P + 2 * L); c33.intoArray(t, 3 * P + 3 * L);
    }

    /** Four rows x half a panel (vectors at w0 and w0 + L of each panel row): the tile for 16-register ISAs. */
    private static void tile4x2(float[] x, int x0, int in, float[] wp, int w0, float[] t, int t0) {
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
        c00.intoArray(t, t0); c01.intoArray(t, t0 + L);
        c10.intoArray(t, t0 + P); c11.intoArray(t, t0 + P + L);
        c20.intoArray(t, t0 + 2 * P); c21.intoArray(t, t0 + 2 * P + L);
        c30.intoArray(t, t0 + 3 * P); c31.intoArray(t, t0 + 3 * P + L);
    }

    /**
     * Six rows x half a panel: 12 accumulators + 2 panel vectors + 1 broadcast = 15 of AVX2's 16 registers.
     * Per k: one 64-byte panel line, 6 broadcasts, 12 FMAs (6 cycles on two FMA pipes).
     */
    private static void tile6x2(float[] x, int x0, int in, float[] wp, int w0, float[] t, int t0) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int x1 = x0 + in, x2 = x1 + in, x3 = x2 + in, x4 = x3 + in, x5 = x4 + in;
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
            a = FloatVector.broadcast(S, x[x4 + k]);
            c40 = b0.fma(a, c40); c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, x[x5 + k]);
            c50 = b0.fma(a, c50); c51 = b1.fma(a, c51);
        }
        c00.intoArray(t, t0); c01.intoArray(t, t0 + L);
        c10.intoArray(t, t0 + P); c11.intoArray(t, t0 + P + L);
        c20.intoArray(t, t0 + 2 * P); c21.intoArray(t, t0 + 2 * P + L);
        c30.intoArray(t, t0 + 3 * P); c31.intoArray(t, t0 + 3 * P + L);
        c40.intoArray(t, t0 + 4 * P); c41.intoArray(t, t0 + 4 * P + L);
        c50.intoArray(t, t0 + 5 * P); c51.intoArray(t, t0 + 5 * P + L);
    }

    /** One row x one full panel: the row remainder. Same per-element arithmetic as the other tiles. */
    private static void tile1(float[] x, int x0, int in, float[] wp, int w0, float[] t) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int k = 0, p = w0; k < in; k++, p += P) {
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c0 = FloatVector.fromArray(S, wp, p).fma(a, c0);
            c1 = FloatVector.fromArray(S, wp, p + L).fma(a, c1);
            c2 = FloatVector.fromArray(S, wp, p + 2 * L).fma(a, c2);
            c3 = FloatVector.fromArray(S, wp, p + 3 * L).fma(a, c3);
        }
        c0.intoArray(t, 0); c1.intoArray(t, L);
        c2.intoArray(t, 2 * L); c3.intoArray(t, 3 * L);
    }
}
