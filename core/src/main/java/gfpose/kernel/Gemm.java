package gfpose.kernel;

import gfpose.kernel.Operands.Output;
import gfpose.kernel.Operands.Rows;
import java.util.List;
import java.util.Objects;

/**
 * Dense layers on packed weights: {@code y = act(x · Wᵀ + b)} for a block of rows, and the two GEMMs of
 * their backward pass. Every output element accumulates its products with FMA in increasing k order from 0,
 * then adds the bias, then a shift shared by all rows (when given), then the previous y, then applies the
 * activation, on every backend. So a row's result
 * does not depend on which rows share the call, on the thread count, or on the vector width.
 * The backend (Vector API at 512/256/128 bits, or scalar) is fixed at class load from the system property
 * {@code gfpose.vector.bits}. Each calling thread keeps its packing scratch (up to a few MB) for reuse.
 * {@link #warmUp()} optionally compiles the kernels on small shapes first (about 0.8 s).
 */
public final class Gemm {
    private Gemm() {}

    /** Decided once; when false, no class that references {@code jdk.incubator.vector} is ever loaded. */
    static final boolean VECTOR = Simd.BITS > 0;
    private static volatile boolean warm;
    /** The packed x of each layer of {@link #weightGradient}, per calling thread, grown on demand. */
    private static final ThreadLocal<Slabs.Slice[]> PACKED_X = ThreadLocal.withInitial(() -> new Slabs.Slice[1]);
    /** The prepared dy of the plain {@link #weightGradient} overload, per calling thread. */
    private static final ThreadLocal<OutputGradient> PREPARED = ThreadLocal.withInitial(OutputGradient::new);

    /**
     * The backend in use: {@code "vector-512"}, {@code "vector-256"}, {@code "vector-128"} or {@code "scalar"}.
     *
     * @return the backend's name, fixed for the life of the JVM
     */
    public static String backend() { return VECTOR ? "vector-" + Simd.BITS : "scalar"; }

    /**
     * The register tile of the vector backend's batched path: {@code "4x2"} (4 rows x 2 vectors), or at 512 bits on
     * cores with full-width 512-bit FMA units {@code "8x2"} (Intel) or {@code "4x4"} (AMD Zen 5); the system property
     * {@code gfpose.gemm.tile} overrides the choice. {@code "scalar"} on the scalar path. Calls of one or two rows
     * stream each row through a 1 x 8 tile on any. The tile never changes a bit of the result.
     *
     * @return the tile's name, fixed for the life of the JVM
     */
    public static String tile() { return VECTOR ? VectorGemm.TILE : "scalar"; }

    /**
     * Rows per block of the batched path (8 with the 8 x 2 tile, else 4): callers that split rows between threads or
     * passes keep each part a multiple of it, so no tile runs half empty. Any split gives the same bits.
     *
     * @return 4 or 8
     */
    public static int rowBlock() { return VECTOR ? VectorGemm.MR : 4; }

    /**
     * For each row r in [0, rows): {@code y[yOff + r*out + j] = act((accumulate ? y : 0) + bias[j] + Σ_k x[xOff + r*in + k] · W[j][k])}.
     * Runs on the calling thread; see {@link #linear(float[], int, int, PackedMatrix, float[], float[], int, boolean,
     * Activation, ThreadPool)} to split it across a pool.
     *
     * @param x          input rows, [rows][in] row-major from xOff (in = {@code w.in()})
     * @param xOff       index of row 0 in x
     * @param rows       number of rows (≥ 0)
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none
     * @param y          output rows, [rows][out] row-major from yOff (out = {@code w.out()}); must not overlap x
     * @param yOff       index of row 0 in y
     * @param accumulate add the layer's result to y's previous values (before the activation) instead of
     *                   overwriting them
     * @param act        the activation applied last (not null)
     * @throws IndexOutOfBoundsException if x, y or bias is too short
     */
    public static void linear(float[] x, int xOff, int rows, PackedMatrix w, float[] bias,
                              float[] y, int yOff, boolean accumulate, Activation act) {
        linear(x, xOff, rows, w, bias, y, yOff, accumulate, act, null);
    }

