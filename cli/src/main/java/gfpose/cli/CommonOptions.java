package gfpose.cli;

import gfpose.sampling.SamplerKind;
import gfpose.task.SampleOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the sampling commands and {@code lift}: model and output file (sampler settings: {@link SamplingOptions}). */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Mixin WeightsOption weights;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (one is drawn on a terminal for runs over a second).")
    boolean quiet;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output JSON file, written only when the command succeeds. Default: stdout ('-').")
    Path output;

    /** Attaches a progress bar over the prior's network evaluations, on a terminal and unless -q. */
    void progress(gfpose.task.PosePrior prior, String label, java.io.PrintWriter err) {
        if (!quiet && Cli.terminal()) prior.setProgressListener(Cli.progressBar(err, label, true));
    }

    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    /** The settings block recorded in every output document ({@code mirror}: the score was mirror-averaged). */
    static Map<String, Object> settings(SampleOptions o, boolean mirror, Path weights, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", o.seed());
        m.put("hypotheses", o.hypotheses());
        m.put("steps", o.steps());
        m.put("sampler", o.sampler().cliName());
        if (o.sampler() == SamplerKind.PC) m.put("snr", o.snr());
        if (o.sampler().solver()) m.put("spacing", Cli.lower(o.spacing()));
        if (mirror) m.put("mirror", true);
        m.put("nfe", o.nfe() * (mirror ? 2 : 1));
        m.put("t_start", o.tStart());
        m.put("t_end", o.tEnd());
        m.put("weights", weights.toString());
        m.put("weights_sha256", sha256);
        return m;
    }
}
