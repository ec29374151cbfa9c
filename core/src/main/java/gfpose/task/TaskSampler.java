package gfpose.task;

import gfpose.ProgressListener;
import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sampling.Imputation;
import gfpose.sampling.Sampler;
import gfpose.sampling.TimeGrid;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;
import gfpose.skeleton.Skeleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The network-free engine behind {@link PosePrior}: runs poses × hypotheses rows in network space through a
 * {@link Sampler} with GFPose's task set-up (spec §3.3). Row (pose p, hypothesis h) draws only from
 * {@code Rng.stream(seed, (firstPose + p)·H + h)}, where {@code firstPose} is the global index of the call's first
 * pose, so results depend neither on the thread count nor on how the caller splits its poses into calls; rows
 * are processed in blocks of at most {@code maxRows} (one network call per block and step), so memory stays bounded
 * by the result itself. Worker pools are kept per thread count and shared by concurrent calls (so parallel requests
 * share the workers instead of each starting its own), until {@link #close()}. A call whose thread is interrupted stops
 * at its next network evaluation with a {@link CancellationException}.
 */
public final class TaskSampler implements AutoCloseable {
    /** A (conditional) score model bound to one batch's conditions and masks, e.g. the network. */
    @FunctionalInterface
    public interface ConditionalScore {
        /**
         * Binds the model to one block of rows.
         *
         * @param cond [rows * 51] the rows' conditions in network space
         * @param mask [rows * 51] the condition mask: 1 = use the entry of {@code cond}, 0 = drop it
         * @param rows rows in the block
         * @param pool worker threads the score may use
         * @return the score of states of these rows, at any time
         */
        ScoreFunction bind(float[] cond, float[] mask, int rows, ThreadPool pool);
    }

    /**
     * One pose's set-up in network space (51 values each).
     *
     * @param cond      the condition c (zeros for generation/denoising)
     * @param mask      the network's condition mask
     * @param impute    null, or 1 on the entries initialised with c and re-imputed with m(t)c + std(t)ε
     * @param start     null to start from the prior, else the start state at the grid's first time: 51 values shared by
     *                  the hypotheses, or 51 per hypothesis (a warm start from earlier hypotheses)
     * @param startNoise add std(t_0)·z to the start, z from the row's stream (a warm start: the start is then m(t_0)·x̂
     *                  for a guess x̂, and the sum is a draw of the forward marginal at t_0 around it)
     */
    public record Job(float[] cond, float[] mask, float[] impute, float[] start, boolean startNoise) {
        /**
         * A job without a noisy start.
         *
         * @param cond   the condition c, 51 values
         * @param mask   the network's condition mask, 51 values
         * @param impute null, or 51 values: 1 on the entries to impute
         * @param start  null to start from the prior, else 51 or H x 51 values used as they are
         */
        public Job(float[] cond, float[] mask, float[] impute, float[] start) { this(cond, mask, impute, start, false); }
    }

    private static final int D = Skeleton.DIM;
    private final Sde sde;
    private final ConditionalScore model;
    private final int maxRows;
    private final Map<Integer, ThreadPool> pools = new HashMap<>();
    private boolean closed;
    private java.util.concurrent.Executor executor;
    private volatile ProgressListener progress = ProgressListener.none();

    /**
     * An engine over a score model; worker threads start on first use.
     *
     * @param sde     the SDE the model's scores belong to
     * @param model   binds each block's conditions and masks to a score
     * @param maxRows rows per model call, &gt;= 1 (bounds memory; results do not depend on it)
     */
    public TaskSampler(Sde sde, ConditionalScore model, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be >= 1");
        this.sde = sde;
        this.model = model;
        this.maxRows = maxRows;
    }

    /** {@return the SDE the samplers integrate} */
    public Sde sde() { return sde; }

    /** {@return the score model this engine samples} */
    ConditionalScore model() { return model; }

    /**
     * Receives (network evaluations done, total) during every later call; null for none.
     *
     * @param listener called from the sampling thread, or null for none
     */
    public void progress(ProgressListener listener) { progress = listener == null ? ProgressListener.none() : listener; }

    private synchronized ThreadPool pool(int threads) {
        if (closed) throw new IllegalStateException("this prior is closed");
        return pools.computeIfAbsent(threads, n -> executor == null ? new ThreadPool(n) : new ThreadPool(n, executor));
    }

    /**
     * Runs later calls' worker chunks on {@code executor} (null: threads of this engine's own); pools made for an
     * earlier executor are closed. The executor is never shut down here.
     *
     * @param executor the workers to borrow, or null
     */
    public synchronized void executor(java.util.concurrent.Executor executor) {
        if (closed) throw new IllegalStateException("this prior is closed");
        pools.values().forEach(ThreadPool::close);
        pools.clear();
        this.executor = executor;
    }

    /** Stops the worker threads; later calls fail. */
    @Override public synchronized void close() {
        closed = true;
        pools.values().forEach(ThreadPool::close);
        pools.clear();
    }

    /**
     * {@link #run(List, SampleOptions, TimeGrid, long)} for poses numbered from 0.
     *
     * @param jobs one per pose
     * @param opt  hypotheses, sampler, seed, snr, corrector steps and threads
     * @param grid the times to step through, from the start time down to the end time
     * @return {@code [pose][hypothesis][51]} network-space poses
     */
    public float[][][] run(List<Job> jobs, SampleOptions opt, TimeGrid grid) { return run(jobs, opt, grid, 0); }

    /**
     * Samples every job × {@code opt.hypotheses()}; returns network-space poses {@code [pose][hypothesis][51]}.
     *
     * @param jobs      one per pose
     * @param opt       hypotheses, sampler, seed, snr, corrector steps and threads
     * @param grid      the times to step through, from the start time down to the end time
     * @param firstPose global index of {@code jobs.get(0)} among all the poses the caller samples under this seed
     * @return {@code [pose][hypothesis][51]} network-space poses
     * @throws gfpose.GfposeException when the result alone would take more than half of the heap
     * @throws CancellationException when the calling thread is interrupted
     */
    public float[][][] run(List<Job> jobs, SampleOptions opt, TimeGrid grid, long firstPose) {
        if (firstPose < 0) throw new IllegalArgumentException("firstPose must be >= 0, got " + firstPose);
        int hyp = opt.hypotheses();
        long total = (long) jobs.size() * hyp;
        checkFits(total, jobs.size(), hyp);
        float[][][] res = new float[jobs.size()][hyp][];
        Sampler sampler = Sampler.of(opt.sampler(), sde, opt.snr(), opt.correctorSteps());
        ThreadPool pool = pool(opt.threads());
        long blocks = (total + maxRows - 1) / maxRows;
        Counter calls = new Counter(progress, blocks * opt.nfe());
        // blocks of at most maxRows (pose, hypothesis) rows in row order: a pose's hypotheses may span blocks,
        // which changes nothing, since every row has its own stream
        for (long k0 = 0; k0 < total; k0 += maxRows) {
            runBlock(jobs, k0, (int) Math.min(maxRows, total - k0), hyp, opt.seed(), firstPose, sampler, grid, pool, res, calls);
        }
        return res;
    }

    /** Refuses, in one line, a request whose result alone would not fit in this JVM's heap (instead of dying on it). */
    static void checkFits(long rows, int poses, int hyp) {
        long bytes = rows * (D * 4L + 32), max = Runtime.getRuntime().maxMemory();
        if (bytes > max / 2) {
            throw new gfpose.GfposeException(poses + " poses x " + hyp + " hypotheses = " + rows + " results need about "
                    + (bytes >> 20) + " MB, more than half of this JVM's memory (" + (max >> 20) + " MB; raise -Xmx or ask for fewer)");
        }
    }

    private void runBlock(List<Job> jobs, long k0, int rows, int hyp, long seed, long firstPose, Sampler sampler,
                          TimeGrid grid, ThreadPool pool, float[][][] res, Counter calls) {
        float[] x = new float[rows * D], cond = new float[rows * D], mask = new float[rows * D], imp = new float[rows * D];
        Rng[] rngs = new Rng[rows];
        boolean anyImpute = false;
        for (int r = 0; r < rows; r++) {
            long k = k0 + r;
            int p = (int) (k / hyp), off = r * D;
            Job job = jobs.get(p);
            rngs[r] = Rng.stream(seed, (firstPose + p) * hyp + k % hyp);
            System.arraycopy(job.cond(), 0, cond, off, D);
            System.arraycopy(job.mask(), 0, mask, off, D);
            if (job.start() != null) {
                int h = (int) (k % hyp);
                if (job.start().length != D && job.start().length != hyp * D) {
                    throw new IllegalArgumentException("a start needs " + D + " or " + hyp * D + " values, got " + job.start().length);
                }
                System.arraycopy(job.start(), job.start().length == D ? 0 : h * D, x, off, D);
                if (job.startNoise()) {
                    float[] z = new float[D];
                    rngs[r].fillGaussian(z, 0, D);
                    double sd = sde.std(grid.t(0));
                    for (int i = 0; i < D; i++) x[off + i] += (float) (sd * z[i]);
                }
            } else sde.samplePrior(rngs[r], x, off, D);
            if (job.impute() != null) {
                anyImpute = true;
                System.arraycopy(job.impute(), 0, imp, off, D);
                // GFPose: x = x·(1 − mask) + c·mask before the first step
                for (int i = off; i < off + D; i++) if (imp[i] != 0) x[i] = cond[i];
            }
        }
        ScoreFunction bound = model.bind(cond, mask, rows, pool);
        ScoreFunction score = (xs, n, t, out) -> {
            if (Thread.currentThread().isInterrupted()) throw new CancellationException("sampling was interrupted");
            bound.score(xs, n, t, out);
            calls.add();
        };
        sampler.sample(score, grid, x, rows, D, rngs, anyImpute ? Imputation.observed(sde, cond, imp) : null, pool);
        for (int r = 0; r < rows; r++) {
            long k = k0 + r;
            float[] out = new float[D];
            System.arraycopy(x, r * D, out, 0, D);
            res[(int) (k / hyp)][(int) (k % hyp)] = out;
        }
    }

    /** Network evaluations done in one call, reported to the listener. */
    private static final class Counter {
        private final ProgressListener listener;
        private final long total;
        private long done;

        Counter(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void add() { listener.update(++done, total); }
    }
}