    /**
     * {@link #linear} split across {@code pool} (null runs on the caller); bit-identical for any pool.
     *
     * @param x          input rows, [rows][in] row-major from xOff
     * @param xOff       index of row 0 in x
     * @param rows       number of rows (≥ 0)
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none
     * @param y          output rows, [rows][out] row-major from yOff; must not overlap x
     * @param yOff       index of row 0 in y
     * @param accumulate add to y's previous values (before the activation) instead of overwriting them
     * @param act        the activation applied last (not null)
     * @param pool       splits rows (or, for fewer than 8 rows, output panels) across threads; null = caller
     */
    public static void linear(float[] x, int xOff, int rows, PackedMatrix w, float[] bias,
                              float[] y, int yOff, boolean accumulate, Activation act, ThreadPool pool) {
        linear(x, xOff, rows, w, bias, null, y, yOff, accumulate, act, pool);
    }

    /**
     * {@link #linear(float[], int, int, PackedMatrix, float[], float[], int, boolean, Activation, ThreadPool)} plus a
     * row that every output row adds after the bias: {@code y = act((accumulate ? y : 0) + ((x·Wᵀ + b) + shift))},
     * the bits of adding {@code shift} to each row of the plain call's result (float addition commutes), without
     * another pass over y.
     *
     * @param x          input rows, [rows][in] row-major from xOff
     * @param xOff       index of row 0 in x
     * @param rows       number of rows (≥ 0)
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none
     * @param shift      [out], added to every row after the bias, or null for none
     * @param y          output rows, [rows][out] row-major from yOff; must not overlap x
     * @param yOff       index of row 0 in y
     * @param accumulate add to y's previous values (before the activation) instead of overwriting them
     * @param act        the activation applied last (not null)
     * @param pool       splits rows (or, for fewer than 8 rows, output panels) across threads; null = caller
     */
    public static void linear(float[] x, int xOff, int rows, PackedMatrix w, float[] bias, float[] shift,
                              float[] y, int yOff, boolean accumulate, Activation act, ThreadPool pool) {
        check(x, xOff, rows, w.in(), y, yOff, w.out());
        if (bias != null) Objects.checkFromIndexSize(0, w.out(), bias.length);
        if (shift != null) Objects.checkFromIndexSize(0, w.out(), shift.length);
        run(new Rows(x, xOff, w.in()), rows, new Output[] {new Output(w.forward(), bias, shift, new Rows(y, yOff, w.out()), accumulate, Objects.requireNonNull(act))}, pool);
    }

    /**
     * One layer of a call that runs several layers on the same input rows ({@link #linear(float[], int, int, List,
     * ThreadPool)}, {@link #linearBackwardInput(float[], int, int, List, ThreadPool)}): its weight, bias, output rows
     * and mode, as the single-layer calls take them.
     *
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none (always null for the backward pass)
     * @param y          output rows, [rows][width] row-major from yOff, width = out forwards and in backwards
     * @param yOff       index of row 0 in y
     * @param accumulate add to y's previous values (before the activation) instead of overwriting them
     * @param act        the activation applied last (always {@link Activation#NONE} for the backward pass)
     */
    public record Layer(PackedMatrix w, float[] bias, float[] y, int yOff, boolean accumulate, Activation act) {
        /**
         * Checks the arguments.
         *
         * @param w          the weight W, [out][in] packed
         * @param bias       [out], or null for none
         * @param y          output rows from yOff
         * @param yOff       index of row 0 in y
         * @param accumulate add to y instead of overwriting it
         * @param act        the activation applied last
         * @throws NullPointerException if w, y or act is null
         */
        public Layer {
            Objects.requireNonNull(w);
            Objects.requireNonNull(y);
            Objects.requireNonNull(act);
        }
    }

