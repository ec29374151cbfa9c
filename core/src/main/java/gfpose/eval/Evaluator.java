package gfpose.eval;

import gfpose.ProgressListener;
import gfpose.GfposeException;
import gfpose.data.H36mDataset;
import gfpose.data.Sample;
import gfpose.data.Split;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link PoseModel} over Human3.6M test items: builds each task's conditions, back-projects the
 * image-frame hypotheses to camera mm with the ground-truth root depth, ratio and intrinsics (GFPose's
 * protocol), and aggregates the metrics into an {@link EvalResult}.
 */
public final class Evaluator {
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;
    private final EvalConfig cfg;

    public Evaluator(EvalConfig cfg) { this.cfg = cfg; }

    /** Evaluates the configured split (stride and limit from the config), streaming one sequence at a time. */
    public EvalResult run(H36mDataset data, PoseModel predictor, ProgressListener progress) {
        long total = (data.items(cfg.split()) + cfg.stride() - 1) / cfg.stride();
        if (cfg.limit() > 0) total = Math.min(total, cfg.limit());
        EvalResult.Builder acc = new EvalResult.Builder(cfg);
        List<Sample> batch = new ArrayList<>(cfg.batchSize());
        long[] done = {0};
        final long tot = total;
        data.forEachSample(cfg.split(), cfg.stride(), cfg.limit(), s -> {
            batch.add(s);
            if (batch.size() == cfg.batchSize()) { done[0] = runBatch(batch, done[0], predictor, acc); batch.clear(); progress.update(done[0], tot); }
        });
        if (!batch.isEmpty()) { done[0] = runBatch(batch, done[0], predictor, acc); progress.update(done[0], tot); }
        return acc.build();
    }

    /** Evaluates an explicit list of items (the config's stride and limit are not applied again). */
    public EvalResult run(List<Sample> samples, PoseModel predictor, ProgressListener progress) {
        EvalResult.Builder acc = new EvalResult.Builder(cfg);
        long done = 0;
        for (int i = 0; i < samples.size(); i += cfg.batchSize()) {
            done = runBatch(samples.subList(i, Math.min(samples.size(), i + cfg.batchSize())), done, predictor, acc);
            progress.update(done, samples.size());
        }
        return acc.build();
    }

    /** One batch; {@code first} is the global index of its first item (seeds its streams). */
    private long runBatch(List<Sample> batch, long first, PoseModel predictor, EvalResult.Builder acc) {
        int n = batch.size();
        float[] cond = new float[n * D];
        boolean[] obs = new boolean[n * J];
        for (int i = 0; i < n; i++) condition(batch.get(i), first + i, cond, i * D, obs, i * J);
        float[][][] out = predictor.predict(first, cond.clone(), obs.clone());
        if (out == null || out.length != n) {
            throw new GfposeException("predictor returned " + (out == null ? "null" : out.length + " poses") + " for a batch of " + n);
        }
        for (int i = 0; i < n; i++) {
            if (out[i] == null || out[i].length == 0) throw new GfposeException("predictor returned no hypotheses for pose " + (first + i));
            for (float[] h : out[i]) {
                if (h == null || h.length != D) throw new GfposeException("predictor returned a hypothesis that is not 51 values for pose " + (first + i));
            }
            acc.add(batch.get(i), out[i], cfg.task() == EvalTask.DENOISE ? java.util.Arrays.copyOfRange(cond, i * D, (i + 1) * D) : null,
                    cfg.task() == EvalTask.GENERATE ? null : java.util.Arrays.copyOfRange(obs, i * J, (i + 1) * J));
        }
        return first + n;
    }

    /** Fills one pose's condition and observed flags for the configured task. */
    void condition(Sample s, long index, float[] cond, int off, boolean[] obs, int obsOff) {
        // ~seed: the sampler numbers its streams (pose · H + h) under the seed itself; these must not coincide
        Rng rng = Rng.stream(~cfg.seed(), index);
        switch (cfg.task()) {
            case ESTIMATE, COMPLETE2D -> {
                float[] uv = s.input2d(cfg.input());
                boolean[] seen = s.observed(cfg.input());
                boolean[] miss = cfg.task() == EvalTask.COMPLETE2D ? cfg.missing().draw(rng) : new boolean[J];
                for (int j = 0; j < J; j++) {
                    obs[obsOff + j] = seen[j] && !miss[j];
                    if (obs[obsOff + j]) { cond[off + 3 * j] = uv[2 * j]; cond[off + 3 * j + 1] = uv[2 * j + 1]; }
                }
            }
            case COMPLETE3D -> {
                boolean[] miss = cfg.missing().draw(rng);
                for (int j = 0; j < J; j++) {
                    obs[obsOff + j] = !miss[j];
                    if (!miss[j]) System.arraycopy(s.pose3d(), 3 * j, cond, off + 3 * j, 3);
                }
            }
            case DENOISE -> {
                for (int i = 0; i < D; i++) cond[off + i] = (float) (s.pose3d()[i] + cfg.noisePx() * rng.nextGaussian());
                for (int j = 0; j < J; j++) obs[obsOff + j] = true;
            }
            case GENERATE -> { } // zero condition, nothing observed
        }
    }
}
