package gfpose.cli;

import gfpose.GfposeException;

import gfpose.io.AtomicFile;
import gfpose.io.BvhOptions;
import gfpose.io.BvhWriter;
import gfpose.io.Json;
import gfpose.io.KeypointFormat;
import gfpose.io.KeypointOptions;
import gfpose.io.render.Scene;
import gfpose.task.FramingIntrinsics;
import gfpose.task.ImageSize;
import gfpose.task.Lifter;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfpose lift}: detector keypoints to 3-D poses in millimetres, as BVH, JSON and pictures. */
@Command(name = "lift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lift detector keypoints (COCO .json, or a track .jsonl/.ndjson/.csv) to 3-D poses in mm.",
                "Every person or frame and every hypothesis is sampled in one batch; missing joints are completed.",
                "Without --intrinsics the person is framed by GFPose's heuristics; see README for the units.",
                "With no output option the JSON document goes to stdout."})
final class LiftCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", required = true,
            description = "COCO keypoint file (.json: detector results or dataset annotations) or a keypoint track "
                    + "(.jsonl, .ndjson, .csv).")
    Path input;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "coco17", converter = LiftConverters.Format.class,
            description = "Keypoint layout of a track: coco17, mpii16, openpose25 or h36m17. Default: ${DEFAULT-VALUE}.")
    KeypointFormat format;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0.3",
            description = "Keypoints with a lower confidence count as missing (must be > 0). Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--intrinsics", paramLabel = "FX,FY,CX,CY", converter = LiftConverters.Intrinsics.class,
            description = "Pinhole intrinsics of the camera, pixels. Default: GFPose's framing heuristics.")
    FramingIntrinsics intrinsics;

    @Option(names = "--bvh", paramLabel = "FILE",
            description = "Write hypothesis 0 of every frame as a BVH animation (mm, Y up).")
    Path bvh;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "50",
            description = "Frame rate of the BVH. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON document (same as -o).")
    Path json;

    @Mixin RenderOutput picture;

    @Option(names = "--image-size", paramLabel = "WxH", converter = ImageSizeConverter.class,
            description = "Recorded for people whose file gives no image size; framing does not need it. "
                    + "Default: the file's, if any.")
    ImageSize imageSize;

    @Option(names = "--warm-start", paramLabel = "T0",
            description = "A track of one person: start every frame after the first at diffusion time T0 (0 < T0 < 1) from "
                    + "the previous frame's result instead of from noise: fewer network calls, but on Human3.6M detections "
                    + "it was less accurate and jerkier than independent frames (README, Fast sampling).")
    Double warmStart;

    @Option(names = "--warm-steps", paramLabel = "N", defaultValue = "5",
            description = "Steps of every warm-started frame (with a few-step --sampler). Default: ${DEFAULT-VALUE}.")
    int warmSteps;

    @Mixin CommonOptions common;

    @Mixin SamplingOptions sampling;

    @Override
    public Integer call() {
        SampleOptions opt = sampling.estimationOptions();
        if (warmStart != null && !(warmStart > 0 && warmStart < 1)) throw common.usage("--warm-start must be between 0 and 1 (exclusive), got " + warmStart);
        if (warmSteps < 1) throw common.usage("--warm-steps must be >= 1, got " + warmSteps);
        if (warmStart != null && sampling.informedStart != null) throw common.usage("give --warm-start or --informed-start, not both");
        SampleOptions warm = warmStart == null ? null : opt.withTStart(warmStart).withSteps(warmSteps);
        if (!(minConfidence > 0) || Double.isInfinite(minConfidence))
            throw common.usage("--min-confidence must be a finite number > 0, got " + minConfidence);
        if (!(fps > 0) || Double.isInfinite(fps)) throw common.usage("--fps must be a positive number, got " + fps);
        if (json != null && common.output != null) throw common.usage("give the JSON file once: --json or -o, not both");
        picture.validate();
        Path jsonOut = json != null ? json : common.output;
        Cli.outputsAreNotInputs(spec.commandLine(), java.util.List.of(input), jsonOut, bvh, picture.png, picture.svg);
        boolean toStdout = jsonOut == null && bvh == null && !picture.wanted();

        LiftInput in = LiftInput.read(input, format, new KeypointOptions((float) minConfidence, false), imageSize);
        if (warm != null) requireTrack(in);
        Path weights = common.weights.resolve();
        String sha = WeightsOption.sha256(weights);
        List<Lifter.Lifted> lifted;
        try (PosePrior prior = sampling.open(weights)) {
            common.progress(prior, "lift", spec.commandLine().getErr());
            lifted = warm == null ? Lifter.lift(prior, in.people(), intrinsics, opt, in.labels()::get)
                    : Lifter.liftTrack(prior, in.people(), intrinsics, opt, warm, in.labels()::get, 0);
        }

        // everything is built before anything is written, so a failure leaves no file behind
        String jsonText = Json.write(LiftDocument.build(settings(opt, weights, sha), in, lifted), 2) + "\n";
        List<float[]> first = new ArrayList<>();
        for (Lifter.Lifted l : lifted) first.add(l.mm()[0]);
        String bvhText = bvh == null ? null : BvhWriter.toText(first, fps, BvhOptions.DEFAULT, bvh.toString());
        Scene scene = picture.wanted() ? scene(in, lifted, first) : null;

        // all files or none; standard output last
        List<AtomicFile.Output> files = new ArrayList<>();
        if (bvhText != null) files.add(new AtomicFile.Output(bvh, out -> out.write(bvhText.getBytes(StandardCharsets.UTF_8))));
        if (scene != null) files.addAll(picture.outputs(scene));
        boolean jsonFile = jsonOut != null && !"-".equals(jsonOut.toString());
        if (jsonFile) files.add(new AtomicFile.Output(jsonOut, out -> out.write(jsonText.getBytes(StandardCharsets.UTF_8))));
        AtomicFile.writeAll(files);
        if (!jsonFile && (jsonOut != null || toStdout)) ResultWriter.write(jsonOut, jsonText, spec.commandLine().getOut());
        return 0;
    }

    /** A warm start chains frames: every entry must be its own frame of one person, in order. */
    private void requireTrack(LiftInput in) {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < in.ids().size(); i++) {
            Object f = in.ids().get(i).get("frame");
            if (!(f instanceof Number) || ((Number) f).longValue() <= last) {
                throw new GfposeException(input + ": --warm-start needs a track of one person (increasing frame numbers); "
                        + in.labels().get(i) + (f == null ? " has no frame number" : " repeats or goes back in time"));
            }
            last = ((Number) f).longValue();
        }
    }

    /** One person: its hypotheses in the source image's frame with the 2-D input over them; several: a strip. */
    private Scene scene(LiftInput in, List<Lifter.Lifted> lifted, List<float[]> first) {
        if (lifted.size() == 1) {
            return RenderOutput.views(List.of(lifted.get(0).image()), in.people().get(0));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lifted.size(); i++) {
            Object frame = in.ids().get(i).get("frame");
            names.add(frame != null ? "frame " + frame : "person " + i);
        }
        return picture.strip(first, names);
    }

    private Map<String, Object> settings(SampleOptions opt, Path weights, String sha) {
        Map<String, Object> s = CommonOptions.settings(opt, sampling.mirror, weights, sha);
        s.put("input", input.toString());
        s.put("format", format.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
        s.put("min_confidence", minConfidence);
        if (intrinsics != null)
            s.put("intrinsics", List.of(intrinsics.fx(), intrinsics.fy(), intrinsics.cx(), intrinsics.cy()));
        s.put("fps", fps);
        if (warmStart != null) {
            s.put("warm_start", warmStart);
            s.put("warm_steps", warmSteps);
        }
        return s;
    }
}
