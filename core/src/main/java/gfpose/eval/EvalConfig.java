package gfpose.eval;

import gfpose.GfposeException;
import gfpose.data.Input2d;
import gfpose.data.Split;

/**
 * What to evaluate and how; the model description (hypotheses, steps, sampler, weights and their SHA-256)
 * is taken from the caller as is and only reported.
 *
 * @param split       the items: {@link Split#TEST} for reported figures, {@link Split#VAL} for choosing recipes and samplers
 * @param task        the task
 * @param input       2-D input for estimate / complete2d
 * @param stride      keep every stride-th test item (GFPose uses 640)
 * @param limit       stop after this many items (0 = all)
 * @param batchSize   poses per {@link PoseModel} call
 * @param missing     hidden joints for completion tasks
 * @param noisePx     Gaussian sigma (pixels, image frame) for denoise
 * @param seed        the run's seed; the per-pose streams of missing joints and noise are {@code Rng.stream(~seed, item)}, apart
 *                    from the sampler's {@code Rng.stream(seed, item · K + h)}
 * @param procrustes  the Procrustes variant of the headline PA-MPJPE (the other is reported too)
 * @param model       the model description for the {@code protocol} object
 */
public record EvalConfig(Split split, EvalTask task, Input2d input, int stride, int limit, int batchSize, MissingJoints missing,
                         double noisePx, long seed, Procrustes.Variant procrustes, ModelInfo model) {

    /** The model side of the protocol, reported verbatim. */
    public record ModelInfo(int hypotheses, int steps, String sampler, String weights, String weightsSha256) {}

    public EvalConfig {
        if (split == null) throw new GfposeException("no split given");
        if (stride < 1) throw new GfposeException("--stride must be at least 1, got " + stride);
        if (limit < 0) throw new GfposeException("--limit must be >= 0, got " + limit);
        if (batchSize < 1) throw new GfposeException("--batch must be at least 1, got " + batchSize);
        if (!(noisePx >= 0)) throw new GfposeException("--noise must be >= 0 pixels, got " + noisePx);
        if (missing == null) missing = MissingJoints.none();
    }

    /** The test split (S9, S11). */
    public EvalConfig(EvalTask task, Input2d input, int stride, int limit, int batchSize, MissingJoints missing,
                      double noisePx, long seed, Procrustes.Variant procrustes, ModelInfo model) {
        this(Split.TEST, task, input, stride, limit, batchSize, missing, noisePx, seed, procrustes, model);
    }

    /** Estimation defaults: GFPose's protocol (every 640th test item), batch 64, reflection-allowed Procrustes. */
    public static EvalConfig estimate(Input2d input, ModelInfo model) {
        return new EvalConfig(EvalTask.ESTIMATE, input, 640, 0, 64, MissingJoints.none(), 0, 0, Procrustes.Variant.REFLECTION, model);
    }
}