    /**
     * {@link #linear(float[], int, int, PackedMatrix, float[], float[], int, boolean, Activation, ThreadPool)} for
     * several layers that read the same rows of x (every {@code w.in()} equal): each block of rows is packed once and
     * then goes through every layer, so the results are those of separate calls, bit for bit.
     *
     * @param x      input rows, [rows][in] row-major from xOff
     * @param xOff   index of row 0 in x
     * @param rows   number of rows (≥ 0)
     * @param layers the layers, each with its own output; outputs must not overlap x or each other
     * @param pool   threads to split the rows across, or null for the calling thread
     * @throws IllegalArgumentException if the layers' input widths differ
     * @throws IndexOutOfBoundsException if x, a y or a bias is too short
     */
    public static void linear(float[] x, int xOff, int rows, List<Layer> layers, ThreadPool pool) {
        Output[] outs = new Output[layers.size()];
        int in = layers.get(0).w().in();
        for (int i = 0; i < outs.length; i++) {
            Layer l = layers.get(i);
            if (l.w().in() != in) throw new IllegalArgumentException("layer " + i + " reads " + l.w().in() + " inputs, layer 0 " + in);
            check(x, xOff, rows, in, l.y(), l.yOff(), l.w().out());
            if (l.bias() != null) Objects.checkFromIndexSize(0, l.w().out(), l.bias().length);
            outs[i] = new Output(l.w().forward(), l.bias(), new Rows(l.y(), l.yOff(), l.w().out()), l.accumulate(), l.act());
        }
        run(new Rows(x, xOff, in), rows, outs, pool);
    }

    /**
     * Backward of {@link #linear} with respect to its input: {@code dx[dxOff + r*in + i] = (accumulate ? dx : 0) + Σ_j dy[dyOff + r*out + j] · W[j][i]}.
     * Builds the packed Wᵀ inside {@code w} on first use (as much memory again as W). Runs on the calling thread.
     *
     * @param dy         output gradients, [rows][out] row-major from dyOff
     * @param dyOff      index of row 0 in dy
     * @param rows       number of rows (≥ 0)
     * @param w          the layer's weight W, [out][in] packed
     * @param dx         receives the input gradients, [rows][in] row-major from dxOff; must not overlap dy
     * @param dxOff      index of row 0 in dx
     * @param accumulate add to dx's previous values instead of overwriting them
     * @throws IndexOutOfBoundsException if dy or dx is too short
     */
    public static void linearBackwardInput(float[] dy, int dyOff, int rows, PackedMatrix w,
                                           float[] dx, int dxOff, boolean accumulate) {
        linearBackwardInput(dy, dyOff, rows, w, dx, dxOff, accumulate, null);
    }

    /**
     * {@link #linearBackwardInput} split across {@code pool} (null runs on the caller); bit-identical for any pool.
     *
     * @param dy         output gradients, [rows][out] row-major from dyOff
     * @param dyOff      index of row 0 in dy
     * @param rows       number of rows (≥ 0)
     * @param w          the layer's weight W, [out][in] packed
     * @param dx         receives the input gradients, [rows][in] row-major from dxOff; must not overlap dy
     * @param dxOff      index of row 0 in dx
     * @param accumulate add to dx's previous values instead of overwriting them
     * @param pool       threads to split the work across, or null for the calling thread
     */
    public static void linearBackwardInput(float[] dy, int dyOff, int rows, PackedMatrix w,
                                           float[] dx, int dxOff, boolean accumulate, ThreadPool pool) {
        linearBackwardInput(dy, dyOff, rows, List.of(new Layer(w, null, dx, dxOff, accumulate, Activation.NONE)), pool);
    }

    /**
     * {@link #linearBackwardInput(float[], int, int, PackedMatrix, float[], int, boolean, ThreadPool)} for several
     * layers whose outputs received the same gradient dy (every {@code w.out()} equal): dy is packed once per block of
     * rows for all of them; the results are those of separate calls, bit for bit.
     *
     * @param dy     output gradients, [rows][out] row-major from dyOff
     * @param dyOff  index of row 0 in dy
     * @param rows   number of rows (≥ 0)
     * @param layers each layer's weight and its input gradient dx ([rows][in] from yOff; bias null, activation NONE)
     * @param pool   threads to split the work across, or null for the calling thread
     * @throws IllegalArgumentException if the layers' output widths differ, or a layer has a bias or an activation
     * @throws IndexOutOfBoundsException if dy or a dx is too short
     */
    public static void linearBackwardInput(float[] dy, int dyOff, int rows, List<Layer> layers, ThreadPool pool) {
        Output[] outs = new Output[layers.size()];
        int out = layers.get(0).w().out();
        for (int i = 0; i < outs.length; i++) {
            Layer l = layers.get(i);
            if (l.w().out() != out) throw new IllegalArgumentException("layer " + i + " has " + l.w().out() + " outputs, layer 0 " + out);
            if (l.bias() != null || l.act() != Activation.NONE) throw new IllegalArgumentException("the input gradient takes no bias or activation");
            check(dy, dyOff, rows, out, l.y(), l.yOff(), l.w().in());
            outs[i] = new Output(l.w().transposed(), null, new Rows(l.y(), l.yOff(), l.w().in()), l.accumulate(), Activation.NONE);
        }
        run(new Rows(dy, dyOff, out), rows, outs, pool);
    }

