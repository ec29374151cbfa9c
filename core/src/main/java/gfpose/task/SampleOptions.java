package gfpose.task;

import gfpose.GfposeException;
import gfpose.sampling.SamplerKind;

/**
 * How to sample: hypotheses per pose, steps, sampler, seed, and the time range.
 *
 * @param tStart   start time of the reverse process (1 for sampling from the prior; denoising uses its own t0)
 * @param tEnd     last time queried (GFPose's sampling epsilon, 1e-3)
 * @param snr      Langevin corrector signal-to-noise ratio (PC only)
 * @param correctorSteps Langevin steps per predictor step (PC only)
 * @param threads  worker threads (results never depend on it)
 * @param impute2d 2-D input with missing joints: re-impute the observed u, v after every step (GFPose's
 *                 {@code comp2d}), or only condition on them through the mask (the network was trained with masked
 *                 joints, the default: on the validation tail it was 7-11 mm better in MPJPE and 14-16 mm in
 *                 PA-MPJPE for every recipe probed, docs/training-log.md)
 * @param gfposeDenoiseDt denoising only: integrate with GFPose's dt = −1/steps whatever the span (one full time unit
 *                 from t0 = 0.05, which drifts the pose away from where it stands: MPJPE 35 → 257 mm with the reference
 *                 model at 5 px), instead of the grid's own spacing (the default)
 */
public record SampleOptions(int hypotheses, int steps, SamplerKind sampler, long seed,
                            double tStart, double tEnd, double snr, int correctorSteps, int threads, boolean impute2d,
                            boolean gfposeDenoiseDt) {
    public SampleOptions {
        if (hypotheses < 1) throw new GfposeException("--hypotheses must be >= 1, got " + hypotheses);
        if (steps < 1) throw new GfposeException("--steps must be >= 1, got " + steps);
        if (threads < 1) throw new GfposeException("--threads must be >= 1, got " + threads);
        if (!(tStart > tEnd) || !(tEnd > 0) || tStart > 1) {
            throw new GfposeException("time range must satisfy 0 < t_end < t_start <= 1, got " + tStart + " .. " + tEnd);
        }
        if (!(snr > 0)) throw new GfposeException("--snr must be > 0, got " + snr);
        if (correctorSteps < 0) throw new GfposeException("corrector steps must be >= 0, got " + correctorSteps);
    }

    /** GFPose defaults: 1 hypothesis, 1000 steps, deterministic sampler, t from 1 to 1e-3; missing 2-D joints masked, not imputed. */
    public static SampleOptions defaults() {
        return new SampleOptions(1, 1000, SamplerKind.DETERMINISTIC, 0L, 1.0, 1e-3, 0.16, 1,
                Runtime.getRuntime().availableProcessors(), false, false);
    }

    /** GFPose's denoising set-up: as {@link #defaults()} but starting at t = 0.05. */
    public static SampleOptions denoiseDefaults() { return defaults().withTStart(0.05); }

    public SampleOptions withHypotheses(int h) { return new SampleOptions(h, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt); }

    public SampleOptions withSteps(int s) { return new SampleOptions(hypotheses, s, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt); }

    public SampleOptions withSampler(SamplerKind k) { return new SampleOptions(hypotheses, steps, k, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt); }

    public SampleOptions withSeed(long s) { return new SampleOptions(hypotheses, steps, sampler, s, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt); }

    public SampleOptions withTStart(double t) { return new SampleOptions(hypotheses, steps, sampler, seed, t, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt); }

    public SampleOptions withImpute2d(boolean b) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, b, gfposeDenoiseDt); }

    public SampleOptions withGfposeDenoiseDt(boolean b) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, b); }

    public SampleOptions withThreads(int n) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, n, impute2d, gfposeDenoiseDt); }
}
