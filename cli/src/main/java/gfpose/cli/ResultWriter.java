package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.AtomicFile;
import gfpose.io.Json;
import gfpose.skeleton.Skeleton;
import gfpose.task.Consensus;
import gfpose.task.ImageSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the output document and writes it in one piece, only once everything has succeeded. */
final class ResultWriter {
    /** The value of {@code coordinate_frame}: what the numbers mean. */
    static final String FRAME = "gfpose image frame: u,v pixels; z root-relative depth in pixel units";

    private ResultWriter() {}

    /**
     * The output document.
     *
     * @param inputs the input poses, or null for generation (then poses are numbered 0..n-1)
     * @param result {@code [pose][hypothesis][51]} as returned by {@code PosePrior}; with several hypotheses each pose
     *               also gets its {@link Consensus} ({@code consensus}, {@code spread_px}, {@code closest_hypothesis})
     */
    static Map<String, Object> document(String task, ImageSize size, Map<String, Object> settings,
                                        List<PoseDocument.Pose> inputs, float[][][] result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task", task);
        doc.put("settings", settings);
        doc.put("coordinate_frame", FRAME);
        doc.put("image_size", List.of(size.width(), size.height()));
        List<Object> poses = new ArrayList<>();
        for (int p = 0; p < result.length; p++) {
            Map<String, Object> pose = new LinkedHashMap<>();
            pose.put("index", p);
            if (inputs != null) {
                PoseDocument.Pose in = inputs.get(p);
                if (in.id() != null) pose.put("id", in.id());
                List<String> missing = in.missing();
                if (!missing.isEmpty()) pose.put("missing", missing);
            }
            List<Object> hyps = new ArrayList<>();
            for (int h = 0; h < result[p].length; h++) hyps.add(joints(result[p][h], p, h));
            pose.put("hypotheses", hyps);
            if (result[p].length > 1) {
                // one answer per pose, and how much the hypotheses disagree about each joint
                Consensus c = Consensus.of(result[p]);
                pose.put("consensus", joints(c.pose(), p, -1));
                Map<String, Object> spread = new LinkedHashMap<>();
                for (int j = 0; j < Skeleton.JOINTS; j++) spread.put(Skeleton.name(j), Math.round(c.spread()[j] * 100) / 100.0);
                pose.put("spread_px", spread);
                pose.put("closest_hypothesis", c.closest());
            }
            poses.add(pose);
        }
        doc.put("poses", poses);
        return doc;
    }

    /** One hypothesis as {@code {"pelvis": [u, v, z], ...}} in joint order. */
    private static Map<String, Object> joints(float[] xyz, int p, int h) {
        if (xyz == null || xyz.length != Skeleton.DIM) {
            throw new IllegalStateException("pose " + p + " hypothesis " + h + " has "
                    + (xyz == null ? "no" : xyz.length) + " values, expected " + Skeleton.DIM);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            float[] v = {xyz[3 * j], xyz[3 * j + 1], xyz[3 * j + 2]};
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    throw new GfposeException("the model produced a non-finite coordinate (pose " + p + ", hypothesis "
                            + h + ", joint " + Skeleton.name(j) + "); the weights file may be damaged");
                }
            }
            m.put(Skeleton.name(j), v);
        }
        return m;
    }

    /** Writes to the file atomically, or to stdout when {@code output} is null or "-". */
    static void write(Path output, String text, PrintWriter stdout) {
        if (output == null || "-".equals(output.toString())) {
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFile.writeString(output, text);
        }
    }
}
