package gfpose.nn;

import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.Norm;
import gfpose.kernel.OutputGradient;
import gfpose.kernel.PackedInput;
import gfpose.kernel.PackedRows;
import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable {@code ScoreModelFC_Adv}: train-mode forward (dropout from per-row random streams, masking of the
 * condition difference through the mask argument), the denoising loss ½Σ(out − target)² averaged over rows, and
 * back-propagation to every parameter.
 *
 * <p>Parameters and gradients are flat float arrays in {@link ScoreNet#parameterSpecs} order (live: an optimizer
 * edits them in place and then calls {@link #refresh()}). The forward pass and the activation gradients run each
 * thread's rows through the whole network (every step of them is per row); every sum over rows (weight, bias, γ, β
 * gradients) is then taken over the whole batch in increasing row order by one thread, so the thread count never
 * changes a bit. Not thread-safe itself.
 */
public final class TrainNet {
    private final ModelConfig config;
    private final List<ParamSpec> specs;
    private final float[][] params;
    private final float[][] grads;
    private final Map<String, Integer> index = new HashMap<>(); // parameter name -> position in params/grads
    private final Layers layers; // the inference layers, over the live params arrays
    private final Sublayer[] subs; // pre, then b1 first, b1 second, b2 first, ...
    private Acts acts;
    private final OutputGradient dyPrep = new OutputGradient();
    private final PackedInput tembPacked = new PackedInput(), cembPacked = new PackedInput(); // read by every sub-layer
    /** Per thread: the pass's temb and cemb rows packed for every sub-layer's forward. */
    private final ThreadLocal<PackedRows[]> embRows = ThreadLocal.withInitial(() -> new PackedRows[] {new PackedRows(), new PackedRows()});
    private boolean dropoutOn; // whether the last forward pass used dropout

    private static final class Acts {
        final int cap;
        final float[] d, tembRaw, tembPre, temb, cembPre, cemb, out, dOut, dtemb, dcemb, dh, dh1, tmp;
        final float[][] g, xhat, rstd, drop, h, h1, dg, dsum;

        Acts(ModelConfig c, int cap, int nSubs) {
            this.cap = cap;
            int H = cap * c.hidden(), E = cap * c.embed();
            d = new float[cap * c.condIn()];
            tembRaw = new float[E]; tembPre = new float[E]; temb = new float[E]; dtemb = new float[E];
            cembPre = new float[H]; cemb = new float[H]; dcemb = new float[H];
            out = new float[cap * c.inDim()]; dOut = new float[cap * c.inDim()];
            dh = new float[H]; dh1 = new float[H]; tmp = new float[H];
            g = new float[nSubs][H]; xhat = new float[nSubs][H]; drop = new float[nSubs][H];
            rstd = new float[nSubs][cap * c.groups()];
            h = new float[c.blocks() + 1][H];
            h1 = new float[c.blocks()][H];
            dg = new float[nSubs][H]; // per sub-layer: dL/dg, kept for the γ and β gradients
            dsum = new float[nSubs][H]; // per sub-layer: dL/dsum, the dy of its three Linears' weight gradients
        }
    }

    private TrainNet(ModelConfig config, Map<String, float[]> p) {
        ScoreNet.checkSupported(config, "train");
        this.config = config;
        this.specs = ScoreNet.parameterSpecs(config);
        params = new float[specs.size()][];
        grads = new float[specs.size()][];
        Map<String, float[]> live = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            ParamSpec s = specs.get(i);
            params[i] = p.get(s.name()).clone();
            grads[i] = new float[s.size()];
            index.put(s.name(), i);
            live.put(s.name(), params[i]);
        }
        layers = new Layers(config, live, true);
        subs = layers.sublayers();
    }

    /**
     * A trainable copy of a network's parameters.
     *
     * @param net the starting point (e.g. {@link ScoreNet#random} or loaded weights); not changed
     * @return a new trainable network with the same configuration and parameters, gradients zero
     */
    public static TrainNet of(ScoreNet net) { return new TrainNet(net.config(), net.parameters()); }

    /**
     * A trainable network from PyTorch-named tensors (validated like {@link ScoreNet#fromTensors}).
     *
     * @param config the network's shape
     * @param p      tensors by PyTorch name, flattened in C order; copied
     * @return a new trainable network, gradients zero
     * @throws gfpose.GfposeException naming the first missing, mis-sized or unexpected tensor
     */
    public static TrainNet fromTensors(ModelConfig config, Map<String, float[]> p) {
        ScoreNet.fromTensors(config, p);
        return new TrainNet(config, p);
    }

    /**
     * The network's shape.
     *
     * @return the configuration it was built with
     */
    public ModelConfig config() { return config; }

    /**
     * Parameter specs, in the order of {@link #parameterArrays()}.
     *
     * @return the unmodifiable list of {@link ScoreNet#parameterSpecs} for this configuration
     */
    public List<ParamSpec> specs() { return specs; }

    /**
     * The live parameter arrays; call {@link #refresh()} after changing them.
     *
     * @return the arrays themselves (not copies), [spec][flattened C-order values], in {@link #specs()} order
     */
    public float[][] parameterArrays() { return params; }

    /**
     * The live gradient arrays of the last {@link #lossAndGradient} call.
     *
     * @return the arrays themselves, shaped like {@link #parameterArrays()}; overwritten by every call
     */
    public float[][] gradientArrays() { return grads; }

    /** Re-packs the weights after the parameter arrays were edited in place. */
    public void refresh() { refresh(null); }

    /**
     * {@link #refresh()}, each layer's panels split across {@code pool} (null = caller): plain copies, so any split is
     * exact.
     *
     * @param pool threads for the copies, or null for the calling thread
     */
    public void refresh(ThreadPool pool) {
        Linear.repack(layers.linears(), pool);
    }

    /**
     * Copies of the parameters by PyTorch name.
     *
     * @return a new map in registration order, fresh arrays, accepted by {@link ScoreNet#fromTensors}
     */
    public Map<String, float[]> parameters() {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) m.put(specs.get(i).name(), params[i].clone());
        return m;
    }

    /**
     * An eval-mode network with the current parameters.
     *
     * @return a new, independent {@link ScoreNet} (later training does not change it)
     */
    public ScoreNet toScoreNet() { return ScoreNet.fromTensors(config, parameters()); }

    /**
     * Forward in train mode, the loss and all gradients (overwritten, not accumulated).
     *
     * @param x       [rows × 51] noisy poses x_t
     * @param tau     [rows] time labels 999·t
     * @param cond    [rows × 51] conditions (2-D ones have z = 0)
     * @param mask    [rows × 51] multiplies the condition difference (training masking), null = ones
     * @param target  [rows × 51] the noise z the output should predict
     * @param rows    number of rows in the batch (≥ 1)
     * @param dropout dropout probability (0 = off; then {@code rowRng} may be null)
     * @param rowRng  one stream per row for the dropout draws (hidden/2 per sub-layer, in layer order)
     * @param perRow  receives each row's loss ½Σ(out − z)² (may be null)
     * @param pool    threads (null = caller); the result does not depend on it
     * @return the mean over rows of the per-row loss
     */
    public double lossAndGradient(float[] x, float[] tau, float[] cond, float[] mask, float[] target, int rows,
                                  float dropout, Rng[] rowRng, float[] perRow, ThreadPool pool) {
        if (rows <= 0) throw new IllegalArgumentException("rows must be positive, got " + rows);
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (acts == null || acts.cap < rows) acts = new Acts(config, rows, subs.length);
        dropoutOn = dropout > 0;
        forward(x, tau, cond, mask, rows, dropout, rowRng, pool);
        double loss = loss(target, rows, perRow);
        backward(x, rows, pool); // overwrites every gradient: each is written by exactly one call below
        return loss;
    }

    /** The output of the last forward pass (rows × 51); package-private for tests. */
    float[] lastOutput() { return acts.out; }

    /**
     * One forward pass without dropout, returning its cached activations under the golden archive's names (tests check
     * every layer against PyTorch this way: the inference path keeps no trace, and runs the same layer objects).
     */
    Map<String, float[]> activations(float[] x, float[] tau, float[] cond, float[] mask, int rows) {
        if (acts == null || acts.cap < rows) acts = new Acts(config, rows, subs.length);
        dropoutOn = false;
        forward(x, tau, cond, mask, rows, 0f, null, null);
        int H = rows * config.hidden(), E = rows * config.embed();
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("temb_raw", java.util.Arrays.copyOf(acts.tembRaw, E));
        m.put("act/cond_in", java.util.Arrays.copyOf(acts.d, rows * config.condIn()));
        m.put("act/temb", java.util.Arrays.copyOf(acts.temb, E));
        m.put("act/cemb", java.util.Arrays.copyOf(acts.cemb, H));
        m.put("act/pre_gn", java.util.Arrays.copyOf(acts.g[0], H));
        for (int b = 0; b <= config.blocks(); b++) {
            m.put("act/h" + b, java.util.Arrays.copyOf(acts.h[b], H));
            if (b < config.blocks()) m.put("act/b" + (b + 1) + "_h1", java.util.Arrays.copyOf(acts.h1[b], H));
        }
        m.put("out", java.util.Arrays.copyOf(acts.out, rows * config.inDim()));
        return m;
    }

    /** Dropout scales (0 or 1/(1−p)) of sub-layer s in the last forward pass, null if dropout was off. */
    float[] lastDropout(int s) { return dropoutOn ? acts.drop[s] : null; }

    /**
     * The forward pass, its rows split across the pool once: each thread runs the whole network on its rows (every
     * step is per row), so no thread waits for another between layers, in passes of at most 256 rows, as inference
     * does, so that a pass's activations stay in L2 from one layer to the next.
     */
    private void forward(float[] x, float[] tau, float[] cond, float[] mask, int rows, float p, Rng[] rng, ThreadPool pool) {
        ThreadPool.run(pool, rows, Gemm.rowBlock(), (from, to) -> ScoreNet.inPasses(from, to,
                (r0, r1) -> forwardRows(x, tau, cond, mask, r0, r1, p, rng)));
    }

    private void forwardRows(float[] x, float[] tau, float[] cond, float[] mask, int r0, int r1, float p, Rng[] rng) {
        Acts a = acts;
        int H = config.hidden(), E = config.embed(), n = r1 - r0;
        ConditionDifference.compute(config, x, cond, mask, r0, r1, a.d);
        layers.timeEmbedding.forward(tau, r0, n, a.tembRaw, r0 * E);
        layers.timeEmbed.forward(a.tembRaw, r0 * E, n, a.tembPre, r0 * E, false, Activation.NONE);
        layers.condEmbed.forward(a.d, r0 * config.condIn(), n, a.cembPre, r0 * H, false, Activation.NONE);
        Activation.SILU.apply(a.tembPre, r0 * E, a.temb, r0 * E, n * E, false);
        Activation.SILU.apply(a.cembPre, r0 * H, a.cemb, r0 * H, n * H, false);
        PackedRows[] emb = embRows.get();
        PackedRows temb = emb[0].set(a.temb, r0 * E, n, E), cemb = emb[1].set(a.cemb, r0 * H, n, H);
        subForward(0, x, temb, cemb, r0, r1, a.h[0], false, p, rng);
        for (int b = 0; b < config.blocks(); b++) {
            System.arraycopy(a.h[b], r0 * H, a.h[b + 1], r0 * H, n * H);
            subForward(2 * b + 1, a.h[b], temb, cemb, r0, r1, a.h1[b], false, p, rng);
            subForward(2 * b + 2, a.h1[b], temb, cemb, r0, r1, a.h[b + 1], true, p, rng);
        }
        layers.post.forward(a.h[config.blocks()], r0 * H, n, a.out, r0 * config.inDim(), false, Activation.NONE);
    }

    /**
     * Rows [r0, r1): dst (+)= dropout(SiLU(GN(dense(in) + dense_t(temb) + dense_cond(cemb)))), caching g, x̂, 1/σ and
     * the mask. {@code in} has the sub-layer's input width (51 for the first, else hidden).
     */
    private void subForward(int s, float[] in, PackedRows temb, PackedRows cemb, int r0, int r1, float[] dst,
                            boolean residual, float p, Rng[] rng) {
        Acts a = acts;
        Sublayer sub = subs[s];
        int H = config.hidden(), G = config.groups();
        // summed in the reference's order ((dense + dense_t) + dense_cond), as inference sums it
        sub.dense.forward(in, r0 * sub.dense.in, r1 - r0, a.tmp, r0 * H, false, Activation.NONE);
        sub.denseT.forward(temb, null, a.tmp, r0 * H, true, Activation.NONE, null);
        sub.denseCond.forward(cemb, null, a.tmp, r0 * H, true, Activation.NONE, null);
        float[] drop = p > 0 ? a.drop[s] : null;
        // one row at a time through every step, so the row's values stay in L1 between them
        for (int r = r0; r < r1; r++) {
            int i0 = r * H, i1 = i0 + H;
            GroupNorm.forwardKeeping(a.tmp, sub.norm.gammaRef(), sub.norm.betaRef(), H, G, r, r + 1, a.g[s], a.xhat[s], a.rstd[s]);
            // the row of tmp (the sum) is consumed: SiLU(g) goes there, then dropout and the residual
            Activation.SILU.apply(a.g[s], i0, a.tmp, i0, H, false);
            if (drop != null) {
                dropoutScales(rng[r], p, drop, i0, H);
                for (int i = i0; i < i1; i++) a.tmp[i] *= drop[i];
            }
            if (residual) for (int i = i0; i < i1; i++) dst[i] += a.tmp[i];
            else System.arraycopy(a.tmp, i0, dst, i0, H);
        }
    }

    /**
     * n dropout scales from one row's stream: 0 with probability p (to 2⁻³²), else 1/(1 − p). Each 64-bit draw
     * gives two values (low half first), so a row costs H/2 draws per sub-layer.
     */
    static void dropoutScales(Rng rng, float p, float[] out, int off, int n) {
        rng.fillBernoulli(out, off, n, Math.round(p * 0x1p32), 0f, 1f / (1f - p));
    }

    private double loss(float[] z, int rows, float[] perRow) {
        Acts a = acts;
        int D = config.inDim();
        double total = 0;
        float inv = 1f / rows;
        for (int r = 0; r < rows; r++) {
            double l = 0;
            for (int i = r * D; i < (r + 1) * D; i++) {
                float e = a.out[i] - z[i];
                l += (double) e * e;
                a.dOut[i] = e * inv;
            }
            l *= 0.5;
            if (perRow != null) perRow[r] = (float) l;
            total += l;
        }
        return total / rows;
    }

    /**
     * The backward pass in two phases. First the gradients with respect to activations, rows split across the pool
     * once (each is per row, like the forward); every sub-layer keeps its dL/dg and dL/dsum. Then the parameter
     * gradients, whose sums run over all rows in increasing order: each GEMM and column sum split across the pool by
     * output, so the thread count never changes a bit.
     */
    private void backward(float[] x, int rows, ThreadPool pool) {
        ThreadPool.run(pool, rows, Gemm.rowBlock(), (from, to) -> ScoreNet.inPasses(from, to, (r0, r1) -> backwardRows(x, r0, r1)));
        Acts a = acts;
        int H = config.hidden(), E = config.embed(), B = config.blocks();
        weightGradients(a.dOut, rows, config.inDim(), List.of(part(layers.post, a.h[B])), pool);
        PackedInput temb = tembPacked.set(a.temb, rows, E, pool), cemb = cembPacked.set(a.cemb, rows, H, pool);
        for (int s = subs.length - 1; s >= 0; s--) {
            Sublayer sub = subs[s];
            float[] in = s == 0 ? x : s % 2 == 1 ? a.h[(s - 1) / 2] : a.h1[(s - 2) / 2];
            int gamma = index.get(sub.norm.name + ".weight");
            float[] dGamma = grads[gamma], dBeta = grads[gamma + 1], dg = a.dg[s], xhat = a.xhat[s];
            ThreadPool.run(pool, H, 1, (c0, c1) -> Norm.backwardParams(dg, xhat, rows, H, c0, c1, dGamma, dBeta, false));
            // the three layers of a sub-layer share dy (dL/dsum) and its bias gradient
            weightGradients(a.dsum[s], rows, H, List.of(part(sub.dense, in), part(sub.denseT, temb),
                    part(sub.denseCond, cemb)), pool);
        }
        weightGradients(a.dtemb, rows, E, List.of(part(layers.timeEmbed, a.tembRaw)), pool);
        weightGradients(a.dcemb, rows, H, List.of(part(layers.condEmbed, a.d)), pool);
    }

    /** Rows [r0, r1) of every activation gradient, last layer first; dtemb and dcemb gather every sub-layer's share. */
    private void backwardRows(float[] x, int r0, int r1) {
        Acts a = acts;
        int H = config.hidden(), E = config.embed(), B = config.blocks(), n = r1 - r0;
        java.util.Arrays.fill(a.dtemb, r0 * E, r1 * E, 0f);
        java.util.Arrays.fill(a.dcemb, r0 * H, r1 * H, 0f);
        Gemm.linearBackwardInput(a.dOut, r0 * config.inDim(), n,
                List.of(layers.post.inputGradient(a.dh, r0, false)), null);
        for (int b = B - 1; b >= 0; b--) {
            subBackward(2 * b + 2, a.dh, r0, r1, a.dh1, false);
            subBackward(2 * b + 1, a.dh1, r0, r1, a.dh, true);
        }
        subBackward(0, a.dh, r0, r1, null, false);
        Activation.SILU.backward(a.tembPre, r0 * E, a.dtemb, r0 * E, a.dtemb, r0 * E, n * E);
        Activation.SILU.backward(a.cembPre, r0 * H, a.dcemb, r0 * H, a.dcemb, r0 * H, n * H);
    }

    /** Rows [r0, r1) back through sub-layer s given dDst = ∂L/∂(its output); dIn (+)= ∂L/∂in unless null. */
    private void subBackward(int s, float[] dDst, int r0, int r1, float[] dIn, boolean acc) {
        Acts a = acts;
        Sublayer sub = subs[s];
        int H = config.hidden(), G = config.groups();
        float[] drop = dropoutOn ? a.drop[s] : null, dg = a.dg[s], dsum = a.dsum[s];
        for (int r = r0; r < r1; r++) { // row by row: the row stays in L1 for the dropout
            Activation.SILU.backward(a.g[s], r * H, dDst, r * H, dg, r * H, H);
            if (drop != null) for (int i = r * H; i < (r + 1) * H; i++) dg[i] *= drop[i];
        }
        Norm.backwardInput(dg, a.xhat[s], a.rstd[s], sub.norm.gammaRef(), H, G, r0, r1, dsum);
        List<Gemm.Layer> inputs = new java.util.ArrayList<>(3);
        if (dIn != null) inputs.add(sub.dense.inputGradient(dIn, r0, acc));
        inputs.add(sub.denseT.inputGradient(a.dtemb, r0, true));
        inputs.add(sub.denseCond.inputGradient(a.dcemb, r0, true));
        Gemm.linearBackwardInput(dsum, r0 * H, r1 - r0, inputs, null);
    }

    /** The weight and bias gradients of layers whose outputs received dy [rows, out] together. */
    private void weightGradients(float[] dy, int rows, int out, List<Gemm.Gradient> parts, ThreadPool pool) {
        Gemm.weightGradient(dyPrep.set(dy, rows, out, pool), parts, false, pool);
    }

    /** A layer's weight-gradient operand: its forward input x and its gradient arrays. */
    private Gemm.Gradient part(Linear l, float[] x) {
        int w = index.get(l.name + ".weight");
        return new Gemm.Gradient(x, l.in, grads[w], grads[w + 1]);
    }

    /** {@link #part(Linear, float[])} with the input already packed. */
    private Gemm.Gradient part(Linear l, PackedInput x) {
        int w = index.get(l.name + ".weight");
        return new Gemm.Gradient(x, grads[w], grads[w + 1]);
    }
}