    /**
     * Weight and bias gradients of {@link #linear}: {@code dW[o][i] += Σ_r dy[r][o] · x[r][i]} and
     * {@code dB[o] += Σ_r dy[r][o]}, each sum taken over increasing r from 0 before it is added.
     * dy is [rows][out], x is [rows][in], dW is row-major [out][in]. When several layers write to the same
     * output, prepare dy once with {@link OutputGradient} and call the overload that takes it. Runs on the calling
     * thread.
     *
     * @param dy   output gradients, [rows][out] row-major
     * @param x    the layer's inputs from the forward pass, [rows][in] row-major
     * @param rows number of rows (≥ 0)
     * @param out  output width (&gt; 0)
     * @param in   input width (&gt; 0)
     * @param dW   [out][in] row-major; the gradient is added to it
     * @param dB   [out], the bias gradient is added to it; may be null
     * @throws IllegalArgumentException if a size is not positive (rows may be 0)
     */
    public static void weightGradient(float[] dy, float[] x, int rows, int out, int in, float[] dW, float[] dB) {
        weightGradient(dy, x, rows, out, in, dW, dB, null);
    }

    /**
     * {@link #weightGradient} split across {@code pool} over the rows of dW (null runs on the caller); bit-identical
     * for any pool.
     *
     * @param dy   output gradients, [rows][out] row-major
     * @param x    the layer's inputs from the forward pass, [rows][in] row-major
     * @param rows number of rows (≥ 0)
     * @param out  output width (&gt; 0)
     * @param in   input width (&gt; 0)
     * @param dW   [out][in] row-major; the gradient is added to it
     * @param dB   [out], the bias gradient is added to it; may be null
     * @param pool threads to split the work across, or null for the calling thread
     * @throws IllegalArgumentException if a size is not positive (rows may be 0)
     */
    public static void weightGradient(float[] dy, float[] x, int rows, int out, int in, float[] dW, float[] dB,
                                      ThreadPool pool) {
        if (out <= 0 || in <= 0 || rows < 0) throw new IllegalArgumentException("bad shape " + rows + "x" + out + "x" + in);
        check(dy, 0, rows, out, x, 0, in);
        weightGradient(PREPARED.get().set(dy, rows, out, pool), x, in, dW, dB, pool);
    }

    /**
     * {@link #weightGradient(float[], float[], int, int, int, float[], float[], ThreadPool)} from a prepared dy:
     * x is [rows][in] for the rows and out of {@code dy}. Packs x into a per-thread buffer ({@code rows·in}
     * floats, kept) so the forward tile does the work, with dyᵀ as its input rows.
     *
     * @param dy   the prepared output gradient; gives rows and out
     * @param x    the layer's inputs from the forward pass, [rows][in] row-major
     * @param in   input width (&gt; 0)
     * @param dW   [out][in] row-major; the gradient is added to it
     * @param dB   [out], the bias gradient is added to it; may be null
     * @param pool threads to split the work across, or null for the calling thread
     * @throws IllegalArgumentException if in is not positive
     */
    public static void weightGradient(OutputGradient dy, float[] x, int in, float[] dW, float[] dB, ThreadPool pool) {
        weightGradient(dy, List.of(new Gradient(x, in, dW, dB)), pool);
    }

