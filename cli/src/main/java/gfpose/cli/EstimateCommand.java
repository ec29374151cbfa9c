package gfpose.cli;

import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gfpose estimate}: 2-D keypoints to 3-D poses; missing joints are completed (GFPose est / comp2d). */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lift 2-D keypoints [u, v] (pixels) to 3-D poses, K hypotheses each.",
                "Missing joints (null, absent, or below --min-confidence) are completed too."})
final class EstimateCommand extends TaskCommand {
    @Mixin InputOptions in;

    @Override java.nio.file.Path inputFile() { return java.nio.file.Path.of(in.input); }

    @Override String task() { return "estimate"; }

    @Override ImageSize imageSizeOption() { return in.imageSize; }

    @Override boolean estimation() { return true; }

    @Override PoseDocument readInput() { return read(in, PoseDocumentReader.Kind.POINTS_2D); }

    @Override
    float[][][] sample(PosePrior prior, PoseDocument input, ImageSize size, SampleOptions opt) {
        return prior.estimate(input.coords(), input.observedOrNull(), size, opt);
    }
}
