package gfpose.cli;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.io.render.Scene;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gfpose render}: pictures of an output document or a BVH file. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw poses from a gfpose output document (estimate, complete, denoise, generate, lift) or a",
                "BVH file: one pose with all its hypotheses in three views (front, side, top), or a sequence as a",
                "strip of frames (rows front, side, top). Needs --png and/or --svg."})
final class RenderCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Output document (.json) or BVH file (.bvh).")
    Path file;

    @Option(names = "--input", paramLabel = "FILE",
            description = "The input document of the run (e.g. estimate's -i): its 2-D keypoints are drawn over the front view.")
    Path input;

    @Option(names = "--pose", paramLabel = "N",
            description = "Draw pose (or frame) N with all its hypotheses. Default: 0 when there is one pose, else a strip.")
    Integer pose;

    @Option(names = "--strip", description = "Draw every pose (or frame) as a strip, hypothesis --hypothesis of each.")
    boolean strip;

    @Option(names = "--hypothesis", paramLabel = "H", defaultValue = "0",
            description = "Which hypothesis a strip shows. Default: ${DEFAULT-VALUE}.")
    int hypothesis;

    @Mixin RenderOutput picture;

    @Override
    public Integer call() {
        picture.validate();
        if (!picture.wanted()) throw usage("nothing to write: give --png FILE and/or --svg FILE");
        if (strip && pose != null) throw usage("--strip draws every pose; --pose draws one: give only one of them");
        if (pose != null && pose < 0) throw usage("--pose must be >= 0, got " + pose);
        if (hypothesis < 0) throw usage("--hypothesis must be >= 0, got " + hypothesis);
        Cli.outputsAreNotInputs(spec.commandLine(), java.util.Arrays.asList(file, input), picture.png, picture.svg);
        RenderDocument doc = RenderDocument.read(file);
        int n = doc.poses().size();
        boolean asStrip = strip || (pose == null && n > 1);
        Scene scene;
        if (asStrip) {
            if (input != null) throw usage("--input is drawn over the views of one pose; pick it with --pose");
            List<float[]> frames = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                List<float[]> hyps = doc.poses().get(p);
                if (hypothesis >= hyps.size())
                    throw new GfposeException(file + ": " + doc.names().get(p) + " has " + hyps.size()
                            + " hypotheses, --hypothesis " + hypothesis + " does not exist");
                frames.add(hyps.get(hypothesis));
            }
            scene = picture.strip(frames, doc.names());
        } else {
            int p = pose == null ? 0 : pose;
            if (p >= n) throw new GfposeException(file + ": has " + n + " poses, --pose " + p + " does not exist");
            scene = RenderOutput.views(doc.poses().get(p), input == null ? null : keypoints(doc, p, n));
        }
        picture.write(scene);
        return 0;
    }

    /** Pose p of the input document as 2-D keypoints in the image frame the output document uses. */
    private Keypoints2D keypoints(RenderDocument doc, int p, int n) {
        if (!doc.task().equals("estimate") && !doc.task().equals("complete") && !doc.task().equals("denoise"))
            throw new GfposeException(file + ": --input draws 2-D keypoints over image-frame poses (estimate, complete,"
                    + " denoise); this document is from '" + doc.task() + "'");
        String text = gfpose.io.TextFile.read(input);
        PoseDocument in = PoseDocumentReader.read(text, input.toString(), PoseDocumentReader.Kind.EITHER, 0);
        if (in.poses().size() != n)
            throw new GfposeException(input + ": has " + in.poses().size() + " poses but " + file + " has " + n
                    + "; give the input document of that run");
        PoseDocument.Pose pose = in.poses().get(p);
        float[] uv = new float[2 * Skeleton.JOINTS], conf = new float[Skeleton.JOINTS];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            uv[2 * j] = pose.coords()[in.dims() * j];
            uv[2 * j + 1] = pose.coords()[in.dims() * j + 1];
            conf[j] = pose.observed()[j] ? 1 : 0;
        }
        return new Keypoints2D(uv, pose.observed().clone(), conf, 0, 0);
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
