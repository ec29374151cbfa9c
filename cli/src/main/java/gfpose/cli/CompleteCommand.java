package gfpose.cli;

import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gfpose complete}: fill in missing joints of 2-D or 3-D poses (GFPose comp2d / comp3d). */
@Command(name = "complete", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Complete poses with missing joints (null or absent).",
                "[u, v] keypoints: 2-D completion, output in 3-D; [u, v, z] keypoints: 3-D completion.",
                "A document holds one kind; 2-D keypoints with confidences go to 'estimate'."})
final class CompleteCommand extends TaskCommand {
    @Mixin InputOptions in;

    @Override java.nio.file.Path inputFile() { return java.nio.file.Path.of(in.input); }

    @Override String task() { return "complete"; }

    @Override ImageSize imageSizeOption() { return in.imageSize; }

    @Override boolean estimation() { return true; }

    @Override PoseDocument readInput() { return read(in, PoseDocumentReader.Kind.EITHER); }

    @Override
    float[][][] sample(PosePrior prior, PoseDocument input, ImageSize size, SampleOptions opt) {
        if (input.dims() == 2) return prior.estimate(input.coords(), input.observedOrNull(), size, opt);
        if (opt.tStart() < 1) throw new gfpose.GfposeException("--informed-start applies to 2-D input; this document has 3-D keypoints");
        boolean[][] observed = new boolean[input.poses().size()][];
        for (int p = 0; p < observed.length; p++) observed[p] = input.poses().get(p).observed().clone();
        return prior.complete3d(input.coords(), observed, size, opt);
    }
}
