package gfpose.task;

import gfpose.GfposeException;
import gfpose.sampling.SamplerKind;
import gfpose.sampling.TimeSpacing;

/**
 * How to sample: hypotheses per pose, steps, sampler, seed, and the time range.
 *
 * @param hypotheses samples drawn per pose
 * @param steps    number of time steps (network evaluations per hypothesis: {@link #nfe()})
 * @param sampler  the sampler: GFPose's Euler samplers or a few-step solver
 * @param seed     the seed of every row's random stream; results depend only on it and the pose's index
 * @param tStart   start time of the reverse process (1 for sampling from the prior; denoising uses its own t0; estimation
 *                 below 1 starts from the 2-D input itself, {@link PosePrior#flatGuess})
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
 * @param spacing  where the few-step solvers ({@link SamplerKind#solver()}) put their steps; the PC samplers always
 *                 use GFPose's uniform grid
 */
public record SampleOptions(int hypotheses, int steps, SamplerKind sampler, long seed,
                            double tStart, double tEnd, double snr, int correctorSteps, int threads, boolean impute2d,
                            boolean gfposeDenoiseDt, TimeSpacing spacing) {
    /**
     * Checks the options.
     *
     * @param hypotheses      samples per pose, &gt;= 1
     * @param steps           time steps, &gt;= 1
     * @param sampler         the sampler, not null
     * @param seed            any value
     * @param tStart          start time, in (tEnd, 1]
     * @param tEnd            last time, &gt; 0
     * @param snr             Langevin signal-to-noise ratio, &gt; 0
     * @param correctorSteps  Langevin steps per predictor step, &gt;= 0
     * @param threads         worker threads, &gt;= 1
     * @param impute2d        re-impute observed 2-D joints after every step
     * @param gfposeDenoiseDt GFPose's denoising dt; only with a non-solver sampler ({@link SamplerKind#solver()} false)
     * @param spacing         the solvers' time spacing, not null
     * @throws GfposeException naming the option that is out of range
     */
    public SampleOptions {
        if (hypotheses < 1) throw new GfposeException("sampling: hypotheses must be >= 1, got " + hypotheses);
        if (steps < 1) throw new GfposeException("sampling: steps must be >= 1, got " + steps);
        if (threads < 1) throw new GfposeException("sampling: threads must be >= 1, got " + threads);
        if (!(tStart > tEnd) || !(tEnd > 0) || tStart > 1) {
            throw new GfposeException("time range must satisfy 0 < t_end < t_start <= 1, got " + tStart + " .. " + tEnd);
        }
        if (!(snr > 0)) throw new GfposeException("sampling: the Langevin snr must be > 0, got " + snr);
        if (correctorSteps < 0) throw new GfposeException("corrector steps must be >= 0, got " + correctorSteps);
        if (sampler == null || spacing == null) throw new GfposeException("sampler and time spacing must be given");
        if (gfposeDenoiseDt && sampler.solver()) throw new GfposeException("GFPose's denoising dt applies to the sde, deterministic, ode and pc samplers, not to " + sampler.cliName());
    }

    /** Steps of the few-step defaults: deterministic and stochastic (chosen on the validation tail, docs/sampling.md). */
    public static final int FAST_STEPS = 12, FAST_STOCHASTIC_STEPS = 20;

    /**
     * The library's defaults: 1 hypothesis by DPM-Solver++(2M) on GFPose's deterministic process, {@value #FAST_STEPS}
     * steps spaced uniformly in √t from t = 1 to 1e-3 (within 0.3 mm of GFPose's 1000 steps on the validation tail);
     * missing 2-D joints masked, not imputed. For several hypotheses use {@link #withHypotheses} and
     * {@link #stochastic()}.
     *
     * @return new options with these values; the {@code with...} methods change one at a time
     */
    public static SampleOptions defaults() {
        return new SampleOptions(1, FAST_STEPS, SamplerKind.DPM2M, 0L, 1.0, 1e-3, 0.16, 1,
                Runtime.getRuntime().availableProcessors(), false, false, TimeSpacing.QUADRATIC);
    }

    /**
     * {@return GFPose's own set-up: 1000 Euler steps of its deterministic sampler, t from 1 to 1e-3 (the reference)}
     */
    public static SampleOptions gfpose() { return defaults().withSampler(SamplerKind.DETERMINISTIC).withSteps(1000); }

    /**
     * {@return these options with SDE-DPM-Solver++(2M) and {@value #FAST_STOCHASTIC_STEPS} steps: diverse
     * hypotheses for min-of-K}
     */
    public SampleOptions stochastic() { return withSampler(SamplerKind.DPM2M_SDE).withSteps(FAST_STOCHASTIC_STEPS); }

    /** {@return GFPose's denoising set-up: as {@link #gfpose()} but starting at t = 0.05} */
    public static SampleOptions denoiseDefaults() { return gfpose().withTStart(0.05); }

    /**
     * {@return these options with another number of hypotheses per pose}
     *
     * @param h samples per pose, &gt;= 1
     */
    public SampleOptions withHypotheses(int h) { return new SampleOptions(h, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with another number of steps}
     *
     * @param s time steps, &gt;= 1
     */
    public SampleOptions withSteps(int s) { return new SampleOptions(hypotheses, s, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with another sampler (the steps stay as they are)}
     *
     * @param k the sampler
     */
    public SampleOptions withSampler(SamplerKind k) { return new SampleOptions(hypotheses, steps, k, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with another seed}
     *
     * @param s the seed of the rows' random streams
     */
    public SampleOptions withSeed(long s) { return new SampleOptions(hypotheses, steps, sampler, s, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with another start time}
     *
     * @param t start time of the reverse process, in (tEnd, 1]
     */
    public SampleOptions withTStart(double t) { return new SampleOptions(hypotheses, steps, sampler, seed, t, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with 2-D imputation switched on or off}
     *
     * @param b re-impute the observed u, v after every step (GFPose's {@code comp2d})
     */
    public SampleOptions withImpute2d(boolean b) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, b, gfposeDenoiseDt, spacing); }

    /**
     * {@return these options with GFPose's denoising dt switched on or off}
     *
     * @param b denoise with dt = −1/steps (GFPose) instead of the grid's spacing
     */
    public SampleOptions withGfposeDenoiseDt(boolean b) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, b, spacing); }

    /**
     * {@return these options with another time spacing for the few-step solvers}
     *
     * @param sp where the solvers put their steps
     */
    public SampleOptions withSpacing(TimeSpacing sp) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, threads, impute2d, gfposeDenoiseDt, sp); }

    /** {@return network evaluations per hypothesis: the steps, times 2 for Heun, times 1 + corrector steps for PC} */
    public long nfe() { return sampler.nfe(steps, correctorSteps); }

    /**
     * {@return these options with another number of worker threads (the results stay the same)}
     *
     * @param n worker threads, &gt;= 1
     */
    public SampleOptions withThreads(int n) { return new SampleOptions(hypotheses, steps, sampler, seed, tStart, tEnd, snr, correctorSteps, n, impute2d, gfposeDenoiseDt, spacing); }
}
