package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.AtomicFile;
import gfpose.skeleton.Keypoints2D;
import gfpose.io.render.PosePicture;
import gfpose.io.render.Scene;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Picture options shared by {@code lift} and {@code render}: the files to write and the strip's frame step. */
public final class RenderOutput {
    /** A strip wider than this many frames is refused; the automatic step keeps it at {@link #AUTO_FRAMES}. */
    static final int MAX_FRAMES = 100, AUTO_FRAMES = 12;

    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the picture as PNG.")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the picture as SVG.")
    Path svg;

    @Option(names = "--every", paramLabel = "N",
            description = "Strip of a sequence: draw every N-th frame. Default: a step that keeps the strip at "
                    + AUTO_FRAMES + " frames or fewer.")
    Integer every;

    /** True when a picture was asked for. */
    boolean wanted() {
        return png != null || svg != null;
    }

    /** Validates {@code --every}; bad values are usage errors. */
    void validate() {
        if (every != null && every < 1) throw new ParameterException(mixee.commandLine(), "--every must be >= 1, got " + every);
    }

    /**
     * Three views of one pose's hypotheses, with the 2-D input over the front view when given; several hypotheses get
     * their consensus drawn over them, with each joint's spread as a ring.
     */
    static Scene views(List<float[]> hypotheses, Keypoints2D input) {
        if (hypotheses.size() < 2) return PosePicture.views(hypotheses, input);
        gfpose.task.Consensus c = gfpose.task.Consensus.of(hypotheses.toArray(new float[0][]));
        return PosePicture.views(hypotheses, c.pose(), c.spread(), input);
    }

    /** A strip of every N-th frame; {@code names.get(i)} labels frame i. */
    Scene strip(List<float[]> frames, List<String> names) {
        int step = every != null ? every : Math.max(1, (frames.size() + AUTO_FRAMES - 1) / AUTO_FRAMES);
        List<float[]> picked = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += step) {
            picked.add(frames.get(i));
            labels.add(names.get(i));
        }
        if (picked.size() > MAX_FRAMES)
            throw new GfposeException("a strip of " + picked.size() + " frames is too wide (at most " + MAX_FRAMES
                    + "); draw fewer with --every");
        return PosePicture.strip(picked, labels);
    }

    /** The requested picture files, for one all-or-nothing {@link AtomicFile#writeAll}. */
    List<AtomicFile.Output> outputs(Scene scene) {
        List<AtomicFile.Output> out = new ArrayList<>();
        if (png != null) out.add(new AtomicFile.Output(png, scene.pngWriter()));
        if (svg != null) out.add(new AtomicFile.Output(svg, scene.svgWriter()));
        return out;
    }

    /** Writes the requested files, all or nothing. */
    void write(Scene scene) { AtomicFile.writeAll(outputs(scene)); }
}
