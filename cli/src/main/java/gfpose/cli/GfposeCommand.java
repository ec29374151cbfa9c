package gfpose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code gfpose} command: only dispatches to its subcommands. */
@Command(name = "gfpose", mixinStandardHelpOptions = true, versionProvider = GfposeCommand.Version.class,
        description = "GFPose 3-D human pose prior (Human3.6M, 17 joints) on the CPU.",
        subcommands = {EstimateCommand.class, CompleteCommand.class, DenoiseCommand.class, GenerateCommand.class,
                EvalCommand.class, LiftCommand.class, RenderCommand.class, TrainCommand.class, FitStartCommand.class,
                InfoCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Inputs and outputs are JSON documents; see README.md, section \"Command line\".",
                "Exit codes: 0 ok, 1 bad input/file/model, 2 usage error, 3 internal error."})
public final class GfposeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** No subcommand given: that is a usage error, so show the usage on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.EXIT_USAGE;
    }

    /** Version from the jar manifest when present (a development build has none). */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GfposeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gfpose " + (v == null ? "(development build)" : v)};
        }
    }
}
