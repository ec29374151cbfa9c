package gfpose.cli;

import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gfpose info}: what a weights file holds, after validating it completely. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Validate a weights file and print its model configuration, parameter count and SHA-256.")
final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WeightsOption weights;

    @Override
    public Integer call() {
        Path file = weights.resolve();
        String sha = WeightsOption.sha256(file);
        ScoreNet net = ScoreNet.load(file);
        ModelConfig c = net.config();
        PrintWriter out = spec.commandLine().getOut();
        out.println("weights:     " + file);
        out.println("sha256:      " + sha);
        out.println("model:       ScoreModelFC_Adv" + (c.equals(ModelConfig.GFPOSE) ? " (GFPose configuration)" : ""));
        out.println("joints:      " + c.joints() + " x " + c.jointDim() + " (condition " + c.condDim() + " per joint)");
        out.println("hidden:      " + c.hidden());
        out.println("embed:       " + c.embed());
        out.println("blocks:      " + c.blocks());
        out.println("groups:      " + c.groups());
        out.printf("parameters:  %,d%n", net.parameterCount());
        out.println("backend:     " + gfpose.task.PosePrior.backend() + " (this JVM's kernels)");
        out.println("gemm tile:   " + gfpose.kernel.Gemm.tile());
        out.flush();
        return 0;
    }
}
