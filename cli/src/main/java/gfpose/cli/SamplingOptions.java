package gfpose.cli;

import java.nio.file.Path;

import gfpose.sampling.SamplerKind;
import gfpose.sampling.TimeSpacing;
import gfpose.sde.SubVpSde;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The sampler options of every command that runs the model ({@code estimate}, {@code complete}, {@code denoise},
 * {@code generate}, {@code lift}, {@code eval}), and the one place they become {@link SampleOptions}.
 */
public final class SamplingOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Random seed; results depend only on it and the inputs (not on --threads). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--hypotheses", paramLabel = "K", defaultValue = "1",
            description = "Samples per input pose. Default: ${DEFAULT-VALUE}.")
    int hypotheses;

    @Option(names = "--steps", paramLabel = "N",
            description = "Reverse-diffusion steps. Default: " + SampleOptions.FAST_STEPS + " for the deterministic few-step solvers, "
                    + SampleOptions.FAST_STOCHASTIC_STEPS + " for the stochastic ones, 1000 for GFPose's sde, deterministic, ode and pc "
                    + "(heun makes 2 network calls per step, pc 2).")
    Integer steps;

    @Option(names = "--sampler", paramLabel = "KIND", converter = SamplerConverter.class,
            description = "dpm2m, ddim or dpm3m (GFPose's deterministic process in few steps), dpm2m-sde, ddim-sde or dpm3m-sde (its SDE), "
                    + "dpm2m-ode, ddim-ode or heun (the probability-flow ODE); GFPose's own deterministic, sde, ode or pc. "
                    + "Default: dpm2m for 1 hypothesis, dpm2m-sde for more.")
    SamplerKind sampler;

    @Option(names = "--spacing", paramLabel = "KIND", converter = SamplerConverter.Spacing.class,
            description = "Where the few-step solvers put their steps: quadratic (uniform in sqrt(t)), lambda (uniform log-SNR), "
                    + "time or karras. Default: quadratic.")
    TimeSpacing spacing;

    @Option(names = "--snr", paramLabel = "R", defaultValue = "0.16",
            description = "Langevin corrector signal-to-noise ratio (pc only). Default: ${DEFAULT-VALUE}.")
    double snr;

    @Option(names = "--impute", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "2-D input with missing joints: re-impute the observed u, v after every step (GFPose's comp2d) "
                    + "instead of only conditioning on them (the default: better on validation data).")
    boolean impute;

    @Option(names = "--mirror", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Average the score with its mirror image (left and right swapped) at every step, making the prior "
                    + "exactly left/right symmetric; twice the network evaluations.")
    boolean mirror;

    @Option(names = "--gfpose-dt", description = "Denoise with GFPose's dt = -1/steps (integrates a whole time unit from t0 and moves the pose; "
            + "for reproducing the official code). Default: dt = the grid's spacing.")
    boolean gfposeDt;

    @Option(names = "--informed-start", paramLabel = "T0",
            description = "2-D estimation: start the reverse process at diffusion time T0 (0 < T0 < 1) from the 2-D input "
                    + "itself with depth 0 instead of from noise at 1 (DiffPose's informed start; 0.8 with 8 steps is within "
                    + "1 mm of 1000 steps on validation data).")
    Double informedStart;

    @Option(names = "--start-depth", paramLabel = "FILE",
            description = "With --informed-start: take the start's depths from this per-joint mixture (gfpose fit-start; "
                    + "DiffPose's start distribution): its mean for 1 hypothesis, one draw per hypothesis for more. Default: depth 0.")
    Path startDepth;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads. Default: the number of cores.")
    Integer threads;

    /** Range checks; bad values are usage errors (exit 2), reported before any file is read. */
    void validate() {
        if (hypotheses < 1) throw usage("--hypotheses must be >= 1, got " + hypotheses);
        if (steps != null && steps < 1) throw usage("--steps must be >= 1, got " + steps);
        if (spacing != null && sampler != null && !sampler.solver()) throw usage("--spacing applies to the few-step solvers, not to --sampler " + sampler.cliName());
        if (snrGiven() && sampler != SamplerKind.PC) throw usage("--snr applies to --sampler pc only");
        if (informedStart != null && !(informedStart > 0 && informedStart < 1)) throw usage("--informed-start must be between 0 and 1 (exclusive), got " + informedStart);
        if (threads != null && threads < 1) throw usage("--threads must be >= 1, got " + threads);
        if (startDepth != null && informedStart == null) throw usage("--start-depth applies with --informed-start only");
        if (!(snr > 0) || Double.isInfinite(snr)) throw usage("--snr must be a positive number, got " + snr);
    }

    /**
     * Validated sampling options.
     *
     * @param tStart               start time of the reverse process (1 except for denoising)
     * @param deterministicDefault use the deterministic sampler when {@code --sampler} is absent, whatever the
     *                             hypothesis count (GFPose denoises that way); otherwise deterministic for 1
     *                             hypothesis, stochastic for more
     */
    SampleOptions sampleOptions(double tStart, boolean deterministicDefault) {
        validate();
        if (informedStart != null) throw usage("--informed-start applies to 2-D estimation only (estimate, lift, complete with 2-D input, eval --task estimate or complete2d)");
        return options(tStart, deterministicDefault);
    }

    /** The sampler's name as evaluations record it: its option value, with "mirror-averaged" for --mirror. */
    String samplerName(SampleOptions opt) { return opt.sampler().cliName() + (mirror ? ", mirror-averaged" : ""); }

    /**
     * Loads the model as these options ask: mirror-averaged for --mirror, with the depth mixture of --start-depth
     * (read and checked here, before any output).
     */
    PosePrior open(Path weights) {
        PosePrior prior = PosePrior.load(weights);
        if (mirror) {
            try (PosePrior plain = prior) { prior = plain.mirrorAveraged(); } // the plain one never started a thread
        }
        if (startDepth != null) prior.setStartDepth(DepthPriorFile.read(startDepth));
        return prior;
    }

    /** Options of a 2-D estimation: starting at --informed-start from the input when it is given. */
    SampleOptions estimationOptions() {
        validate();
        return options(informedStart != null ? informedStart : 1.0, false);
    }

    private SampleOptions options(double tStart, boolean deterministicDefault) {
        SamplerKind kind = sampler != null ? sampler
                : deterministicDefault || hypotheses == 1 ? SamplerKind.DPM2M : SamplerKind.DPM2M_SDE;
        SampleOptions d = SampleOptions.defaults();
        if (gfposeDt && kind.solver()) throw usage("--gfpose-dt applies to the sde, deterministic, ode and pc samplers, not to " + kind.cliName());
        int n = steps != null ? steps : !kind.solver() ? 1000 : kind.stochastic() ? SampleOptions.FAST_STOCHASTIC_STEPS : SampleOptions.FAST_STEPS;
        return new SampleOptions(hypotheses, n, kind, seed, tStart, d.tEnd(), snr, d.correctorSteps(),
                threads == null ? d.threads() : threads, impute, gfposeDt, spacing == null ? d.spacing() : spacing);
    }

    /**
     * Denoising's start time: {@code t0} if given, else GFPose's 0.05 with {@code --gfpose-dt}, else the diffusion time
     * whose noise matches {@code sigmaPx} pixels of an image of {@code size}.
     */
    double denoiseStart(Double t0, double sigmaPx, ImageSize size) {
        if (t0 != null) return t0;
        return gfposeDt ? 0.05 : PosePrior.denoiseStart(SubVpSde.GFPOSE, sigmaPx, size);
    }

    private boolean snrGiven() {
        return mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption("--snr");
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
