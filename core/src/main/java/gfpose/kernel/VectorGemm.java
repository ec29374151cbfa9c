package gfpose.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM, laid out as in BLIS/GotoBLAS: column panels of W two vectors wide (packed once, see
 * {@link PackedMatrix}), rows of x packed per call (once for all the outputs that share them) into blocks of
 * {@link #MR} rows interleaved by k (one K block of all the chunk's rows contiguous), raw sums kept panel-major (each
 * panel's tiles contiguous), and a register tile chosen per machine ({@link Simd#tile}): 4 rows x 2 vectors (8
 * accumulators + 2 panel vectors + 4 broadcasts: 14 of AVX2's 16 registers, however C2 schedules the loads), or with
 * AVX-512's 32 registers 4 x 4 (two panels at once) or 8 x 2 (blocks of eight rows). A call with one or two rows
 * skips the packing and streams each row through a 1 x 8 tile (four panels at once). Loaded only when {@link Simd}
 * selected it, so the scalar path never touches {@code jdk.incubator.vector}.
 */
final class VectorGemm {
    private VectorGemm() {}

    /** A constant species: a non-constant one makes the tile ~100x slower (C2 cannot intrinsify it). */
    static final VectorSpecies<Float> S = species();
    static final int L = S.length();
    static final int BITS = S.vectorBitSize();
    /**
     * S's concrete vector class. C2 parses a vector that reaches a call through a loop or a branch as a plain
     * FloatVector and then dispatches FloatVector's shared code (its final methods, such as {@code intoArray}) on the
     * receiver profile, which every species in the process feeds; once a few of those type guesses have failed, it
     * compiles later calls as calls into the Java fallback (a training run had 18 % of its samples there). A cast to
     * this class makes the type exact at parse time, with no profile involved: see {@link #store}.
     */
    @SuppressWarnings("unchecked")
    static final Class<FloatVector> VT = (Class<FloatVector>) S.vectorType();
    /** Panel width: the tile's two vectors; equals {@link Simd#PANEL}. */
    private static final int P = 2 * L;
    /**
     * The register tile ({@link Simd#tile}): "4x2" (8 accumulators: fits AVX2's 16 registers), "4x4" (4 rows x two
     * panels, 16 accumulators) or "8x2" (8 rows x one panel, 16 accumulators); the last two need 32 registers to run
     * at speed. Every tile gives the same bits.
     */
    static final String TILE = Simd.tile(BITS);
    /** The 4 x 4 tile: two panels at once. */
    static final boolean WIDE = TILE.equals("4x4");
    /** The 8 x 2 tile: blocks of eight rows. */
    static final boolean TALL = TILE.equals("8x2");
    /** Rows per packed block, which is also the k stride of packed rows: 8 for the 8 x 2 tile, else 4. */
    static final int MR = TALL ? 8 : 4;
    /**
     * K block: a 64 KB slice of one panel ({@code KC x P} floats, 1024 k at 256 bits), which stays in L2 while every
     * row block of the chunk passes. The sums make one load/store trip per K block, so the network's K ≤ 1024 layers
     * need one; a 16 KB slice (L1) measured 3-10 % slower, a 32 KB one about the same. The 8 x 2 tile reads half as many
     * bytes of W per FMA and takes a 128 KB slice (1024 k at 512 bits), so that it starts and ends every such sum
     * itself (later K blocks continue in 4 x 2 tiles).
     */
    static final int KC = (TALL ? 32768 : 16384) / P;
    /**
     * Floats of each half of the next panel's slice that an 8 x 2 tile touches per k (at least): two cache lines every
     * four k, about one per 15 cycles, below what L3 gives one core, so the touches rarely stall the FMAs.
     */
    private static final int TOUCH_STEP = 4;
    /**
     * Up to this many rows (one 8-row block, one K block) run in {@link #tile2x8} tiles, row pairs over four panels:
     * against the 8 x 2 tile with its touches, one thread on the Xeon VM, ORT's ratio went 0.75-0.83 -> 0.95-0.96 at 4
     * rows, 0.82 -> 0.90 at 6, level at 5, and 1.11 -> 0.91-1.00 at 8 rows (four passes over the four slices), hence 6.
     */
    static final int PAIRED_ROWS = 6;
    /** Where the touched values go, so that C2 keeps the loads (racy on purpose: nothing reads it). */
    static float sunk;
    /**
     * Row blocks per chunk: each chunk streams W once more, so 320 rows (a whole 200-row batch) share one pass;
     * 120 rows (a K slice that fits L2) measured no faster. The K slice of the chunk is contiguous, and the sums are
     * panel-major: 3-7 % faster than the earlier row-major layouts, whose 4 KB / 16 KB strides fall on few cache sets.
     */
    private static final int MAX_BLOCKS = 320 / MR;

    /** Per-thread scratch (packed rows, raw sums), grown on demand; pool threads are long-lived. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private static VectorSpecies<Float> species() {
        int bits = Simd.Request.bits(); // not Simd itself: see Simd.Request
        return bits > 0 ? VectorSpecies.of(float.class, VectorShape.forBitSize(bits)) : FloatVector.SPECIES_PREFERRED;
    }

    /**
     * Rows [r0, r1) of each output's {@code y = act(acc·y + b + A·Wᵀ)} (see {@link Gemm#linear}), all its panels or,
     * with {@code p1 >= 0} and a single output, panels [p0, p1). The outputs share A (their weights have the same
     * {@code in}): each chunk of rows is packed once and then runs through every output in turn.
     */
    static void linear(Operands.Rows ar, int r0, int r1, Operands.Output[] outs, int p0, int p1) {
        linear(ar, r0, r1, outs, p0, p1, null);
    }

    /**
     * {@link #linear(Operands.Rows, int, int, Operands.Output[], int, int)} with A's rows [r0, r1) already packed by
     * {@link #packAll} (then r0 is 0), or null to pack them here.
     */
    static void linear(Operands.Rows ar, int r0, int r1, Operands.Output[] outs, int p0, int p1, float[] packed) {
        float[] a = ar.data();
        int aOff = ar.offset(), rs = ar.stride(), in = outs[0].w().in();
        int rows = r1 - r0, width = 0;
        for (Operands.Output o : outs) width = Math.max(width, (p1 < 0 ? o.w().count() : p1 - p0) * P);
        if (rows <= 2 && ar.step() == 1) {
            float[] t = scratch(1, width);
            for (Operands.Output o : outs) {
                int q0 = p1 < 0 ? 0 : p0, q1 = p1 < 0 ? o.w().count() : p1;
                float[] wp = o.w().data();
                int w0 = o.w().offset();
                for (int r = r0; r < r1; r++) {
                    int q = q0;
                    for (; q + 3 < q1; q += 4) tile1x8(a, aOff + r * rs, in, wp, w0 + q * in * P, in * P, t, (q - q0) * P);
                    for (; q < q1; q++) tile1x2(a, aOff + r * rs, in, wp, w0 + q * in * P, t, (q - q0) * P);
                    finish(t, 1, q1 - q0, 1, o, q0 * P, r);
                }
            }
            return;
        }
        int blocks = (rows + MR - 1) / MR, perChunk = perChunk(blocks);
        float[] ap = packed != null ? packed : scratch(0, perChunk * in * MR), t = scratch(1, perChunk * MR * width);
        for (int b0 = 0; b0 < blocks; b0 += perChunk) {
            int nb = Math.min(perChunk, blocks - b0), c0 = r0 + b0 * MR, c1 = Math.min(r1, c0 + nb * MR);
            int R = nb * MR, base = 0;
            if (packed != null) base = b0 * in * MR; // packAll's chunk b0
            else if (ar.step() == 1) pack(a, aOff, rs, c0, c1, nb, in, ap, 0);
            else packStrided(a, aOff, rs, ar.step(), c0, c1, nb, in, ap);
            for (Operands.Output o : outs) {
                int q0 = p1 < 0 ? 0 : p0, q1 = p1 < 0 ? o.w().count() : p1;
                float[] wp = o.w().data();
                int w0 = o.w().offset();
                for (int k0 = 0; k0 < in; k0 += KC) {
                    int kn = Math.min(KC, in - k0), a0 = base + k0 * nb * MR;
                    if (TALL && nb == 1 && kn == in && c1 - c0 <= PAIRED_ROWS) {
                        // few rows: four panels at a time, so that four of W's streams come from L3 at once
                        int q = q0;
                        for (; q + 3 < q1; q += 4) {
                            for (int g = 0; g < c1 - c0; g += 2) tile2x8(ap, a0 + g, kn, wp, w0 + q * in * P, in * P, t, ((q - q0) * R + g) * P, R * P);
                        }
                        for (; q < q1; q++) tile8x2(ap, a0, kn, wp, w0 + q * in * P, t, (q - q0) * R * P);
                        continue;
                    }
                    for (int q = q0; q < q1; q++) {
                        int wq = w0 + (q * in + k0) * P, tq = (q - q0) * R * P;
                        if (TALL && k0 == 0) {
                            // W's slices come from L3 (50 MB: ~9 GB/s on one core of the Xeon VM), and a block 0 that
                            // streams its slice alone ran at a third of the speed of the blocks after it, from L2. So
                            // blocks 1.. touch panel q + 1's slice as they go, its two halves side by side, and its
                            // block 0 runs next, from L2. A lone block of more than PAIRED_ROWS rows touches the slice
                            // after its own.
                            int slice = in * P, next = wq + slice, half = q + 1 < q1 ? slice / 2 : 0, end = next + half;
                            // a lone block touches a whole slice: from this offset to the slice's start (<= 0), so that
                            // its last touch stays inside the slice
                            int lone = Math.max(TOUCH_STEP, (slice / 2 + kn - 1) / kn), loneFrom = slice / 2 - kn * lone;
                            float sink = 0;
                            if (q == q0) {
                                if (nb == 1 && q + 1 < q1) sink += tile8x2(ap, a0, kn, wp, wq, t, tq, next + loneFrom, lone, slice / 2);
                                else tile8x2(ap, a0, kn, wp, wq, t, tq);
                            }
                            int step = Math.max(TOUCH_STEP, nb > 1 ? (half + (nb - 1) * kn - 1) / ((nb - 1) * kn) : 0);
                            for (int b = 1; b < nb; b++, next += kn * step) {
                                int ab = a0 + b * kn * MR, tb = tq + b * MR * P;
                                if (next < end) sink += tile8x2(ap, ab, kn, wp, wq, t, tb, Math.min(next, end - kn * step), step, half);
                                else tile8x2(ap, ab, kn, wp, wq, t, tb);
                            }
                            if (q + 1 < q1) {
                                if (nb == 1 && q + 2 < q1) sink += tile8x2(ap, a0, kn, wp, wq + slice, t, tq + R * P, wq + 2 * slice + loneFrom, lone, slice / 2);
                                else tile8x2(ap, a0, kn, wp, wq + slice, t, tq + R * P);
                            }
                            sunk = sink;
                        } else if (WIDE && k0 == 0 && q + 1 < q1) { // two panels at once: sums R * P apart, weights in * P
                            for (int b = 0; b < nb; b++) tile4x4(ap, a0 + b * kn * MR, kn, wp, wq, in * P, t, tq + b * MR * P, R * P);
                            q++;
                        } else { // four rows of the block at a time
                            for (int b = 0; b < nb; b++) {
                                for (int g = 0; g < MR; g += 4) tile4x2(ap, a0 + b * kn * MR + g, kn, wp, wq, t, tq + (b * MR + g) * P, k0 == 0);
                            }
                        }
                    }
                }
                finish(t, R, q1 - q0, c1 - c0, o, q0 * P, c0);
            }
        }
    }

    /**
     * Full panels [q0, q1) of row-major A [n][k] into dst as {@link PackedMatrix#packRows} lays them out: each vector
     * of a panel row gathers one column of L rows of A.
     */
    static void gatherPanels(float[] a, int k, Slabs.Slice dst, int q0, int q1) {
        if (q0 >= q1) return;
        int[] rowStarts = new int[L];
        for (int l = 0; l < L; l++) rowStarts[l] = l * k;
        float[] d = dst.data();
        for (int q = q0; q < q1; q++) {
            for (int h = 0; h < P; h += L) {
                int src = (q * P + h) * k, o = dst.offset() + q * k * P + h;
                for (int i = 0; i < k; i++) FloatVector.fromArray(S, a, src + i, rowStarts, 0).intoArray(d, o + i * P);
            }
        }
    }

    /** {@code v.intoArray(a, i)} on the exact type (see {@link #VT}): every store of a vector that crossed a loop or branch. */
    static void store(FloatVector v, float[] a, int i) {
        VT.cast(v).intoArray(a, i);
    }

    private static float[] scratch(int which, int size) {
        float[][] s = SCRATCH.get();
        if (s[which].length < size) s[which] = new float[size];
        return s[which];
    }

    /** Row blocks per chunk for a call of {@code blocks} row blocks: as few and as equal chunks as MAX_BLOCKS allows. */
    private static int perChunk(int blocks) {
        int chunks = (blocks + MAX_BLOCKS - 1) / MAX_BLOCKS;
        return (blocks + chunks - 1) / chunks;
    }

    /** Floats of {@link #packAll}'s layout for rows of width {@code in}. */
    static int packedSize(int rows, int in) { return (rows + MR - 1) / MR * MR * in; }

    /**
     * Rows [0, rows) of A (contiguous rows, row r at {@code a[aOff + r·rs]}) packed as {@link #linear} packs them, chunk
     * after chunk: chunk b0 (in row blocks) at {@code b0·in·MR}.
     */
    static void packAll(float[] a, int aOff, int rs, int rows, int in, float[] ap) {
        int blocks = (rows + MR - 1) / MR, perChunk = perChunk(blocks);
        for (int b0 = 0; b0 < blocks; b0 += perChunk) {
            int nb = Math.min(perChunk, blocks - b0), c0 = b0 * MR;
            pack(a, aOff, rs, c0, Math.min(rows, c0 + nb * MR), nb, in, ap, b0 * in * MR);
        }
    }

    /**
     * Rows [c0, c1) of A (row r at {@code a[aOff + r·rs]}; nb blocks of MR) packed K block by K block from {@code base}: block b's
     * slice of K block [k0, k0 + kn) is {@code kn x MR} floats at {@code (k0·nb + b·kn)·MR}, so one K block of the
     * whole chunk is contiguous. Rows past c1 are zeros. Four rows at a time, each read along its length.
     */
    private static void pack(float[] a, int aOff, int rs, int c0, int c1, int nb, int in, float[] ap, int base) {
        for (int k0 = 0; k0 < in; k0 += KC) {
            int kn = Math.min(KC, in - k0);
            for (int b = 0; b < nb; b++) {
                for (int g = 0, r = c0 + b * MR; g < MR; g += 4, r += 4) {
                    int d = base + (k0 * nb + b * kn) * MR + g;
                    if (r + 4 <= c1) {
                        int s0 = aOff + r * rs + k0, s1 = s0 + rs, s2 = s1 + rs, s3 = s2 + rs;
                        for (int k = 0; k < kn; k++) {
                            ap[d + MR * k] = a[s0 + k]; ap[d + MR * k + 1] = a[s1 + k];
                            ap[d + MR * k + 2] = a[s2 + k]; ap[d + MR * k + 3] = a[s3 + k];
                        }
                    } else {
                        for (int i = 0; i < 4; i++) {
                            if (r + i < c1) {
                                for (int k = 0, s = aOff + (r + i) * rs + k0; k < kn; k++, s++) ap[d + k * MR + i] = a[s];
                            } else {
                                for (int k = 0; k < kn; k++) ap[d + k * MR + i] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #pack} for rows whose elements are {@code step} apart (element k of row r at {@code aOff + r·rs + k·step}),
     * e.g. dyᵀ read from dy (rs 1), whose rows of dy are then the k of the packed blocks: 16 k at a time, each block's
     * MR values at one k adjacent in dy, so 16 rows of dy are read along their length while every block receives
     * 16 x MR contiguous floats.
     */
    private static void packStrided(float[] a, int aOff, int rs, int step, int c0, int c1, int nb, int in, float[] ap) {
        final int kt = 16;
        for (int k0 = 0; k0 < in; k0 += KC) {
            int kn = Math.min(KC, in - k0);
            for (int kk = 0; kk < kn; kk += kt) {
                int ke = Math.min(kn, kk + kt);
                for (int b = 0, r = c0; b < nb; b++, r += MR) {
                    int d = (k0 * nb + b * kn) * MR;
                    if (r + MR <= c1) {
                        for (int k = kk, s = aOff + (k0 + kk) * step + r * rs; k < ke; k++, s += step) {
                            for (int g = 0; g < MR; g += 4) {
                                int e = d + MR * k + g, f = s + g * rs;
                                ap[e] = a[f]; ap[e + 1] = a[f + rs]; ap[e + 2] = a[f + 2 * rs]; ap[e + 3] = a[f + 3 * rs];
                            }
                        }
                    } else {
                        for (int k = kk; k < ke; k++) {
                            int s = aOff + (k0 + k) * step + r * rs;
                            for (int i = 0; i < MR; i++) ap[d + MR * k + i] = r + i < c1 ? a[s + i * rs] : 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * Epilogue of {@code rows} rows of raw sums into output o's rows from {@code row0}, columns j0 + [0, panels·P):
     * {@code y = act(t + bias + shift + (acc ? y : 0))}, added in that order as {@link ScalarGemm#finish} does. The sums are
     * panel-major, row r of panel q at {@code t[(q·R + r)·P]}, so each panel's tiles are contiguous. Columns at or
     * past {@code out} (the padding of a last partial panel) are never written.
     */
    private static void finish(float[] t, int R, int panels, int rows, Operands.Output o, int j0, int row0) {
        float[] y = o.y().data(), bias = o.bias(), shift = o.shift();
        int ys = o.y().stride(), y0 = o.y().offset() + row0 * ys + j0, out = o.w().out();
        boolean acc = o.acc();
        Activation act = o.act();
        int n = Math.min(panels * P, out - j0), nv = n - n % L;
        boolean silu = act == Activation.SILU;
        for (int r = 0; r < rows; r++) {
            int yo = y0 + r * ys;
            for (int c = 0; c < nv; c += L) {
                FloatVector v = FloatVector.fromArray(S, t, ((c / P) * R + r) * P + c % P);
                if (bias != null) v = v.add(FloatVector.fromArray(S, bias, j0 + c));
                if (shift != null) v = v.add(FloatVector.fromArray(S, shift, j0 + c));
                if (acc) v = v.add(FloatVector.fromArray(S, y, yo + c));
                store(v, y, yo + c);
            }
            if (silu) VectorMath.silu(y, yo, y, yo, nv, false);
            if (nv < n) ScalarGemm.finish(t, ((nv / P) * R + r) * P + nv % P, P, 1, n - nv, bias, shift, j0 + nv, y, yo + nv, ys, acc, act);
        }
    }

    /*
     * The tiles: raw sums at t[t0 + row·P + vector·L], started (first K block) or continued over kn values of k in increasing order (each
     * sum is one FMA chain, so K blocks, row grouping and thread splits never change a bit).
     *
     * Why 4 x 2 and this loop shape (measured with C2, AVX2, Zen 3): the trip variable is the packed-row index,
     * whose stride MR is a power of two, so the broadcasts' range checks are eliminated. C2 then tends to hoist
     * every load of the body to its top. A 6 x 2 tile (12 accumulators) needs 20 registers when that happens: it
     * spills an accumulator, which then waits on a store-to-load round trip every k, and runs at half speed. That
     * is what JDK 25 does (its loop analysis also drops the panel loads' checks); JDK 17 kept those checks, whose
     * branches stopped the hoisting, and ran the 6 x 2 tile about 3 % faster than this one. 4 x 2 needs at most 14
     * registers in any order: the same speed on JDK 17 and 25. Eight accumulators just cover FMA latency x 2 pipes.
     */

    /**
     * Four packed rows x one panel. Per k: one 2-vector panel row, 4 broadcasts, 8 FMAs (4 cycles on two pipes). With
     * 8-row blocks it runs on rows 0-3 or 4-7 of a block ({@code a0} offset by 0 or 4, k stride MR).
     */
    private static void tile4x2(float[] a, int a0, int kn, float[] w, int p, float[] t, int t0, boolean first) {
        // the first K block starts from zero (as loading zeros would: 0 + a·b rounds once), later ones continue t
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (first) {
            c00 = FloatVector.zero(S); c01 = FloatVector.zero(S); c10 = FloatVector.zero(S); c11 = FloatVector.zero(S);
            c20 = FloatVector.zero(S); c21 = FloatVector.zero(S); c30 = FloatVector.zero(S); c31 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, t, t0); c01 = FloatVector.fromArray(S, t, t0 + L);
            c10 = FloatVector.fromArray(S, t, t0 + P); c11 = FloatVector.fromArray(S, t, t0 + P + L);
            c20 = FloatVector.fromArray(S, t, t0 + 2 * P); c21 = FloatVector.fromArray(S, t, t0 + 2 * P + L);
            c30 = FloatVector.fromArray(S, t, t0 + 3 * P); c31 = FloatVector.fromArray(S, t, t0 + 3 * P + L);
        }
        for (int i = a0, end = a0 + kn * MR; i < end; i += MR, p += P) {
            FloatVector b0 = FloatVector.fromArray(S, w, p), b1 = FloatVector.fromArray(S, w, p + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[i + 2]);
            c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[i + 3]);
            c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
        }
        store(c00, t, t0); store(c01, t, t0 + L);
        store(c10, t, t0 + P); store(c11, t, t0 + P + L);
        store(c20, t, t0 + 2 * P); store(c21, t, t0 + 2 * P + L);
        store(c30, t, t0 + 3 * P); store(c31, t, t0 + 3 * P + L);
    }

    /**
     * Four packed rows x two panels (the second's weights {@code pw} and sums {@code pt} further on): 16 accumulators,
     * 4 panel vectors and a broadcast, 21 registers. Per k: 4 vector loads, 4 broadcasts, 16 FMAs. Each sum is the
     * same FMA chain as in {@link #tile4x2}. The first K block only (later ones continue in 4 x 2 tiles): with the 16
     * loads that continuing takes, the method passes C2's inlining node budget (NodeCountInliningCutoff) on JDK 17,
     * which then leaves the last stores as calls into the Java fallback (VectorBoxingTest).
     */
    private static void tile4x4(float[] a, int a0, int kn, float[] w, int p, int pw, float[] t, int t0, int pt) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00,
                c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int u0 = t0 + pt;
        for (int i = a0, end = a0 + kn * MR; i < end; i += MR, p += P) {
            FloatVector b0 = FloatVector.fromArray(S, w, p), b1 = FloatVector.fromArray(S, w, p + L);
            FloatVector b2 = FloatVector.fromArray(S, w, p + pw), b3 = FloatVector.fromArray(S, w, p + pw + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01); c02 = b2.fma(v, c02); c03 = b3.fma(v, c03);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11); c12 = b2.fma(v, c12); c13 = b3.fma(v, c13);
            v = FloatVector.broadcast(S, a[i + 2]);
            c20 = b0.fma(v, c20); c21 = b1.fma(v, c21); c22 = b2.fma(v, c22); c23 = b3.fma(v, c23);
            v = FloatVector.broadcast(S, a[i + 3]);
            c30 = b0.fma(v, c30); c31 = b1.fma(v, c31); c32 = b2.fma(v, c32); c33 = b3.fma(v, c33);
        }
        store(c00, t, t0); store(c01, t, t0 + L); store(c02, t, u0); store(c03, t, u0 + L);
        store(c10, t, t0 + P); store(c11, t, t0 + P + L); store(c12, t, u0 + P); store(c13, t, u0 + P + L);
        store(c20, t, t0 + 2 * P); store(c21, t, t0 + 2 * P + L);
        store(c22, t, u0 + 2 * P); store(c23, t, u0 + 2 * P + L);
        store(c30, t, t0 + 3 * P); store(c31, t, t0 + 3 * P + L);
        store(c32, t, u0 + 3 * P); store(c33, t, u0 + 3 * P + L);
    }

    /**
     * Eight packed rows x one panel over the first K block, from zero: 16 accumulators, 2 panel vectors and the 8
     * broadcasts C2 hoists to the top of the loop, 26 of 32 registers. Per k: 128 bytes of W for 16 FMAs, half of
     * what {@link #tile4x4} needs: with two full-width FMA units (Intel) the panel slice streams from L2 and that
     * stream is the limit. The loop runs on k itself, so every index is linear in the trip variable and JDK 17 drops
     * all range checks (it kept the panel loads' checks on a second induction variable; the 4 x 4 tile has four).
     * Each sum is the same FMA chain as in {@link #tile4x2}; later K blocks continue in 4 x 2 tiles, as for 4 x 4.
     */
    private static void tile8x2(float[] a, int a0, int kn, float[] w, int p, float[] t, int t0) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00,
                c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int k = 0; k < kn; k++) {
            int i = a0 + MR * k, j = p + P * k;
            FloatVector b0 = FloatVector.fromArray(S, w, j), b1 = FloatVector.fromArray(S, w, j + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[i + 2]);
            c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[i + 3]);
            c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, a[i + 4]);
            c40 = b0.fma(v, c40); c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, a[i + 5]);
            c50 = b0.fma(v, c50); c51 = b1.fma(v, c51);
            v = FloatVector.broadcast(S, a[i + 6]);
            c60 = b0.fma(v, c60); c61 = b1.fma(v, c61);
            v = FloatVector.broadcast(S, a[i + 7]);
            c70 = b0.fma(v, c70); c71 = b1.fma(v, c71);
        }
        store(c00, t, t0); store(c01, t, t0 + L); store(c10, t, t0 + P); store(c11, t, t0 + P + L);
        store(c20, t, t0 + 2 * P); store(c21, t, t0 + 2 * P + L); store(c30, t, t0 + 3 * P); store(c31, t, t0 + 3 * P + L);
        store(c40, t, t0 + 4 * P); store(c41, t, t0 + 4 * P + L); store(c50, t, t0 + 5 * P); store(c51, t, t0 + 5 * P + L);
        store(c60, t, t0 + 6 * P); store(c61, t, t0 + 6 * P + L); store(c70, t, t0 + 7 * P); store(c71, t, t0 + 7 * P + L);
    }

    /**
     * {@link #tile8x2(float[], int, int, float[], int, float[], int)} that also reads {@code w[touch + step·k]} and
     * {@code w[touch + gap + step·k]} at each k (returning their sum), which brings a later panel's slice into L2 while
     * this one computes from it. A copy rather than a flag: with the load in every call (a touch spread thinly over all
     * of them) the forward measured 0.96-1.08 of the old code's speed, against 1.03-1.07 with it in these calls only
     * (Xeon, batch 64-1000). Two streams rather than one: twice the lines in flight within the reorder window, which a
     * few row blocks need to bring a whole slice in time (one stream skipped every other line at two blocks): 1.29 /
     * 1.14 / 1.12x at batch 16 / 32 / 64 on one thread, 1.03 / 1.00 at 200 / 1000 (Xeon, `JarAB`).
     */
    private static float tile8x2(float[] a, int a0, int kn, float[] w, int p, float[] t, int t0, int touch, int step, int gap) {
        float sink = 0;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00,
                c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int k = 0; k < kn; k++) {
            int i = a0 + MR * k, j = p + P * k;
            sink += w[touch + step * k] + w[touch + gap + step * k];
            FloatVector b0 = FloatVector.fromArray(S, w, j), b1 = FloatVector.fromArray(S, w, j + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[i + 2]);
            c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[i + 3]);
            c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, a[i + 4]);
            c40 = b0.fma(v, c40); c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, a[i + 5]);
            c50 = b0.fma(v, c50); c51 = b1.fma(v, c51);
            v = FloatVector.broadcast(S, a[i + 6]);
            c60 = b0.fma(v, c60); c61 = b1.fma(v, c61);
            v = FloatVector.broadcast(S, a[i + 7]);
            c70 = b0.fma(v, c70); c71 = b1.fma(v, c71);
        }
        store(c00, t, t0); store(c01, t, t0 + L); store(c10, t, t0 + P); store(c11, t, t0 + P + L);
        store(c20, t, t0 + 2 * P); store(c21, t, t0 + 2 * P + L); store(c30, t, t0 + 3 * P); store(c31, t, t0 + 3 * P + L);
        store(c40, t, t0 + 4 * P); store(c41, t, t0 + 4 * P + L); store(c50, t, t0 + 5 * P); store(c51, t, t0 + 5 * P + L);
        store(c60, t, t0 + 6 * P); store(c61, t, t0 + 6 * P + L); store(c70, t, t0 + 7 * P); store(c71, t, t0 + 7 * P + L);
        return sink;
    }

    /**
     * Two packed rows (of an 8-row block) x four panels over all of K, from zero: 16 accumulators, 8 panel vectors and a
     * broadcast. For a block of few rows, whose every panel slice comes from L3 once: four slices stream at once (as in
     * {@link #tile1x8}), where the 8 x 2 tile streams one. The second panel's weights {@code pw} further on, its sums
     * {@code pt}; row 1's sums P after row 0's. Each sum is the same FMA chain as in the other tiles.
     */
    private static void tile2x8(float[] a, int a0, int kn, float[] w, int p, int pw, float[] t, int t0, int pt) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c04 = c00, c05 = c00, c06 = c00, c07 = c00,
                c10 = c00, c11 = c00, c12 = c00, c13 = c00, c14 = c00, c15 = c00, c16 = c00, c17 = c00;
        int pw2 = 2 * pw, pw3 = 3 * pw;
        for (int k = 0; k < kn; k++) {
            int i = a0 + MR * k, j = p + P * k;
            FloatVector b0 = FloatVector.fromArray(S, w, j), b1 = FloatVector.fromArray(S, w, j + L);
            FloatVector b2 = FloatVector.fromArray(S, w, j + pw), b3 = FloatVector.fromArray(S, w, j + pw + L);
            FloatVector b4 = FloatVector.fromArray(S, w, j + pw2), b5 = FloatVector.fromArray(S, w, j + pw2 + L);
            FloatVector b6 = FloatVector.fromArray(S, w, j + pw3), b7 = FloatVector.fromArray(S, w, j + pw3 + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01); c02 = b2.fma(v, c02); c03 = b3.fma(v, c03);
            c04 = b4.fma(v, c04); c05 = b5.fma(v, c05); c06 = b6.fma(v, c06); c07 = b7.fma(v, c07);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11); c12 = b2.fma(v, c12); c13 = b3.fma(v, c13);
            c14 = b4.fma(v, c14); c15 = b5.fma(v, c15); c16 = b6.fma(v, c16); c17 = b7.fma(v, c17);
        }
        store(c00, t, t0); store(c01, t, t0 + L); store(c02, t, t0 + pt); store(c03, t, t0 + pt + L);
        store(c04, t, t0 + 2 * pt); store(c05, t, t0 + 2 * pt + L); store(c06, t, t0 + 3 * pt); store(c07, t, t0 + 3 * pt + L);
        store(c10, t, t0 + P); store(c11, t, t0 + P + L); store(c12, t, t0 + pt + P); store(c13, t, t0 + pt + P + L);
        store(c14, t, t0 + 2 * pt + P); store(c15, t, t0 + 2 * pt + P + L); store(c16, t, t0 + 3 * pt + P); store(c17, t, t0 + 3 * pt + P + L);
    }

    /** One unpacked row x one panel over all of K, from zero: the panels {@link #tile1x8} leaves over. */
    private static void tile1x2(float[] x, int x0, int kn, float[] w, int p, float[] t, int t0) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        for (int k = x0, end = x0 + kn; k < end; k++, p += P) {
            FloatVector v = FloatVector.broadcast(S, x[k]);
            c0 = FloatVector.fromArray(S, w, p).fma(v, c0);
            c1 = FloatVector.fromArray(S, w, p + L).fma(v, c1);
        }
        store(c0, t, t0); store(c1, t, t0 + L);
    }

    /**
     * One unpacked row x four panels ({@code pw} apart) over all of K, from zero. Batch 1 reads every weight once;
     * two FMA chains (one panel at a time) left it latency bound, 0.64x ONNX Runtime at width 1024 and 1.0x at 512
     * (Zen 4, one thread); eight chains and eight weight streams in flight: 1.3x at both widths.
     */
    private static void tile1x8(float[] x, int x0, int kn, float[] w, int p, int pw, float[] t, int t0) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int pw2 = 2 * pw, pw3 = 3 * pw;
        for (int k = x0, end = x0 + kn; k < end; k++, p += P) {
            FloatVector v = FloatVector.broadcast(S, x[k]);
            c0 = FloatVector.fromArray(S, w, p).fma(v, c0);
            c1 = FloatVector.fromArray(S, w, p + L).fma(v, c1);
            c2 = FloatVector.fromArray(S, w, p + pw).fma(v, c2);
            c3 = FloatVector.fromArray(S, w, p + pw + L).fma(v, c3);
            c4 = FloatVector.fromArray(S, w, p + pw2).fma(v, c4);
            c5 = FloatVector.fromArray(S, w, p + pw2 + L).fma(v, c5);
            c6 = FloatVector.fromArray(S, w, p + pw3).fma(v, c6);
            c7 = FloatVector.fromArray(S, w, p + pw3 + L).fma(v, c7);
        }
        store(c0, t, t0); store(c1, t, t0 + L); store(c2, t, t0 + P); store(c3, t, t0 + P + L);
        store(c4, t, t0 + 2 * P); store(c5, t, t0 + 2 * P + L); store(c6, t, t0 + 3 * P); store(c7, t, t0 + 3 * P + L);
    }
}
