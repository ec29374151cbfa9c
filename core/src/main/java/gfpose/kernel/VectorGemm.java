package gfpose.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM over packed column panels of four vectors: a 4-row x 4-vector register tile
 * (16 FMA accumulators) at 512 bits; at narrower widths each column half of a panel in 6-row x 2-vector tiles
 * (4-row x 2-vector for a 4- or 5-row remainder). Remaining rows use a 1-row x 4-vector tile. K is blocked (KC); raw sums of
 * a whole panel live in a scratch array, so a partial last panel needs no special tile. Loaded only when
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
     * on AVX2's 16. Below 512 bits each panel is therefore done as two column halves in 6-row x 2-vector tiles.
     */
    private static final boolean WIDE = BITS >= 512;

    /**
     * K block. A tile streams KC rows of its panel columns once per row tile; blocking keeps that slice (16 KB at
     * 256 bits: 256 x 2 vectors; 32 KB at 512: 128 x 4) in L1 for all the row tiles instead of re-reading the
     * whole panel height from L2 for each of them. Measured at 256 bits only.
     */
    static final int KC = WIDE ? 128 : 256;

    private static VectorSpecies<Float> species() {
        int bits = Simd.requested();
        return bits > 0 ? VectorSpecies.of(float.class, VectorShape.forBitSize(bits)) : FloatVector.SPECIES_PREFERRED;
    }

    /** Rows [r0, r1) and panels [p0, p1) of {@code y = act(acc·y + b + x·Wᵀ)}; see {@link Gemm#linear}. */
    static void linear(float[] x, int xOff, int r0, int r1, float[] wp, int out, int in, float[] bias,
                       float[] y, int yOff, boolean acc, Activation act, int p0, int p1) {
        // Raw sums of every row for one panel. Tiles carry each element's FMA chain from one K block to the next
        // through it (a float stored and reloaded is exact, so the chain and its bits are those of one pass), and
        // one epilogue finishes the panel. Vectors must not cross calls: a per-vector epilogue method (or SiLU on a
        // FloatVector argument) that C2 declines to inline, once the big tile has used up its inlining budget,
        // runs boxed at a fraction of the speed (seen in JFR profiles).
        int rows = r1 - r0;
        float[] t = new float[rows * P];
        boolean silu = act == Activation.SILU;
        // 16-register ISAs do a panel as two column halves, each over all K blocks and rows (see WIDE).
        int groups = WIDE ? 1 : 2, gw = P / groups;
        // Blocking pays only when several row tiles share a slice; 1-3 rows stream the panel in one go.
        int kc = rows < 4 ? in : KC;
        // Panel-outer: one panel (in·P floats, 128 KB at 1024 x 256 bits) stays in L2 while the rows stream past it.
        for (int q = p0; q < p1; q++) {
            int j0 = q * P, n = Math.min(P, out - j0), w0 = q * in * P;
            Arrays.fill(t, 0f);
            for (int g = 0; g < groups; g++) {
                for (int k0 = 0; k0 < in; k0 += kc) {
                    int k1 = Math.min(in, k0 + kc), wk = w0 + k0 * P + g * gw;
                    for (int r = r0; r < r1; ) {
                        // Any row grouping gives the same bits (each element is one FMA chain in k order), so the
                        // 16-register ISAs take 6-row tiles (12 accumulators hide the FMA latency, 4x2's 8 do
                        // not) and split a remainder of 8 as 4 + 4 rather than 6 + 1 + 1.
                        int left = r1 - r, h = WIDE ? (left >= 4 ? 4 : 1) : left >= 6 && left != 8 ? 6 : left >= 4 ? 4 : 1;
                        int xr = xOff + r * in + k0, tr = (r - r0) * P + g * gw, kn = k1 - k0;
                        if (WIDE) {
                            if (h == 4) tile4x4(x, xr, in, kn, wp, wk, t, tr);
                            else tile1x4(x, xr, kn, wp, wk, t, tr);
                        } else if (h == 6) {
                            tile6x2(x, xr, in, kn, wp, wk, t, tr);
                        } else if (h == 4) {
                            tile4x2(x, xr, in, kn, wp, wk, t, tr);
                        } else if (g == 0) {
                            // The last 1-3 rows take the whole panel at once: 4 chains instead of 2, and one pass
                            // over it. Batch 1 is bound by the weight stream (and FMA latency), not by registers.
                            tile1x4(x, xr, kn, wp, wk, t, tr);
                        }
                        r += h;
                    }
                }
            }
            // A partial last panel keeps its padding columns in t, so nothing past `out` is written.
            int yr = yOff + r0 * out + j0;
            if (n == P) finish(t, rows, bias, j0, y, yr, out, acc, silu);
            else ScalarGemm.finish(t, 0, P, rows, n, bias, j0, y, yr, out, acc, act);
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

    /*
     * The tiles: rows x vectors of raw sums at t[t0 + row·P + vector·L], continued over kn values of k: x from
     * x0 (row stride xs), the panel columns from wp[p] with p += P per k. Each sum's FMA chain runs in k order.
     */

    /** Four rows x one full panel (512 bits: 16 accumulators + 4 panel vectors + 1 broadcast of 32 registers). */
    private static void tile4x4(float[] x, int x0, int xs, int kn, float[] wp, int p, float[] t, int t0) {
        int t1 = t0 + P, t2 = t1 + P, t3 = t2 + P;
        FloatVector c00 = FloatVector.fromArray(S, t, t0), c01 = FloatVector.fromArray(S, t, t0 + L),
                    c02 = FloatVector.fromArray(S, t, t0 + 2 * L), c03 = FloatVector.fromArray(S, t, t0 + 3 * L);
        FloatVector c10 = FloatVector.fromArray(S, t, t1), c11 = FloatVector.fromArray(S, t, t1 + L),
                    c12 = FloatVector.fromArray(S, t, t1 + 2 * L), c13 = FloatVector.fromArray(S, t, t1 + 3 * L);
        FloatVector c20 = FloatVector.fromArray(S, t, t2), c21 = FloatVector.fromArray(S, t, t2 + L),
                    c22 = FloatVector.fromArray(S, t, t2 + 2 * L), c23 = FloatVector.fromArray(S, t, t2 + 3 * L);
        FloatVector c30 = FloatVector.fromArray(S, t, t3), c31 = FloatVector.fromArray(S, t, t3 + L),
                    c32 = FloatVector.fromArray(S, t, t3 + 2 * L), c33 = FloatVector.fromArray(S, t, t3 + 3 * L);
        int x1 = x0 + xs, x2 = x1 + xs, x3 = x2 + xs;
        for (int k = 0; k < kn; k++, p += P) {
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
        c00.intoArray(t, t0); c01.intoArray(t, t0 + L); c02.intoArray(t, t0 + 2 * L); c03.intoArray(t, t0 + 3 * L);
        c10.intoArray(t, t1); c11.intoArray(t, t1 + L); c12.intoArray(t, t1 + 2 * L); c13.intoArray(t, t1 + 3 * L);
        c20.intoArray(t, t2); c21.intoArray(t, t2 + L); c22.intoArray(t, t2 + 2 * L); c23.intoArray(t, t2 + 3 * L);
        c30.intoArray(t, t3); c31.intoArray(t, t3 + L); c32.intoArray(t, t3 + 2 * L); c33.intoArray(t, t3 + 3 * L);
    }

    /** One row x one full panel: the row remainder at every width (4 accumulators + 4 panel vectors + 1 broadcast). */
    private static void tile1x4(float[] x, int x0, int kn, float[] wp, int p, float[] t, int t0) {
        FloatVector c0 = FloatVector.fromArray(S, t, t0), c1 = FloatVector.fromArray(S, t, t0 + L),
                    c2 = FloatVector.fromArray(S, t, t0 + 2 * L), c3 = FloatVector.fromArray(S, t, t0 + 3 * L);
        for (int k = 0; k < kn; k++, p += P) {
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c0 = FloatVector.fromArray(S, wp, p).fma(a, c0);
            c1 = FloatVector.fromArray(S, wp, p + L).fma(a, c1);
            c2 = FloatVector.fromArray(S, wp, p + 2 * L).fma(a, c2);
            c3 = FloatVector.fromArray(S, wp, p + 3 * L).fma(a, c3);
        }
        c0.intoArray(t, t0); c1.intoArray(t, t0 + L); c2.intoArray(t, t0 + 2 * L); c3.intoArray(t, t0 + 3 * L);
    }

    /**
     * Six rows x half a panel: 12 accumulators + 2 panel vectors + 1 broadcast = 15 of AVX2's 16 registers.
     * Per k: one 64-byte panel line, 6 broadcasts, 12 FMAs (6 cycles on two FMA pipes).
     */
    private static void tile6x2(float[] x, int x0, int xs, int kn, float[] wp, int p, float[] t, int t0) {
        int t1 = t0 + P, t2 = t1 + P, t3 = t2 + P, t4 = t3 + P, t5 = t4 + P;
        FloatVector c00 = FloatVector.fromArray(S, t, t0), c01 = FloatVector.fromArray(S, t, t0 + L);
        FloatVector c10 = FloatVector.fromArray(S, t, t1), c11 = FloatVector.fromArray(S, t, t1 + L);
        FloatVector c20 = FloatVector.fromArray(S, t, t2), c21 = FloatVector.fromArray(S, t, t2 + L);
        FloatVector c30 = FloatVector.fromArray(S, t, t3), c31 = FloatVector.fromArray(S, t, t3 + L);
        FloatVector c40 = FloatVector.fromArray(S, t, t4), c41 = FloatVector.fromArray(S, t, t4 + L);
        FloatVector c50 = FloatVector.fromArray(S, t, t5), c51 = FloatVector.fromArray(S, t, t5 + L);
        int x1 = x0 + xs, x2 = x1 + xs, x3 = x2 + xs, x4 = x3 + xs, x5 = x4 + xs;
        for (int k = 0; k < kn; k++, p += P) {
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
        c10.intoArray(t, t1); c11.intoArray(t, t1 + L);
        c20.intoArray(t, t2); c21.intoArray(t, t2 + L);
        c30.intoArray(t, t3); c31.intoArray(t, t3 + L);
        c40.intoArray(t, t4); c41.intoArray(t, t4 + L);
        c50.intoArray(t, t5); c51.intoArray(t, t5 + L);
    }

    /** Four rows x half a panel: the 4- and 5-row remainder at narrower widths. */
    private static void tile4x2(float[] x, int x0, int xs, int kn, float[] wp, int p, float[] t, int t0) {
        int t1 = t0 + P, t2 = t1 + P, t3 = t2 + P;
        FloatVector c00 = FloatVector.fromArray(S, t, t0), c01 = FloatVector.fromArray(S, t, t0 + L);
        FloatVector c10 = FloatVector.fromArray(S, t, t1), c11 = FloatVector.fromArray(S, t, t1 + L);
        FloatVector c20 = FloatVector.fromArray(S, t, t2), c21 = FloatVector.fromArray(S, t, t2 + L);
        FloatVector c30 = FloatVector.fromArray(S, t, t3), c31 = FloatVector.fromArray(S, t, t3 + L);
        int x1 = x0 + xs, x2 = x1 + xs, x3 = x2 + xs;
        for (int k = 0; k < kn; k++, p += P) {
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
        c10.intoArray(t, t1); c11.intoArray(t, t1 + L);
        c20.intoArray(t, t2); c21.intoArray(t, t2 + L);
        c30.intoArray(t, t3); c31.intoArray(t, t3 + L);
    }
}