    /**
     * The weight and bias gradients of one layer for {@link #weightGradient(OutputGradient, List, ThreadPool)}.
     *
     * @param x  the layer's inputs from the forward pass, [rows][in] row-major
     * @param in input width (&gt; 0)
     * @param dW [out][in] row-major; the gradient is added to it
     * @param dB [out], the bias gradient is added to it; may be null
     * @param packed x already packed (then {@code x} is null), or null to pack x here
     */
    public record Gradient(float[] x, int in, float[] dW, float[] dB, PackedInput packed) {
        /**
         * A layer whose input x is packed by the weight-gradient call itself.
         *
         * @param x  the layer's inputs from the forward pass, [rows][in] row-major
         * @param in input width (&gt; 0)
         * @param dW [out][in] row-major; the gradient is added to it
         * @param dB [out], the bias gradient is added to it; may be null
         */
        public Gradient(float[] x, int in, float[] dW, float[] dB) { this(x, in, dW, dB, null); }

        /**
         * A layer whose input was packed once for every layer that reads it; the same bits as passing x.
         *
         * @param x  the packed input, with the rows of the output gradient it meets
         * @param dW [out][in] row-major; the gradient is added to it
         * @param dB [out], the bias gradient is added to it; may be null
         */
        public Gradient(PackedInput x, float[] dW, float[] dB) { this(null, x.in(), dW, dB, x); }
    }

    /**
     * {@link #weightGradient(OutputGradient, float[], int, float[], float[], ThreadPool)} for several layers whose
     * outputs received the same gradient dy: dyᵀ is packed once per block of its rows for all of them, each x into a
     * per-thread buffer of its own ({@code rows·in} floats, kept) unless it comes {@linkplain PackedInput packed}; the
     * results are those of separate calls, bit for bit.
     *
     * @param dy     the prepared output gradient; gives rows and out
     * @param layers each layer's input x, its width and the gradients it receives
     * @param pool   threads to split the work across, or null for the calling thread
     * @throws IllegalArgumentException if an input width is not positive
     */
    public static void weightGradient(OutputGradient dy, List<Gradient> layers, ThreadPool pool) {
        weightGradient(dy, layers, true, pool);
    }

    /**
     * {@link #weightGradient(OutputGradient, List, ThreadPool)} that adds the gradients to dW and dB
     * ({@code accumulate}) or overwrites them, which saves zeroing them first: the same bits as adding to zeros, since
     * a sum that starts at +0 is never −0.
     *
     * @param dy         the prepared output gradient; gives rows and out
     * @param layers     each layer's input x, its width and the gradients it receives
     * @param accumulate add to dW and dB, or overwrite them (with rows = 0 they are then left as they are)
     * @param pool       threads to split the work across, or null for the calling thread
     * @throws IllegalArgumentException if an input width is not positive
     */
    public static void weightGradient(OutputGradient dy, List<Gradient> layers, boolean accumulate, ThreadPool pool) {
        int rows = dy.rows, out = dy.out;
        Output[] outs = new Output[layers.size()];
        Slabs.Slice[] packed = PACKED_X.get();
        if (packed.length < outs.length) PACKED_X.set(packed = java.util.Arrays.copyOf(packed, outs.length));
        int[] panels = new int[outs.length];
        for (int i = 0; i < outs.length; i++) {
            Gradient g = layers.get(i);
            int in = g.in();
            if (in <= 0) throw new IllegalArgumentException("bad shape " + rows + "x" + out + "x" + in);
            if (g.packed() != null) {
                if (g.packed().rows() != rows || g.packed().in() != in) {
                    throw new IllegalArgumentException("packed input is " + g.packed().rows() + "x" + g.packed().in()
                            + ", the layer needs " + rows + "x" + in);
                }
            } else {
                Objects.checkFromIndexSize(0, rows * in, g.x().length);
            }
            Objects.checkFromIndexSize(0, out * in, g.dW().length);
            if (g.dB() != null) Objects.checkFromIndexSize(0, out, g.dB().length);
            if (rows == 0) continue;
            if (g.dB() != null) {
                if (accumulate) for (int o = 0; o < out; o++) g.dB()[o] += dy.biasSum[o];
                else System.arraycopy(dy.biasSum, 0, g.dB(), 0, out);
            }
            // dW = dyᵀ · x is a linear layer with input dyᵀ [out][rows] and "weight" xᵀ [in][rows], packed below.
            Slabs.Slice xt = g.packed() != null ? g.packed().panels : null;
            if (xt == null) {
                panels[i] = PackedMatrix.panelCount(in);
                int size = panels[i] * rows * Simd.PANEL;
                if (packed[i] == null || packed[i].length() < size) packed[i] = Slabs.allocate(size);
                xt = packed[i];
            }
            outs[i] = new Output(xt.panels(in, rows), null, new Rows(g.dW(), 0, in), accumulate, Activation.NONE);
        }
        if (rows == 0) return;
        Slabs.Slice[] dst = packed;
        // every layer's xᵀ in one parallel region (their panels split across the pool together)
        Spans.forEach(panels, 1, pool, (i, q0, q1) -> PackedMatrix.packColumns(layers.get(i).x(), rows, layers.get(i).in(), dst[i], q0, q1));
        run(new Rows(dy.dy, 0, 1, out), out, outs, pool); // dyᵀ: row o of it is column o of dy
    }

