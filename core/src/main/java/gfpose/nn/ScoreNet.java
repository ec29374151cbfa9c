package gfpose.nn;

import gfpose.GfposeException;
import gfpose.io.SafetensorsDType;
import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.PackedRows;
import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The GFPose score network {@code ScoreModelFC_Adv} (eval mode): an MLP on the flattened pose with a sinusoidal
 * time embedding, a condition embedding of the masked difference x − c, a pre layer, residual blocks and an output
 * layer. Its output is an ε-prediction; the score is −out / std(t).
 *
 * <p>Immutable and thread-safe. A row's result never depends on the other rows of the batch nor on the thread
 * count: every row goes through the same per-row arithmetic (see {@link gfpose.kernel.Gemm}).
 */
public final class ScoreNet {
    /** Name of the VE-leftover buffer that PyTorch checkpoints carry; accepted and ignored. */
    public static final String SIGMAS = "sigmas";

    /**
     * Most rows per pass through the layers. Each pass streams all weights (50 MB, more than the L3) once, and a
     * pass of few rows is bound by that stream rather than by the FMAs, so a chunk is split into as few and as
     * equal passes as this allows (200 rows: one pass, not 3 x 64 + 8). Scratch costs about 27 KB per row at width 1024
     * (the activations, and the embeddings packed once for every sub-layer).
     */
    static final int MAX_TILE = 256;
    /** Threads and passes get row counts that are multiples of this: the GEMM's row block (4 or 8), kept full. */
    static final int GRAIN = Gemm.rowBlock();
    /**
     * Below this many rows per thread a batch runs on the calling thread with every GEMM's column panels split across
     * the pool, so that each core streams its share of W (50 MB) rather than all of it for its share of the rows. Two
     * threads against one at width 1024 (Xeon, BENCHMARKS.md): panels 2.0x / 2.1x / 2.1x at batch 1 / 4 / 16, where
     * rows gave 1.0x / 1.0x / 1.9x; both 1.6x at 64; at 96 rows 1.5x, panels 1.3x. Measured on two threads only: with
     * more, the element-wise steps (10-20 % of a forward), which stay on the calling thread, weigh more.
     */
    static final int PANEL_SPLIT_ROWS = 32;

    private final ModelConfig config;
    private final Layers layers;
    private final ConcurrentLinkedQueue<Workspace> spare = new ConcurrentLinkedQueue<>();

    /** {@code p} has been validated against {@link #parameterSpecs}. */
    private ScoreNet(ModelConfig c, Map<String, float[]> p) {
        this.config = c;
        layers = new Layers(c, p, false);
    }

    /**
     * The trainable parameters of a network of this shape, in PyTorch registration ({@code parameters()}) order.
     *
     * @param c the network's shape
     * @return an unmodifiable list, one spec per tensor ({@code sigmas} is not a parameter)
     */
    public static List<ParamSpec> parameterSpecs(ModelConfig c) { return Layers.specs(c); }

    /**
     * Builds a network from a PyTorch-named state dict (flattened C-order values). Every parameter must be present
     * with its size; {@code sigmas} is ignored; any other name is an error.
     *
     * @param config    the network's shape
     * @param stateDict tensors by PyTorch name, each flattened in C order; the values are copied
     * @return the network
     * @throws GfposeException naming the first missing, mis-sized or unexpected tensor, or if condDim ≠ jointDim
     */
    public static ScoreNet fromTensors(ModelConfig config, Map<String, float[]> stateDict) {
        checkSupported(config, "state dict");
        Set<String> expected = new HashSet<>();
        for (ParamSpec s : parameterSpecs(config)) {
            expected.add(s.name());
            float[] v = stateDict.get(s.name());
            if (v == null) throw new GfposeException("state dict: missing tensor '" + s.name() + "' " + s.shapeString());
            if (v.length != s.size()) {
                throw new GfposeException("state dict: tensor '" + s.name() + "' has " + v.length + " values, expected "
                        + s.shapeString() + " = " + s.size());
            }
        }
        for (String name : stateDict.keySet()) {
            if (!expected.contains(name) && !name.equals(SIGMAS)) {
                throw new GfposeException("state dict: unexpected tensor '" + name + "' (" + describe(config) + ")");
            }
        }
        return new ScoreNet(config, stateDict);
    }

