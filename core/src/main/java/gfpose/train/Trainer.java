package gfpose.train;

import gfpose.GfposeException;
import gfpose.kernel.Gemm;
import gfpose.kernel.Rng;
import gfpose.kernel.Spans;
import gfpose.kernel.ThreadPool;
import gfpose.nn.ModelConfig;
import gfpose.nn.ParamSpec;
import gfpose.nn.ScoreNet;
import gfpose.nn.TrainNet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Denoising score matching of the GFPose prior: one {@link #step()} draws a batch, evaluates the loss and its
 * gradient, clips the global norm, takes an Adam step with linear warm-up and updates the EMA. Results depend only
 * on the config, the data and the step count: not on the thread count, and a run resumed from a
 * {@link #saveCheckpoint checkpoint} continues bit for bit. Not thread-safe; {@link #close()} frees the threads.
 */
public final class Trainer implements AutoCloseable {
    private final TrainConfig cfg;
    private final TrainingSource source;
    private final TrainNet net;
    private final Adam adam;
    private final Ema ema;
    private final DataOrder order;
    private final SampleMaker maker;
    private final ThreadPool pool;
    private long step;
    private long samples;
    // batch buffers
    private final int[] items;
    private final float[] xt, tau, cond, mask, z, perRow;
    private final Rng[] rngs;

    private Trainer(TrainConfig cfg, TrainingSource source, TrainNet net, int threads) {
        this.cfg = cfg;
        this.source = source;
        this.net = net;
        this.adam = new Adam(net.parameterArrays(), cfg.beta1(), cfg.beta2(), cfg.adamEps());
        this.ema = new Ema(net.parameterArrays(), cfg.emaRate());
        this.order = new DataOrder(cfg.seed(), source.size(), 0, 0);
        this.maker = new SampleMaker(cfg, source);
        this.pool = threads > 1 ? new ThreadPool(threads) : null;
        Gemm.warmUp(); // compile the kernels on small shapes before the first big batch
        int b = cfg.batch(), d = cfg.model().inDim();
        items = new int[b];
        xt = new float[b * d]; cond = new float[b * d]; mask = new float[b * d]; z = new float[b * d];
        tau = new float[b]; perRow = new float[b];
        rngs = new Rng[b];
    }

    /** A new run from PyTorch-default initial weights drawn from the config's seed. */
    public static Trainer create(TrainConfig cfg, TrainingSource source, int threads) {
        checkThreads(threads);
        return new Trainer(cfg, source, TrainNet.of(ScoreNet.random(cfg.model(), cfg.seed())), threads);
    }

    /** Fine-tuning: a new run (fresh optimiser and EMA) starting from given weights. */
    public static Trainer fineTune(TrainConfig cfg, ScoreNet start, TrainingSource source, int threads) {
        checkThreads(threads);
        if (!start.config().equals(cfg.model())) {
            throw new GfposeException("fine-tune: weights are " + start.config() + ", training config says " + cfg.model());
        }
        return new Trainer(cfg, source, TrainNet.of(start), threads);
    }

    /**
     * Continues a run from a checkpoint written by {@link #saveCheckpoint}.
     *
     * @param expectModel if not null, the model shape the caller asked for; a different checkpoint is an error
     */
    public static Trainer resume(Path checkpoint, TrainingSource source, int threads, ModelConfig expectModel) {
        return resume(checkpoint, source, threads, expectModel, 0, 0);
    }

    /**
     * {@link #resume(Path, TrainingSource, int, ModelConfig)} with a new cool-down ({@link TrainConfig#decayFrom},
     * {@link TrainConfig#decayTo}; 0 and 0 keep the checkpoint's): the one setting a resumed run may change, so that an
     * open-ended run at constant learning rate can end with a cool-down (warm-up, stable, decay).
     */
    public static Trainer resume(Path checkpoint, TrainingSource source, int threads, ModelConfig expectModel,
                                 long decayFrom, long decayTo) {
        return resume(checkpoint, source, threads, expectModel,
                c -> decayTo > 0 ? c.withCooldown(decayFrom, decayTo) : c);
    }

    /**
     * {@link #resume(Path, TrainingSource, int, ModelConfig)} on a branch: {@code change} maps the checkpoint's settings
     * to the branch's. It may change the cool-down and the data mix (masking, condition probabilities, pixel noise),
     * which only alter what later rows draw; the model, optimiser and schedule must stay, or the optimiser state would
     * not match them.
     */
    public static Trainer resume(Path checkpoint, TrainingSource source, int threads, ModelConfig expectModel,
                                 java.util.function.UnaryOperator<TrainConfig> change) {
        checkThreads(threads);
        Checkpoint.State s = Checkpoint.read(checkpoint);
        TrainConfig was = s.config(), now = change.apply(was);
        if (!now.withCooldown(was.decayFrom(), was.decayTo()).withMasking(was.maskPose(), was.maskPart(), was.maskJoint())
                .withConditions(was.cond3dProb(), was.gt2dProb(), was.flip()).withAugmentation(was.gt2dNoise()).equals(was)) {
            throw new GfposeException(checkpoint + ": a resumed run may change only the cool-down and the data mix");
        }
        s = s.withConfig(now);
        if (expectModel != null && !expectModel.equals(s.config().model())) {
            throw new GfposeException(checkpoint + ": checkpoint model (hidden " + s.config().model().hidden() + ", embed "
                    + s.config().model().embed() + ", blocks " + s.config().model().blocks() + ", groups "
                    + s.config().model().groups() + ") differs from the requested one (hidden " + expectModel.hidden()
                    + ", embed " + expectModel.embed() + ", blocks " + expectModel.blocks() + ", groups " + expectModel.groups() + ")");
        }
        if (s.dataSize() != source.size()) {
            throw new GfposeException(checkpoint + ": checkpoint was trained on " + s.dataSize() + " items, the data has "
                    + source.size() + " (" + source.describe() + "; give the --stride and --holdout the run was started with)");
        }
        Trainer t = new Trainer(s.config(), source, TrainNet.fromTensors(s.config().model(), s.params()), threads);
        List<ParamSpec> specs = t.net.specs();
        for (int i = 0; i < specs.size(); i++) {
            String n = specs.get(i).name();
            System.arraycopy(s.adamM().get(n), 0, t.adam.m[i], 0, t.adam.m[i].length);
            System.arraycopy(s.adamV().get(n), 0, t.adam.v[i], 0, t.adam.v[i].length);
            System.arraycopy(s.ema().get(n), 0, t.ema.shadow[i], 0, t.ema.shadow[i].length);
        }
        t.step = s.step();
        t.samples = s.samples();
        t.order.epoch = s.epoch();
        t.order.offset = s.offset();
        return t;
    }

    private static void checkThreads(int threads) {
        if (threads < 1) throw new GfposeException("train: --threads must be >= 1, got " + threads);
    }

    public TrainConfig config() { return cfg; }

    /** Optimiser steps done. */
    public long stepsDone() { return step; }

    /** Samples consumed so far. */
    public long samples() { return samples; }

    /** Learning rate of the next step ({@link TrainConfig#lrAt}). */
    public double nextLr() { return cfg.lrAt(step); }

    /** One optimiser step on the next batch. */
    public StepStats step() {
        int b = cfg.batch();
        order.next(items, b);
        long base = samples;
        ThreadPool.RangeBody build = (r0, r1) -> {
            SampleMaker.Scratch s = new SampleMaker.Scratch();
            for (int r = r0; r < r1; r++) {
                rngs[r] = Rng.stream(cfg.seed(), base + r);
                maker.make(items[r], rngs[r], s, r, xt, tau, cond, mask, z);
            }
        };
        ThreadPool.run(pool, b, 1, build);
        double loss = net.lossAndGradient(xt, tau, cond, mask, z, b, cfg.dropout(), rngs, perRow, pool);
        if (!Double.isFinite(loss)) throw new GfposeException("train: loss became " + loss + " at step " + step + " (lower --lr?)");
        float[][] g = net.gradientArrays();
        double norm = globalNorm(g, pool);
        // clip_grad_norm_: multiply by min(1, max_norm / (norm + 1e-6)); Adam applies the factor as it reads g
        float coef = cfg.clip() > 0 ? (float) Math.min(1.0, cfg.clip() / (norm + 1e-6)) : 1f;
        double lr = nextLr();
        // Adam, then the EMA of the new values, one block at a time: the block's parameters are read from L1 the
        // second time
        float[][] p = net.parameterArrays();
        Spans.Body update = adam.body(p, g, coef, (float) lr, step + 1), average = ema.body(p, step + 1);
        PerElement.forEach(p, pool, (t, i0, i1) -> {
            update.run(t, i0, i1);
            average.run(t, i0, i1);
        });
        net.refresh(pool);
        step++;
        samples += b;
        return new StepStats(step, loss, lr, norm);
    }

    /** L2 norm of the per-tensor L2 norms, as {@code clip_grad_norm_} computes it. */
    static double globalNorm(float[][] g) { return globalNorm(g, null); }

    /**
     * {@link #globalNorm(float[][])} split across {@code pool}: each tensor's sum of squares is taken in blocks of
     * {@link PerElement#BLOCK} values (in double, a fixed order), then over the blocks in order, so any split gives the same bits.
     */
    static double globalNorm(float[][] g, ThreadPool pool) {
        double[][] blocks = new double[g.length][];
        for (int t = 0; t < g.length; t++) blocks[t] = new double[(g[t].length + PerElement.BLOCK - 1) / PerElement.BLOCK];
        PerElement.forEach(g, pool, (t, i0, i1) -> {
            float[] v = g[t];
            for (int b0 = i0; b0 < i1; b0 += PerElement.BLOCK) {
                // four interleaved sums: four independent add chains instead of one
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int i = b0, e = Math.min(i1, b0 + PerElement.BLOCK);
                for (; i + 3 < e; i += 4) {
                    s0 += (double) v[i] * v[i]; s1 += (double) v[i + 1] * v[i + 1];
                    s2 += (double) v[i + 2] * v[i + 2]; s3 += (double) v[i + 3] * v[i + 3];
                }
                for (; i < e; i++) s0 += (double) v[i] * v[i];
                blocks[t][b0 / PerElement.BLOCK] = (s0 + s1) + (s2 + s3);
            }
        });
        double total = 0;
        for (double[] tb : blocks) {
            double s = 0;
            for (double x : tb) s += x;
            float n = (float) Math.sqrt(s);
            total += (double) n * n;
        }
        return Math.sqrt(total);
    }

    /** The current (non-averaged) weights. */
    public ScoreNet network() { return net.toScoreNet(); }

    /** The EMA weights, which every evaluation uses. */
    public ScoreNet emaNetwork() { return ScoreNet.fromTensors(cfg.model(), named(ema.shadow)); }

    /** A copy of the live parameters by name. */
    public Map<String, float[]> parameters() { return net.parameters(); }

    private Map<String, float[]> named(float[][] arrays) {
        Map<String, float[]> m = new LinkedHashMap<>();
        List<ParamSpec> specs = net.specs();
        for (int i = 0; i < specs.size(); i++) m.put(specs.get(i).name(), arrays[i].clone());
        return m;
    }

    /** Writes everything a bit-exact resume needs, atomically (a failed write keeps the previous file). */
    public void saveCheckpoint(Path file) {
        Checkpoint.write(file, new Checkpoint.State(cfg, step, samples, order.epoch, order.offset, source.size(),
                named(net.parameterArrays()), named(adam.m), named(adam.v), named(ema.shadow)));
    }

    /** Writes the EMA weights as a {@link ScoreNet}-loadable safetensors file, atomically. */
    public void saveEma(Path file) { emaNetwork().save(file); }

    @Override public void close() { if (pool != null) pool.close(); }
}
