package gfpose.cli;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gfpose denoise}: pull noisy 3-D poses towards the prior (GFPose den: reverse process from t0). */
@Command(name = "denoise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Denoise complete 3-D poses [u, v, z] by running the reverse process from --t0."})
final class DenoiseCommand extends TaskCommand {
    @Mixin InputOptions in;

    @Option(names = "--t0", paramLabel = "T", defaultValue = "0.05",
            description = "Diffusion time the noisy pose is taken to be at (more noise: larger). Default: ${DEFAULT-VALUE}.")
    double t0;

    @Override String task() { return "denoise"; }

    @Override
    double tStart() {
        if (!(t0 > 1e-3) || t0 > 1) throw common.usage("--t0 must be in (0.001, 1], got " + t0);
        return t0;
    }

    @Override ImageSize imageSizeOption() { return in.imageSize; }

    @Override
    PoseDocument readInput() {
        PoseDocument doc = read(in, PoseDocumentReader.Kind.POINTS_3D);
        for (PoseDocument.Pose p : doc.poses()) {
            for (int j = 0; j < Skeleton.JOINTS; j++) {
                if (!p.observed()[j]) {
                    throw new GfposeException(in.source() + ": " + PoseDocumentReader.poseName(p.index(), p.id())
                            + ", joint " + Skeleton.name(j) + ": missing; denoise needs all 17 joints (use 'complete')");
                }
            }
        }
        return doc;
    }

    @Override
    float[][][] sample(PosePrior prior, PoseDocument input, ImageSize size, SampleOptions opt) {
        return prior.denoise(input.coords(), size, opt);
    }
}
