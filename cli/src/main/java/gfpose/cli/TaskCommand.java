package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.Json;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flow every sampling command shares. The order matters: options and input are validated before the model
 * is touched, so mistakes surface at once; the output is written last, so a failure never leaves a file.
 */
abstract class TaskCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Mixin SamplingOptions sampling;

    /** The task name written to the output document. */
    abstract String task();

    /** Start time of the reverse process (1 = from the prior; denoising starts later). */
    double tStart() {
        return 1.0;
    }

    /** The input file (null when there is none; "-" is stdin), so that no output replaces it. */
    Path inputFile() { return null; }

    /** Whether the command lifts 2-D input (so that --informed-start applies). */
    boolean estimation() { return false; }

    /** Options that depend on the image size (denoising's start time); the default keeps them. */
    SampleOptions adjust(SampleOptions opt, ImageSize size) { return opt; }

    /** The {@code --image-size} option, or null; each command declares it, since its default differs. */
    abstract ImageSize imageSizeOption();

    /** Reads and validates the input document; null when the command has none. */
    abstract PoseDocument readInput();

    /** Runs the model: {@code [pose][hypothesis][51]}. */
    abstract float[][][] sample(PosePrior prior, PoseDocument input, ImageSize size, SampleOptions opt);

    @Override
    public final Integer call() {
        SampleOptions opt = estimation() ? sampling.estimationOptions() : sampling.sampleOptions(tStart(), false);
        Cli.outputsAreNotInputs(spec.commandLine(), java.util.Arrays.asList(inputFile()), common.output);
        PoseDocument input = readInput();
        ImageSize size = imageSize(input);
        opt = adjust(opt, size);
        Path weights = common.weights.resolve();
        String sha = WeightsOption.sha256(weights);
        float[][][] result;
        try (PosePrior prior = sampling.open(weights)) {
            common.progress(prior, task(), spec.commandLine().getErr());
            result = sample(prior, input, size, opt);
        }
        checkShape(result, expectedPoses(input), opt.hypotheses());
        String text = Json.write(ResultWriter.document(task(), size, CommonOptions.settings(opt, sampling.mirror, weights, sha),
                input == null ? null : input.poses(), result), 2) + "\n";
        ResultWriter.write(common.output, text, spec.commandLine().getOut());
        return 0;
    }

    /** How many poses the result must hold. */
    int expectedPoses(PoseDocument input) {
        return input.poses().size();
    }

    /** A wrong shape is a bug in the library, not the user's fault: exit 3, not a bogus document. */
    private static void checkShape(float[][][] result, int poses, int hypotheses) {
        if (result == null || result.length != poses) {
            throw new IllegalStateException("the model returned " + (result == null ? "nothing" : result.length
                    + " poses") + " instead of " + poses);
        }
        for (int p = 0; p < poses; p++) {
            if (result[p] == null || result[p].length != hypotheses) {
                throw new IllegalStateException("the model returned " + (result[p] == null ? "no" : result[p].length)
                        + " hypotheses for pose " + p + " instead of " + hypotheses);
            }
        }
    }

    /** {@code --image-size} or the document's {@code image_size} (they must agree), else 1000x1000. */
    ImageSize imageSize(PoseDocument input) {
        ImageSize fromDoc = input == null ? null : input.imageSize();
        ImageSize fromOption = imageSizeOption();
        if (fromDoc != null && fromOption != null && !fromDoc.equals(fromOption)) {
            throw new GfposeException("--image-size " + fromOption.width() + "x" + fromOption.height()
                    + " contradicts the input's image_size [" + fromDoc.width() + ", " + fromDoc.height() + "]");
        }
        if (fromOption != null) return fromOption;
        return fromDoc != null ? fromDoc : ImageSize.GFPOSE;
    }

    /** Reads the input named by {@code in}, validating {@code --min-confidence} first. */
    PoseDocument read(InputOptions in, PoseDocumentReader.Kind kind) {
        if (!(in.minConfidence >= 0) || Double.isInfinite(in.minConfidence)) {
            throw common.usage("--min-confidence must be a finite number >= 0, got " + in.minConfidence);
        }
        return PoseDocumentReader.read(in.read(System.in), in.source(), kind, in.minConfidence);
    }
}