    /**
     * A randomly initialised network (PyTorch default init), deterministic in the seed.
     *
     * @param config the network's shape
     * @param seed   seed of the per-parameter streams ({@link Rng#stream}(seed, index in {@link #parameterSpecs}))
     * @return the network; the same seed and shape give the same bits on every platform
     */
    public static ScoreNet random(ModelConfig config, long seed) {
        Map<String, float[]> p = new LinkedHashMap<>();
        List<ParamSpec> specs = parameterSpecs(config);
        for (int i = 0; i < specs.size(); i++) {
            ParamSpec s = specs.get(i);
            float[] v = new float[s.size()];
            switch (s.init()) {
                case ONES -> Arrays.fill(v, 1f);
                case ZEROS -> { }
                case UNIFORM -> {
                    // one stream per parameter: adding a layer never changes the others' values
                    Rng rng = Rng.stream(seed, i);
                    double bound = 1.0 / Math.sqrt(s.fanIn());
                    for (int k = 0; k < v.length; k++) v[k] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            p.put(s.name(), v);
        }
        return fromTensors(config, p);
    }

    /**
     * Loads and validates a safetensors weights file (names, shapes, dtypes; config from metadata).
     *
     * @param file a {@code .safetensors} file with F32, F16 or BF16 tensors
     * @return the network
     * @throws GfposeException naming the file (and tensor) when it is unreadable, malformed, holds a non-finite
     *                         value or does not match its configuration
     */
    public static ScoreNet load(Path file) { return ScoreNetFile.load(file); }

    /**
     * Loads weights from a stream (e.g. a classpath resource), read to its end; {@code name} names it in messages.
     * Validated as by {@link #load(Path)}.
     *
     * @param in   safetensors bytes; read to its end, not closed
     * @param name names the source in error messages
     * @return the network
     * @throws GfposeException naming the source when the stream cannot be read or the weights are invalid
     */
    public static ScoreNet load(java.io.InputStream in, String name) { return ScoreNetFile.load(gfpose.io.Safetensors.read(in, name)); }

    /**
     * Loads weights held in memory (position to limit); {@code name} names them in messages.
     * Validated as by {@link #load(Path)}.
     *
     * @param bytes safetensors bytes between the buffer's position and limit
     * @param name  names the source in error messages
     * @return the network
     * @throws GfposeException naming the source when the weights are malformed or invalid
     */
    public static ScoreNet load(java.nio.ByteBuffer bytes, String name) { return ScoreNetFile.load(gfpose.io.Safetensors.read(bytes, name)); }

    /**
     * Writes the weights (F32) with the configuration in the metadata, atomically; see
     * {@link #save(Path, SafetensorsDType)}.
     *
     * @param file the safetensors file to create or replace
     * @throws GfposeException naming the file when it cannot be written
     */
    public void save(Path file) { save(file, SafetensorsDType.F32); }

    /**
     * Writes the weights as F32, F16 or BF16 (the latter two round to nearest even), atomically.
     * {@code sigmas} is not written.
     *
     * @param file  the safetensors file to create or replace
     * @param dtype F32, F16 or BF16
     * @throws IllegalArgumentException for another dtype
     * @throws GfposeException naming the file when it cannot be written
     */
    public void save(Path file, SafetensorsDType dtype) { ScoreNetFile.save(this, file, dtype); }

    /**
     * The network's shape.
     *
     * @return the configuration it was built with
     */
    public ModelConfig config() { return config; }

    /**
     * Number of trainable parameters (12,504,627 for GFPose).
     *
     * @return the total number of floats over {@link #parameterSpecs}
     */
    public long parameterCount() {
        long n = 0;
        for (ParamSpec s : parameterSpecs(config)) n += s.size();
        return n;
    }

    /**
     * Copies of all parameters by PyTorch name, in registration order (flattened C order).
     *
     * @return a new map of fresh arrays, accepted by {@link #fromTensors}
     */
    public Map<String, float[]> parameters() {
        Map<String, float[]> p = new LinkedHashMap<>();
        putSublayer(p, layers.pre);
        putLinear(p, layers.timeEmbed);
        putLinear(p, layers.condEmbed);
        for (ResBlock b : layers.blocks) { putSublayer(p, b.first); putSublayer(p, b.second); }
        putLinear(p, layers.post);
        return p;
    }

    private static void putSublayer(Map<String, float[]> p, Sublayer s) {
        putLinear(p, s.dense);
        putLinear(p, s.denseT);
        putLinear(p, s.denseCond);
        p.put(s.norm.name + ".weight", s.norm.gamma());
        p.put(s.norm.name + ".bias", s.norm.beta());
    }

    private static void putLinear(Map<String, float[]> p, Linear l) {
        p.put(l.name + ".weight", l.weight());
        p.put(l.name + ".bias", l.bias());
    }

    /**
     * A one-line summary: architecture, sizes and parameter count.
     *
     * @return e.g. {@code ScoreModelFC_Adv: 17 joints x 3, hidden 1024, ..., 12,504,627 parameters}
     */
    public String info() {
        return String.format("ScoreModelFC_Adv: %d joints x %d, hidden %d, embed %d, %d blocks, GroupNorm(%d), %,d parameters",
                config.joints(), config.jointDim(), config.hidden(), config.embed(), config.blocks(), config.groups(),
                parameterCount());
    }

    @Override public String toString() { return info(); }

    static String describe(ModelConfig c) {
        return "model config: hidden " + c.hidden() + ", embed " + c.embed() + ", blocks " + c.blocks() + ", groups " + c.groups();
    }

    static void checkSupported(ModelConfig c, String where) {
        // the difference x − c needs both in the same per-joint layout
        if (c.condDim() != c.jointDim()) {
            throw new GfposeException(where + ": cond_dim " + c.condDim() + " must equal joint_dim " + c.jointDim());
        }
    }

    /**
     * Eval-mode forward: the epsilon prediction {@code out} for rows [0, rows).
     *
     * @param x    [rows * 51] noisy poses in network space
     * @param tau  [rows] time labels (999 t for sub-VP)
     * @param cond [rows * 51] conditions (2-D conditions have z = 0)
     * @param mask [rows * 51] 1 = use, 0 = drop; null = all ones
     * @param rows number of rows (≥ 0); only rows [0, rows) of the arrays are read and written
     * @param out  [rows * 51] receives the network output
     * @param pool splits the rows across threads; results do not depend on its size (null = calling thread)
     */
    public void forward(float[] x, float[] tau, float[] cond, float[] mask, int rows, float[] out, ThreadPool pool) {
        checkInputs(x, tau, rows, cond, mask, rows, out);
        forwardRows(x, tau, false, cond, mask, rows, out, pool);
    }

    /**
     * {@link #forward(float[], float[], float[], float[], int, float[], ThreadPool)} with every row at one time label,
     * as a sampler evaluates a batch: the time MLP and each dense_t then run on one row (2.9 M of the 12.5 M
     * multiply-adds per row at GFPose's size) and their result is added to every row with the very same float
     * operations, so the output equals the per-row call's bit for bit.
     *
     * @param x    [rows * 51] noisy poses in network space
     * @param tau  the time label of every row (999 t for sub-VP)
     * @param cond [rows * 51] conditions (2-D conditions have z = 0)
     * @param mask [rows * 51] 1 = use, 0 = drop; null = all ones
     * @param rows number of rows (≥ 0); only rows [0, rows) of the arrays are read and written
     * @param out  [rows * 51] receives the network output
     * @param pool splits the rows across threads; results do not depend on its size (null = calling thread)
     */
    public void forward(float[] x, float tau, float[] cond, float[] mask, int rows, float[] out, ThreadPool pool) {
        float[] one = {tau};
        checkInputs(x, one, 1, cond, mask, rows, out);
        forwardRows(x, one, true, cond, mask, rows, out, pool);
    }

    private void forwardRows(float[] x, float[] tau, boolean shared, float[] cond, float[] mask, int rows, float[] out,
                             ThreadPool pool) {
        if (rows == 0) return;
        if (pool == null || pool.threads() == 1) forwardChunk(x, tau, shared, cond, mask, 0, rows, out, null);
        else if (rows < PANEL_SPLIT_ROWS * pool.threads()) forwardChunk(x, tau, shared, cond, mask, 0, rows, out, pool);
        else pool.forRange(rows, GRAIN, (from, to) -> forwardChunk(x, tau, shared, cond, mask, from, to, out, null));
    }

    private void checkInputs(float[] x, float[] tau, int tauRows, float[] cond, float[] mask, int rows, float[] out) {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        long n = (long) rows * config.inDim(), nc = (long) rows * config.condIn();
        if (x.length < n || out.length < n || cond.length < nc || tau.length < tauRows || (mask != null && mask.length < nc)) {
            throw new IllegalArgumentException("forward: arrays too short for " + rows + " rows (x " + x.length + ", tau "
                    + tau.length + ", cond " + cond.length + ", mask " + (mask == null ? "null" : mask.length) + ", out "
                    + out.length + ")");
        }
    }

    /** Rows [from, to) on the calling thread; with a pool, each GEMM splits W's panels across it. */
    private void forwardChunk(float[] x, float[] tau, boolean shared, float[] cond, float[] mask, int from, int to, float[] out,
                              ThreadPool pool) {
        Workspace ws = spare.poll();
        int per = passRows(to - from);
        if (ws == null || ws.capacity < per) ws = new Workspace(config, per);
        try {
            Workspace w = ws;
            inPasses(from, to, (r0, r1) -> run(w, x, tau, shared, cond, mask, r0, r1 - r0, out, pool));
        } finally {
            spare.offer(ws);
        }
    }

    /** Rows per pass for a chunk of n rows: as few and as equal passes of at most {@link #MAX_TILE} as whole row blocks allow. */
    static int passRows(int n) {
        int passes = Math.max(1, (n + MAX_TILE - 1) / MAX_TILE);
        return ((n + passes - 1) / passes + GRAIN - 1) / GRAIN * GRAIN;
    }

    /** Rows [from, to) in passes of {@link #passRows} rows, in order on the calling thread. */
    static void inPasses(int from, int to, ThreadPool.RangeBody body) {
        int per = passRows(to - from);
        for (int r = from; r < to; r += per) body.run(r, Math.min(to, r + per));
    }

    /**
     * The whole network on rows [r0, r0 + n) (n ≤ ws.capacity); scratch rows start at 0. {@code shared}: tau[0] is
     * every row's time label (the time path runs on one row), else tau holds one label per row.
     */
    private void run(Workspace ws, float[] x, float[] tau, boolean shared, float[] cond, float[] mask, int r0, int n,
                     float[] out, ThreadPool pool) {
        int in = config.inDim();
        // shapes: x, cond, out [n × 51] from row r0; d [n × 51], temb [tRows × embed], cemb, h, h1, sum [n × hidden]
        ConditionDifference.compute(config, x, cond, mask, r0, r0 + n, ws.d, r0);
        int tRows = shared ? 1 : n;
        float[] tproj = shared ? ws.tproj : null;
        Layers l = layers;
        l.timeEmbedding.forward(tau, shared ? 0 : r0, tRows, ws.tembRaw, 0);
        PackedRows rows = ws.inRows;
        l.timeEmbed.forward(rows.set(ws.tembRaw, 0, tRows, config.embed()), null, ws.temb, 0, false, Activation.SILU, pool);
        l.condEmbed.forward(rows.set(ws.d, 0, n, config.condIn()), null, ws.cemb, 0, false, Activation.SILU, pool);
        PackedRows temb = ws.tembRows.set(ws.temb, 0, tRows, config.embed()), cemb = ws.cembRows.set(ws.cemb, 0, n, config.hidden());
        l.pre.forward(x, r0 * in, temb, cemb, n, ws.sum, ws.h, false, tproj, pool, rows);
        for (ResBlock b : l.blocks) b.forward(ws.h, temb, cemb, n, ws.h1, ws.sum, tproj, pool, rows);
        l.post.forward(rows.set(ws.h, 0, n, config.hidden()), null, out, r0 * in, false, Activation.NONE, pool);
    }

}
