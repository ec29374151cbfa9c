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
        description = {"Denoise complete 3-D poses [u, v, z] by running the reverse process from the diffusion time whose",
                "noise matches --sigma (or from --t0)."})
final class DenoiseCommand extends TaskCommand {
    @Mixin InputOptions in;

    @Option(names = "--sigma", paramLabel = "PX", defaultValue = "5",
            description = "Noise of the input poses (Gaussian sigma, pixels of the image): the reverse process starts where "
                    + "the diffusion has that noise (5 px: t0 = 0.168 in a 1000-px image). Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--t0", paramLabel = "T",
            description = "Start the reverse process at this diffusion time instead (GFPose: 0.05, the default with --gfpose-dt).")
    Double t0;

    @Override java.nio.file.Path inputFile() { return java.nio.file.Path.of(in.input); }

    @Override String task() { return "denoise"; }

    @Override
    double tStart() {
        if (t0 != null && (!(t0 > 1e-3) || t0 > 1)) throw common.usage("--t0 must be in (0.001, 1], got " + t0);
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw common.usage("--sigma must be a positive number of pixels, got " + sigma);
        return t0 != null ? t0 : 0.05;
    }

    @Override
    SampleOptions adjust(SampleOptions opt, ImageSize size) {
        return opt.withTStart(sampling.denoiseStart(t0, sigma, size));
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