    /**
     * Runs tiny shapes through every branch (the tiles starting and continuing a K block, the 1-row path, row
     * tail, partial panel, bias, accumulate, each activation, both backward GEMMs) so C2 compiles them with complete
     * profiles before the first big call;
     * a kernel first compiled from one huge call can deoptimize into a much slower tier. Idempotent.
     */
    public static void warmUp() {
        if (warm) return;
        int p = Simd.PANEL, rows = 11, in = 8, out = p + 3;
        float[] w = new float[out * in], x = new float[rows * in], y = new float[rows * out], b = new float[out];
        for (int i = 0; i < w.length; i++) w[i] = (i % 7 - 3) * 0.01f;
        for (int i = 0; i < x.length; i++) x[i] = (i % 5 - 2) * 0.1f;
        PackedMatrix m = PackedMatrix.pack(w, out, in);
        float[] dx = new float[rows * in], dW = new float[out * in];
        int longIn = 4100; // more than one K block at every vector width and tile (KC is at most 4096: 8 x 2 at 128 bits)
        PackedMatrix mLong = PackedMatrix.pack(new float[p * longIn], p, longIn);
        float[] xLong = new float[5 * longIn];
        PackedMatrix mThin = PackedMatrix.pack(new float[(4 * p + 1) * in], 4 * p + 1, in); // the 1 x 8 tile and a leftover
        float[] yThin = new float[3 * (4 * p + 1)];
        for (int it = 0; it < 2000; it++) {
            for (Activation act : Activation.values()) {
                linear(x, 0, rows, m, b, y, 0, false, act);
                linear(x, 0, rows, m, null, y, 0, true, act);
            }
            Activation.SILU.apply(x, 0, dx, 0, x.length, (it & 1) == 0);
            Activation.SILU.backward(x, 0, y, 0, dx, 0, x.length);
            linearBackwardInput(y, 0, rows, m, dx, 0, (it & 1) == 0);
            if (it % 8 == 0) weightGradient(y, x, rows, out, in, dW, b);
            if (it % 16 == 0) linear(xLong, 0, 5, mLong, null, y, 0, false, Activation.NONE);
            linear(x, 0, 1, mThin, null, y, 0, (it & 1) == 0, Activation.NONE);
            linear(x, 0, 3, mThin, null, yThin, 0, false, Activation.NONE); // row pairs over four panels, and a leftover
        }
        warm = true;
    }

    /** Each output's {@code y = act(acc·y + b + A·Wᵀ)} for rows [0, rows) of A. */
    private static void run(Rows a, int rows, Output[] outs, ThreadPool pool) {
        if (pool == null || pool.threads() == 1) {
            kernel(a, 0, rows, outs, 0, -1);
        } else if (rows >= 8) {
            // Chunks of whole row blocks; any split gives the same bits, this one keeps tiles full.
            pool.forRange(rows, rowBlock(), (r0, r1) -> kernel(a, r0, r1, outs, 0, -1));
        } else {
            for (Output o : outs) {
                Output[] one = {o};
                pool.forRange(o.w().count(), 1, (q0, q1) -> kernel(a, 0, rows, one, q0, q1));
            }
        }
    }

