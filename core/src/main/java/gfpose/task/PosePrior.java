package gfpose.task;

import gfpose.GfposeException;
import gfpose.nn.ScoreNet;
import gfpose.sampling.TimeGrid;
import gfpose.sde.NetworkScore;
import gfpose.sde.Sde;
import gfpose.sde.SubVpSde;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point for the five tasks: one score network plus an SDE sampler, with only the condition and its
 * mask changing (spec §3.3). Coordinates in and out are GFPose's image frame: u, v in pixels of an image of the
 * given size, and root-relative depth in the same pixel units (see {@link PoseSpace}). A pose is 17 joints x 3
 * (or x 2 for 2-D input), joint-major. Results: {@code [pose][hypothesis][51]}.
 * <p>
 * Time grids: the PC samplers use {@link TimeGrid#linspace} from {@code opt.tStart()} to {@code opt.tEnd()} (GFPose's
 * grid and dt = −1/N for the defaults), the few-step solvers {@link TimeGrid#solver} in {@code opt.spacing()}. GFPose denoises with dt = −1/steps however short the span
 * ({@link TimeGrid#gfpose}); that integrates a whole time unit and moves the pose, so it is only an option.
 * <p>
 * Randomness: row (pose p, hypothesis h) draws only from {@code Rng.stream(opt.seed(), (firstPose + p)·H + h)}.
 * A caller that samples many poses in several calls passes the global index of each call's first pose
 * ({@code firstPose}), so the result of every pose is the same however the poses are split into calls; the
 * overloads without it number the poses from 0.
 */
public final class PosePrior implements AutoCloseable {
    /** Rows per network call (poses are chunked; results do not depend on it). */
    public static final int MAX_ROWS = 4096;
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;

    private final ScoreNet net;
    private final TaskSampler engine;
    private volatile DepthPrior startDepth;

    /**
     * Wraps a loaded network with GFPose's sub-VP SDE.
     *
     * @param net a loaded network, e.g. from {@link ScoreNet#load(Path)}
     */
    public PosePrior(ScoreNet net) { this(net, SubVpSde.GFPOSE); }

    /**
     * Wraps a loaded network with the SDE it was trained with.
     *
     * @param net a loaded network
     * @param sde the SDE whose scores it learned
     */
    public PosePrior(ScoreNet net, Sde sde) {
        this.net = net;
        this.engine = new TaskSampler(sde, (c, m, rows, pool) -> new NetworkScore(net, sde, c, m, pool), MAX_ROWS);
    }

    private PosePrior(ScoreNet net, TaskSampler engine) {
        this.net = net;
        this.engine = engine;
    }

    /**
     * This prior with its score averaged with its mirror image, {@code ½ (s(x | c) + M s(M x | M c))} (M mirrors a pose
     * left/right: x negated, each joint swapped with its mirror image, as the trainer's flips do). The network learned
     * that symmetry only approximately; this score has it exactly (a mirrored input's distribution is the mirror image
     * of the input's), at twice the network evaluations. On the validation tail it lowered the one-hypothesis MPJPE
     * by 0.6-0.7 mm (docs/training-log.md). Shares this prior's network; starts with default settings (set the
     * executor, progress listener or start depth on it anew) and its own worker threads, so close it as well.
     *
     * @return a new prior on the same network (or score model)
     */
    public PosePrior mirrorAveraged() {
        return new PosePrior(net, new TaskSampler(engine.sde(), new MirrorAveraged(engine.model()), MAX_ROWS));
    }

    /**
     * A prior driven by any conditional score model (analytic scores in tests, other networks).
     *
     * @param sde   the SDE whose scores the model gives
     * @param model binds a batch's conditions and masks to a score function
     * @return a prior without a {@link #network()}
     */
    public static PosePrior of(Sde sde, TaskSampler.ConditionalScore model) {
        return new PosePrior(null, new TaskSampler(sde, model, MAX_ROWS));
    }

    /**
     * Loads a safetensors weights file.
     *
     * @param weights the file
     * @return a prior on the file's network with GFPose's sub-VP SDE
     * @throws GfposeException naming the file when it cannot be read or is not a GFPose model
     */
    public static PosePrior load(Path weights) { return new PosePrior(ScoreNet.load(weights)); }

    /**
     * Loads safetensors weights from a stream (e.g. a classpath resource), read to its end; {@code name} names it in
     * errors.
     *
     * @param weights the stream; read to its end, not closed
     * @param name    names the source in error messages, e.g. the resource's URL
     * @return a prior on the network with GFPose's sub-VP SDE
     * @throws GfposeException naming the source when it cannot be read or is not a GFPose model
     */
    public static PosePrior load(java.io.InputStream weights, String name) { return new PosePrior(ScoreNet.load(weights, name)); }

    /**
     * Loads safetensors weights held in memory (position to limit); {@code name} names them in errors.
     *
     * @param weights the bytes from its position to its limit
     * @param name    names the source in error messages
     * @return a prior on the network with GFPose's sub-VP SDE
     * @throws GfposeException naming the source when the bytes are not a GFPose model
     */
    public static PosePrior load(java.nio.ByteBuffer weights, String name) { return new PosePrior(ScoreNet.load(weights, name)); }

    /** Where the shipped model is, inside an installation or a checkout. */
    public static final String DEFAULT_WEIGHTS = "weights/gfpose.safetensors";

    /**
     * The shipped model's file: the system property {@code gfpose.weights} if set, else {@value #DEFAULT_WEIGHTS} under
     * the system property {@code gfpose.home} (the CLI launcher sets it to the install directory), else under the
     * working directory. The file need not exist.
     *
     * @return the path, possibly relative (to the working directory)
     */
    public static Path defaultWeights() {
        String w = System.getProperty("gfpose.weights");
        if (w != null && !w.isBlank()) return Path.of(w);
        String home = System.getProperty("gfpose.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).resolve(DEFAULT_WEIGHTS);
    }

    /** Where the {@code gfpose-weights} artifact keeps the shipped model on the class or module path. */
    public static final String WEIGHTS_RESOURCE = "META-INF/gfpose/gfpose.safetensors";

    /**
     * Loads the shipped model: the file named by {@code -Dgfpose.weights} or under {@code -Dgfpose.home} when either
     * is set, else the {@code gfpose-weights} artifact on the class or module path ({@value #WEIGHTS_RESOURCE}), else
     * {@value #DEFAULT_WEIGHTS} under the working directory (a checkout).
     *
     * @return a prior on the shipped network with GFPose's sub-VP SDE
     * @throws GfposeException saying where it looked when none of these holds a model
     */
    public static PosePrior load() {
        Path p = defaultWeights();
        boolean noProperty = System.getProperty("gfpose.weights", "").isBlank() && System.getProperty("gfpose.home", "").isBlank();
        if (noProperty) {
            ClassLoader loader = PosePrior.class.getClassLoader();
            java.net.URL url = loader != null ? loader.getResource(WEIGHTS_RESOURCE) : ClassLoader.getSystemResource(WEIGHTS_RESOURCE);
            if (url != null) {
                try (java.io.InputStream in = url.openStream()) {
                    return load(in, url.toString());
                } catch (java.io.IOException e) {
                    throw new GfposeException(url + ": cannot read (" + e.getMessage() + ")", e);
                }
            }
        }
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new GfposeException("no model at " + p.toAbsolutePath() + (noProperty ? " nor on the class path" : "")
                    + " (add io.gfpose:gfpose-weights, set -Dgfpose.weights=FILE or -Dgfpose.home=DIR, or pass a path)");
        }
        return load(p);
    }

    /**
     * {@return the score network}
     *
     * @throws IllegalStateException for a prior made by {@link #of} from another score model
     */
    public ScoreNet network() {
        if (net == null) throw new IllegalStateException("this prior has no network");
        return net;
    }

    /** {@return the SDE the samplers integrate} */
    public Sde sde() { return engine.sde(); }

    /**
     * {@return the arithmetic this JVM runs: {@code "vector-512"} (-256, -128) for the Vector API kernels at that
     * width, or {@code "scalar"} when {@code jdk.incubator.vector} is not enabled (12-25x slower; a warning is logged
     * once)}
     */
    public static String backend() { return gfpose.kernel.Gemm.backend(); }

    /**
     * 2-D -> 3-D estimation (GFPose {@code est}). {@code uv[p]} has 34 values (u, v per joint) in pixels.
     * Mask 1 with the depth column 0; x_T from the prior.
     *
     * @param uv       [pose][34]: 17 joints x (u, v) in pixels of {@code size}, joint-major; missing joints' values
     *                 are ignored (may be NaN)
     * @param observed null, or per pose 17 flags; a joint with false is masked out of the condition
     *                 (and, if any joint is missing and {@link SampleOptions#impute2d()}, observed u, v are imputed as
     *                 in {@code comp2d})
     * @param size     the image the pixels refer to
     * @param opt      sampling options: {@code opt.hypotheses()} hypotheses per pose; with {@code opt.tStart()} &lt; 1
     *                 the poses start from {@link #flatGuess}
     * @return {@code [pose][hypothesis][51]}: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     * @throws GfposeException naming the pose when an input has the wrong size or an observed value is not finite
     */
    public float[][][] estimate(float[][] uv, boolean[][] observed, ImageSize size, SampleOptions opt) {
        return estimate(uv, observed, size, opt, 0);
    }

    /**
     * {@link #estimate(float[][], boolean[][], ImageSize, SampleOptions)} for poses numbered from {@code firstPose}.
     *
     * @param uv        [pose][34]: 17 joints x (u, v) in pixels of {@code size}, joint-major
     * @param observed  null (all observed), or per pose 17 flags
     * @param size      the image the pixels refer to
     * @param opt       sampling options: {@code opt.hypotheses()} hypotheses per pose
     * @param firstPose global index of {@code uv[0]} among all poses sampled under {@code opt.seed()}, &gt;= 0
     * @return {@code [pose][hypothesis][51]}: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     */
    public float[][][] estimate(float[][] uv, boolean[][] observed, ImageSize size, SampleOptions opt, long firstPose) {
        return estimate(uv, observed, size, opt, firstPose, null);
    }

    /**
     * Estimation warm-started from a 3-D guess per pose (the truncated reverse process of SDEdit and DiffPose, e.g. the
     * previous frame's result in a track): instead of the prior at t = 1, hypothesis h starts at t0 = {@code opt.tStart()}
     * from x = m(t0)·guess + std(t0)·z, z from its own stream. The smaller t0, the closer the result stays to the guess
     * and the fewer steps it needs.
     *
     * @param uv        [pose][34]: 17 joints x (u, v) in pixels of {@code size}, joint-major
     * @param observed  null (all observed), or per pose 17 flags
     * @param size      the image the pixels (of {@code uv} and {@code guess}) refer to
     * @param opt       sampling options; {@code opt.tStart()} is t0
     * @param firstPose global index of {@code uv[0]} among all poses sampled under {@code opt.seed()}, &gt;= 0
     * @param guess     null (start from the prior; or, when {@code opt.tStart() < 1}, from {@link #flatGuess}:
     *                  DiffPose's informed start), or per pose {@code [1 or H][51]} image-frame poses (one shared by
     *                  all hypotheses, or one per hypothesis)
     * @return {@code [pose][hypothesis][51]}: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     * @throws GfposeException naming the pose when an input or a guess has the wrong size or is not finite
     */
    public float[][][] estimate(float[][] uv, boolean[][] observed, ImageSize size, SampleOptions opt, long firstPose,
                                float[][][] guess) {
        PoseSpace space = new PoseSpace(size);
        checkCount(uv, observed);
        if (guess != null && guess.length != uv.length) throw new GfposeException("warm start: " + guess.length + " guesses for " + uv.length + " poses");
        if (guess == null && opt.tStart() < 1) {
            DepthPrior d = startDepth;
            guess = d == null ? flatGuess(uv, observed) : d.guess(uv, observed, size, opt.hypotheses(), opt.seed(), firstPose);
        }
        checkCount(uv, observed);
        List<TaskSampler.Job> jobs = new ArrayList<>();
        for (int p = 0; p < uv.length; p++) {
            boolean[] obs = flags(observed, p);
            float[] in = uv[p];
            if (in == null || in.length != 2 * J) throw new GfposeException("pose " + p + ": expected " + 2 * J + " values (u, v per joint), got " + (in == null ? 0 : in.length));
            for (int j = 0; j < J; j++) if (obs[j]) requireFinite(in, 2 * j, 2, p, j);
            float[] c = new float[D], mask = new float[D];
            space.uvToNetwork(in, 0, c, 0);
            boolean missing = false;
            for (int j = 0; j < J; j++) {
                if (obs[j]) { mask[3 * j] = 1; mask[3 * j + 1] = 1; }  // depth column stays 0
                else { missing = true; c[3 * j] = 0; c[3 * j + 1] = 0; }
            }
            float[] start = guess == null ? null : warmStart(space, guess[p], p, opt);
            jobs.add(new TaskSampler.Job(c, mask, missing && opt.impute2d() ? mask : null, start, start != null));  // comp2d: impute observed u, v
        }
        return toImage(space, engine.run(jobs, opt, fromPrior(opt), firstPose));
    }

    /**
     * DiffPose's informed start, with the depth taken as 0: per pose the 2-D input itself, (u, v, 0) per joint, and for a
     * missing joint the mean u, v of the observed ones. Started at t0 = 0.8 it saves a third of the steps (validation
     * tail, GT 2-D: 8 steps within 0.7 mm of 1000, against 10 from the prior).
     *
     * @param uv       [pose][34]: 17 joints x (u, v) in pixels, joint-major
     * @param observed null (all observed), or per pose 17 flags
     * @return {@code [pose][1][51]}: one guess per pose, (u, v, 0) per joint in pixels
     * @throws GfposeException naming a pose without an observed joint
     */
    public static float[][][] flatGuess(float[][] uv, boolean[][] observed) {
        float[][][] g = new float[uv.length][1][D];
        for (int p = 0; p < uv.length; p++) {
            boolean[] obs = flags(observed, p);
            double mu = 0, mv = 0;
            int k = 0;
            for (int j = 0; j < J; j++) if (obs[j]) { mu += uv[p][2 * j]; mv += uv[p][2 * j + 1]; k++; }
            if (k == 0) throw new GfposeException("pose " + p + ": no observed joint");
            for (int j = 0; j < J; j++) {
                g[p][0][3 * j] = obs[j] ? uv[p][2 * j] : (float) (mu / k);
                g[p][0][3 * j + 1] = obs[j] ? uv[p][2 * j + 1] : (float) (mv / k);
            }
        }
        return g;
    }

    /** m(t0)·guess in network space, one block of 51 per given guess (1 or H). */
    private float[] warmStart(PoseSpace space, float[][] g, int p, SampleOptions opt) {
        if (g == null || (g.length != 1 && g.length != opt.hypotheses())) {
            throw new GfposeException("warm start: pose " + p + " needs 1 or " + opt.hypotheses() + " guesses, got " + (g == null ? 0 : g.length));
        }
        float m = (float) engine.sde().meanCoeff(opt.tStart());
        float[] start = new float[g.length * D];
        boolean[] all = flags(null, 0);
        for (int h = 0; h < g.length; h++) {
            float[] n = space.toNetwork(pose3d(g[h], p, all));
            for (int i = 0; i < D; i++) start[h * D + i] = m * n[i];
        }
        return start;
    }

    /**
     * 3-D completion (GFPose {@code comp3d}): {@code xyz[p]} 51 values in the image frame; missing joints are
     * false (their values are ignored and may be NaN). Observed x, y, z are conditioned on, initialised with c and
     * re-imputed with m(t)c + std(t)ε after every step; on return they equal m(t_end)·c (GFPose's x_mean).
     *
     * @param xyz      [pose][51]: 17 joints x (u, v, root-relative depth) in pixels of {@code size}, joint-major
     * @param observed null (all observed: nothing to complete), or per pose 17 flags
     * @param size     the image the pixels refer to
     * @param opt      sampling options: {@code opt.hypotheses()} hypotheses per pose
     * @return {@code [pose][hypothesis][51]}: the completed poses, in pixels of {@code size}
     * @throws GfposeException naming the pose when an input has the wrong size or an observed value is not finite
     */
    public float[][][] complete3d(float[][] xyz, boolean[][] observed, ImageSize size, SampleOptions opt) {
        return complete3d(xyz, observed, size, opt, 0);
    }

    /**
     * {@link #complete3d(float[][], boolean[][], ImageSize, SampleOptions)} for poses numbered from {@code firstPose}.
     *
     * @param xyz       [pose][51]: 17 joints x (u, v, root-relative depth) in pixels of {@code size}, joint-major
     * @param observed  null (all observed), or per pose 17 flags
     * @param size      the image the pixels refer to
     * @param opt       sampling options: {@code opt.hypotheses()} hypotheses per pose
     * @param firstPose global index of {@code xyz[0]} among all poses sampled under {@code opt.seed()}, &gt;= 0
     * @return {@code [pose][hypothesis][51]}: the completed poses, in pixels of {@code size}
     */
    public float[][][] complete3d(float[][] xyz, boolean[][] observed, ImageSize size, SampleOptions opt, long firstPose) {
        PoseSpace space = new PoseSpace(size);
        checkCount(xyz, observed);
        List<TaskSampler.Job> jobs = new ArrayList<>();
        for (int p = 0; p < xyz.length; p++) {
            boolean[] obs = flags(observed, p);
            float[] in = pose3d(xyz[p], p, obs);
            float[] c = space.toNetwork(in), mask = new float[D];
            for (int j = 0; j < J; j++) {
                for (int k = 0; k < 3; k++) {
                    if (obs[j]) mask[3 * j + k] = 1;
                    else c[3 * j + k] = 0;
                }
            }
            jobs.add(new TaskSampler.Job(c, mask, mask, null));
        }
        return toImage(space, engine.run(jobs, opt, fromPrior(opt), firstPose));
    }

    /**
     * Denoising (GFPose {@code den}): start from the noisy pose itself (not a prior sample) at {@code opt.tStart()}
     * ({@link SampleOptions#denoiseDefaults()}: 0.05), c = 0, mask 0. By default the pose is scaled into the t0
     * marginal (x = m(t0)·y) and integrated on {@link TimeGrid#linspace} (dt = the grid's spacing); with
     * {@link SampleOptions#gfposeDenoiseDt()} exactly as GFPose: x = y and dt = −1/steps. A pose with pixel noise of
     * sigma σ (network units) matches the marginal at the t0 where std(t0) = m(t0)·σ ({@link #denoiseStart}).
     *
     * @param xyz  [pose][51] noisy poses: 17 joints x (u, v, root-relative depth) in pixels of {@code size}, finite
     * @param size the image the pixels refer to
     * @param opt  sampling options; {@code opt.tStart()} is t0
     * @return {@code [pose][hypothesis][51]}: the denoised poses, in pixels of {@code size}
     * @throws GfposeException naming the pose when an input has the wrong size or a value is not finite
     */
    public float[][][] denoise(float[][] xyz, ImageSize size, SampleOptions opt) {
        return denoise(xyz, size, opt, 0);
    }

    /**
     * {@link #denoise(float[][], ImageSize, SampleOptions)} for poses numbered from {@code firstPose}.
     *
     * @param xyz       [pose][51] noisy poses: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     * @param size      the image the pixels refer to
     * @param opt       sampling options; {@code opt.tStart()} is t0
     * @param firstPose global index of {@code xyz[0]} among all poses sampled under {@code opt.seed()}, &gt;= 0
     * @return {@code [pose][hypothesis][51]}: the denoised poses, in pixels of {@code size}
     */
    public float[][][] denoise(float[][] xyz, ImageSize size, SampleOptions opt, long firstPose) {
        PoseSpace space = new PoseSpace(size);
        checkCount(xyz, null);
        float[] zero = new float[D];
        boolean[] all = flags(null, 0);
        List<TaskSampler.Job> jobs = new ArrayList<>();
        // GFPose starts from the noisy pose itself; the default starts from it scaled into the t0 marginal,
        // x_t0 = m(t0)·y, as the forward process x_t = m(t)·x0 + std(t)·z would have it (without the scale the
        // reverse drift expands the pose about the image centre by 1/m(t0): 1.5 % at t0 = 0.05, 23 % at 0.2)
        float m = opt.gfposeDenoiseDt() ? 1f : (float) engine.sde().meanCoeff(opt.tStart());
        for (int p = 0; p < xyz.length; p++) {
            float[] start = space.toNetwork(pose3d(xyz[p], p, all));
            for (int i = 0; i < D; i++) start[i] *= m;
            jobs.add(new TaskSampler.Job(zero, zero, null, start));
        }
        return toImage(space, engine.run(jobs, opt, opt.gfposeDenoiseDt()
                ? TimeGrid.gfpose(opt.tStart(), opt.tEnd(), opt.steps()) : fromPrior(opt), firstPose));
    }

    /**
     * Unconditional generation of {@code count} poses x {@code opt.hypotheses()} (c = 0, mask 0).
     *
     * @param count number of poses, &gt;= 0
     * @param size  the image the results' pixels refer to
     * @param opt   sampling options
     * @return {@code [count][hypothesis][51]}: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     */
    public float[][][] generate(int count, ImageSize size, SampleOptions opt) {
        return generate(count, size, opt, 0);
    }

    /**
     * {@link #generate(int, ImageSize, SampleOptions)} for poses numbered from {@code firstPose}.
     *
     * @param count     number of poses, &gt;= 0
     * @param size      the image the results' pixels refer to
     * @param opt       sampling options
     * @param firstPose global index of the first pose among all poses sampled under {@code opt.seed()}, &gt;= 0
     * @return {@code [count][hypothesis][51]}: 17 joints x (u, v, root-relative depth) in pixels of {@code size}
     */
    public float[][][] generate(int count, ImageSize size, SampleOptions opt, long firstPose) {
        if (count < 0) throw new GfposeException("pose count must be >= 0, got " + count);
        TaskSampler.checkFits((long) count * opt.hypotheses(), count, opt.hypotheses()); // before the job list
        float[] zero = new float[D];
        List<TaskSampler.Job> jobs = new ArrayList<>();
        for (int p = 0; p < count; p++) jobs.add(new TaskSampler.Job(zero, zero, null, null));
        PoseSpace space = new PoseSpace(size);
        return toImage(space, engine.run(jobs, opt, fromPrior(opt), firstPose));
    }

    /**
     * The start time at which the sub-VP (or any) marginal has the noise of a pose with Gaussian pixel noise of
     * {@code sigmaPx} (image pixels of {@code size}): std(t0) = m(t0)·σ, found by bisection on [1e-4, 1].
     *
     * @param sigmaPx standard deviation of the noise on each coordinate, pixels, &gt; 0
     * @param size    the image those pixels belong to
     * @return t0, for {@link SampleOptions#withTStart}; 1 when the noise is at least that of the marginal at t = 1
     * @throws GfposeException when {@code sigmaPx} is not a positive finite number
     */
    public double denoiseStart(double sigmaPx, ImageSize size) { return denoiseStart(engine.sde(), sigmaPx, size); }

    /**
     * {@link #denoiseStart(double, ImageSize)} for a given SDE (before a model is loaded).
     *
     * @param sde     the SDE whose marginals to match
     * @param sigmaPx standard deviation of the noise on each coordinate, pixels, &gt; 0
     * @param size    the image those pixels belong to
     * @return t0, for {@link SampleOptions#withTStart}; 1 when the noise is at least that of the marginal at t = 1
     * @throws GfposeException when {@code sigmaPx} is not a positive finite number
     */
    public static double denoiseStart(Sde sde, double sigmaPx, ImageSize size) {
        if (!(sigmaPx > 0) || Double.isInfinite(sigmaPx)) throw new GfposeException("noise sigma must be a positive number of pixels, got " + sigmaPx);
        double sigma = sigmaPx / new PoseSpace(size).pixelsPerUnit();
        double lo = 1e-4, hi = 1.0;
        if (sde.std(hi) <= sde.meanCoeff(hi) * sigma) return hi;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (sde.std(mid) < sde.meanCoeff(mid) * sigma) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Every task's grid (denoising too unless GFPose's dt is asked for): the PC samplers' linspace(t_start, t_end, steps)
     * with dt its spacing, or a few-step solver's knots in {@code opt.spacing()}.
     */
    private TimeGrid fromPrior(SampleOptions opt) {
        return opt.sampler().solver() ? TimeGrid.solver(engine.sde(), opt.spacing(), opt.tStart(), opt.tEnd(), opt.steps())
                : TimeGrid.linspace(opt.tStart(), opt.tEnd(), opt.steps());
    }

    private static float[][][] toImage(PoseSpace space, float[][][] net) {
        for (float[][] pose : net) for (int h = 0; h < pose.length; h++) pose[h] = space.toImage(pose[h]);
        return net;
    }

    private static void checkCount(float[][] poses, boolean[][] observed) {
        if (poses == null) throw new GfposeException("no poses given");
        if (observed != null && observed.length != poses.length) {
            throw new GfposeException("observed flags for " + observed.length + " poses, but " + poses.length + " poses");
        }
    }

    private static boolean[] flags(boolean[][] observed, int p) {
        if (observed == null) {
            boolean[] all = new boolean[J];
            java.util.Arrays.fill(all, true);
            return all;
        }
        if (observed[p] == null || observed[p].length != J) throw new GfposeException("pose " + p + ": expected " + J + " observed flags");
        return observed[p];
    }

    private static float[] pose3d(float[] in, int p, boolean[] obs) {
        if (in == null || in.length != D) throw new GfposeException("pose " + p + ": expected " + D + " values (u, v, z per joint), got " + (in == null ? 0 : in.length));
        float[] copy = in.clone();
        for (int j = 0; j < J; j++) {
            if (obs[j]) requireFinite(in, 3 * j, 3, p, j);
            else { copy[3 * j] = 0; copy[3 * j + 1] = 0; copy[3 * j + 2] = 0; }
        }
        return copy;
    }

    private static void requireFinite(float[] a, int off, int n, int p, int j) {
        for (int i = off; i < off + n; i++) {
            if (!Float.isFinite(a[i])) throw new GfposeException("pose " + p + ", joint " + j + " (" + Skeleton.name(j) + "): coordinate is not finite: " + a[i]);
        }
    }

    /**
     * Receives (network evaluations done, total) during every later sampling call of this prior (from the calling
     * thread); null for none. To stop a call, interrupt its thread: it ends at its next network evaluation with a
     * {@link java.util.concurrent.CancellationException}.
     *
     * @param listener receives (network evaluations done, total), or null for none
     */
    public void setProgressListener(gfpose.ProgressListener listener) { engine.progress(listener); }

    /**
     * Runs the worker part of later calls on {@code executor} (a server's shared pool, say) instead of threads this
     * prior starts; {@link SampleOptions#threads()} still sets how many chunks a call splits into, and the calling
     * thread always works on one, so a call completes even when the executor is saturated. Results are unchanged (the
     * same bits as with the prior's own threads). Set it before concurrent calls start; the prior never shuts the
     * executor down.
     *
     * @param executor the workers to borrow, or null for threads of the prior's own
     */
    public void setExecutor(java.util.concurrent.Executor executor) { engine.executor(executor); }

    /**
     * Gives informed starts of 2-D estimation ({@code opt.tStart() < 1} without an explicit guess) their depths from a
     * fitted per-joint mixture (DiffPose's start distribution) instead of 0: the mixture's mean for one hypothesis, one
     * draw per hypothesis for more.
     *
     * @param depth the mixture, or null for depth 0 (the default)
     */
    public void setStartDepth(DepthPrior depth) { this.startDepth = depth; }

    /** Stops this prior's worker threads (kept between calls and shared by concurrent ones); later calls fail. */
    @Override public void close() { engine.close(); }
}
