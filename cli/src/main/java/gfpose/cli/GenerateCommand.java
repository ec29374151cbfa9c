package gfpose.cli;

import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gfpose generate}: unconditional samples from the pose prior (GFPose gen). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample poses from the prior without any condition; --count poses, K hypotheses each."})
final class GenerateCommand extends TaskCommand {
    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Number of poses. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--image-size", paramLabel = "WxH", converter = ImageSizeConverter.class,
            description = "Image the generated poses are placed in (u, v pixels). Default: 1000x1000.")
    ImageSize imageSize;

    @Override String task() { return "generate"; }

    @Override ImageSize imageSizeOption() { return imageSize; }

    @Override
    PoseDocument readInput() {
        if (count < 1) throw common.usage("--count must be >= 1, got " + count);
        return null;
    }

    @Override
    int expectedPoses(PoseDocument input) {
        return count;
    }

    @Override
    float[][][] sample(PosePrior prior, PoseDocument input, ImageSize size, SampleOptions opt) {
        return prior.generate(count, size, opt);
    }
}