    /**
     * {@link #linear(float[], int, int, PackedMatrix, float[], float[], int, boolean, Activation)} on rows packed
     * beforehand, on the calling thread: the same bits as passing the rows themselves.
     *
     * @param x          the input rows, packed; their width must be {@code w.in()}
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none
     * @param y          output rows, [x.rows()][out] row-major from yOff; must not overlap x
     * @param yOff       index of row 0 in y
     * @param accumulate add to y's previous values (before the activation) instead of overwriting them
     * @param act        the activation applied last (not null)
     * @throws IllegalArgumentException if the rows' width is not {@code w.in()}
     * @throws IndexOutOfBoundsException if y or bias is too short
     */
    public static void linear(PackedRows x, PackedMatrix w, float[] bias, float[] y, int yOff, boolean accumulate, Activation act) {
        linear(x, w, bias, null, y, yOff, accumulate, act, null);
    }

    /**
     * {@link #linear(PackedRows, PackedMatrix, float[], float[], int, boolean, Activation)} with a row {@code shift}
     * that every row adds after the bias (as {@link #linear(float[], int, int, PackedMatrix, float[], float[], float[],
     * int, boolean, Activation, ThreadPool)} adds it), W's column panels split across {@code pool}: for few rows, where
     * each thread would otherwise stream all of W for its share of them. The same bits on any pool.
     *
     * @param x          the input rows, packed; their width must be {@code w.in()}
     * @param w          the weight W, [out][in] packed
     * @param bias       [out], or null for none
     * @param shift      [out] added to every row after the bias, or null for none
     * @param y          output rows, [x.rows()][out] row-major from yOff; must not overlap x
     * @param yOff       index of row 0 in y
     * @param accumulate add to y's previous values (before the activation) instead of overwriting them
     * @param act        the activation applied last (not null)
     * @param pool       threads that share W's panels, or null for the calling thread
     * @throws IllegalArgumentException if the rows' width is not {@code w.in()}
     * @throws IndexOutOfBoundsException if y, bias or shift is too short
     */
    public static void linear(PackedRows x, PackedMatrix w, float[] bias, float[] shift, float[] y, int yOff,
                              boolean accumulate, Activation act, ThreadPool pool) {
        if (x.in() != w.in()) throw new IllegalArgumentException("rows of " + x.in() + " values for a layer of " + w.in() + " inputs");
        Objects.checkFromIndexSize(yOff, x.rows() * w.out(), y.length);
        if (bias != null) Objects.checkFromIndexSize(0, w.out(), bias.length);
        if (shift != null) Objects.checkFromIndexSize(0, w.out(), shift.length);
        Output[] outs = {new Output(w.forward(), bias, shift, new Rows(y, yOff, w.out()), accumulate, Objects.requireNonNull(act))};
        Rows a = new Rows(x.x, x.xOff, x.in);
        int rows = x.rows;
        float[] packed = x.packed;
        if (rows == 0) return;
        ThreadPool.run(pool, w.forward().count(), 1, (q0, q1) -> {
            if (packed != null) VectorGemm.linear(a, 0, rows, outs, q0, q1, packed);
            else kernel(a, 0, rows, outs, q0, q1);
        });
    }

    /** Rows [r0, r1) of every output, or with {@code p1 >= 0} panels [p0, p1) of the single one. */
    private static void kernel(Rows a, int r0, int r1, Output[] outs, int p0, int p1) {
        if (VECTOR) {
            VectorGemm.linear(a, r0, r1, outs, p0, p1);
        } else {
            for (Output o : outs) ScalarGemm.linear(a, r0, r1, o, p1 < 0 ? 0 : p0, p1 < 0 ? o.w().count() : p1);
        }
    }

    private static void check(float[] x, int xOff, int rows, int in, float[] y, int yOff, int out) {
        if (rows < 0) throw new IllegalArgumentException("rows < 0: " + rows);
        Objects.checkFromIndexSize(xOff, rows * in, x.length);
        Objects.checkFromIndexSize(yOff, rows * out, y.length);
    }
}
