package gfpose.cli;

import gfpose.sampling.SamplerKind;
import gfpose.task.ImageSize;
import gfpose.task.SampleOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the sampling commands: model, sampler settings, image frame and output file. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Mixin WeightsOption weights;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Random seed; results depend only on it (not on --threads). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--hypotheses", paramLabel = "K", defaultValue = "1",
            description = "Samples per input pose. Default: ${DEFAULT-VALUE}.")
    int hypotheses;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000",
            description = "Reverse-diffusion steps. Default: ${DEFAULT-VALUE} (GFPose).")
    int steps;

    @Option(names = "--sampler", paramLabel = "KIND", converter = SamplerConverter.class,
            description = "sde, deterministic, ode or pc. Default: deterministic for 1 hypothesis, sde for more.")
    SamplerKind sampler;

    @Option(names = "--snr", paramLabel = "R", defaultValue = "0.16",
            description = "Langevin corrector signal-to-noise ratio (pc only). Default: ${DEFAULT-VALUE}.")
    double snr;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--image-size", paramLabel = "WxH", converter = ImageSizeConverter.class,
            description = "Image the pixel coordinates refer to. Default: the input's image_size, else 1000x1000.")
    ImageSize imageSize;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output JSON file, written only when the command succeeds. Default: stdout ('-').")
    Path output;

    /** The sampler used when {@code --sampler} is absent: GFPose's choices (deterministic for 1, SDE for many). */
    SamplerKind effectiveSampler() {
        if (sampler != null) return sampler;
        return hypotheses == 1 ? SamplerKind.DETERMINISTIC : SamplerKind.SDE;
    }

    /** Validated sampling options; {@code tStart} is 1 except for denoising. Bad values are usage errors. */
    SampleOptions sampleOptions(double tStart) {
        if (hypotheses < 1) throw usage("--hypotheses must be >= 1, got " + hypotheses);
        if (steps < 1) throw usage("--steps must be >= 1, got " + steps);
        if (threads != null && threads < 1) throw usage("--threads must be >= 1, got " + threads);
        if (!(snr > 0) || Double.isInfinite(snr)) throw usage("--snr must be a positive number, got " + snr);
        SampleOptions d = SampleOptions.defaults();
        return new SampleOptions(hypotheses, steps, effectiveSampler(), seed, tStart, d.tEnd(), snr,
                d.correctorSteps(), threads == null ? d.threads() : threads);
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    /** The settings block recorded in every output document. */
    static Map<String, Object> settings(SampleOptions o, Path weights, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", o.seed());
        m.put("hypotheses", o.hypotheses());
        m.put("steps", o.steps());
        m.put("sampler", Cli.lower(o.sampler()));
        if (o.sampler() == SamplerKind.PC) m.put("snr", o.snr());
        m.put("t_start", o.tStart());
        m.put("t_end", o.tEnd());
        m.put("weights", weights.toString());
        m.put("weights_sha256", sha256);
        return m;
    }
}
