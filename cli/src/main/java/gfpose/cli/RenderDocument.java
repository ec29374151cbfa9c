package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.Bvh;
import gfpose.io.BvhOptions;
import gfpose.io.BvhReader;
import gfpose.io.Json;
import gfpose.skeleton.Skeleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Poses to draw, read from an output document of {@code estimate/complete/denoise/generate/lift}
 * ({@code poses[].hypotheses[]}, joint name to {@code [x, y, z]}) or from a BVH file (one pose per frame, mm,
 * turned into camera axes).
 *
 * @param task    the document's task ("bvh" for a BVH file)
 * @param poses   {@code [pose][hypothesis]} 51 values each, camera-like axes (y down)
 * @param names   per pose, a label such as "frame 3"
 */
record RenderDocument(String task, List<List<float[]>> poses, List<String> names) {

    static RenderDocument read(Path file) {
        if (Files.isDirectory(file)) throw new GfposeException(file + ": is a directory");
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bvh")) return bvh(file);
        return json(Json.parse(gfpose.io.TextFile.read(file), file.toString()), file.toString());
    }

    private static RenderDocument bvh(Path file) {
        if (!Files.exists(file)) throw new GfposeException(file + ": no such file");
        Bvh b = BvhReader.read(file);
        List<float[]> frames = b.poses(BvhOptions.DEFAULT);
        if (frames.isEmpty()) throw new GfposeException(file + ": no frames");
        List<List<float[]>> poses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            poses.add(List.of(frames.get(f)));
            names.add("frame " + f);
        }
        return new RenderDocument("bvh", poses, names);
    }

    private static RenderDocument json(Object root, String src) {
        if (!(root instanceof Map) || !(((Map<?, ?>) root).get("poses") instanceof List))
            throw new GfposeException(src + ": expected a gfpose output document (an object with a \"poses\" array)");
        Map<?, ?> doc = (Map<?, ?>) root;
        String task = doc.get("task") instanceof String ? (String) doc.get("task") : "unknown";
        List<?> list = (List<?>) doc.get("poses");
        if (list.isEmpty()) throw new GfposeException(src + ": \"poses\" is empty");
        List<List<float[]>> poses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < list.size(); p++) {
            String where = src + ": pose " + p;
            if (!(list.get(p) instanceof Map) || !(((Map<?, ?>) list.get(p)).get("hypotheses") instanceof List))
                throw new GfposeException(where + ": expected an object with a \"hypotheses\" array");
            Map<?, ?> pose = (Map<?, ?>) list.get(p);
            List<?> hyps = (List<?>) pose.get("hypotheses");
            if (hyps.isEmpty()) throw new GfposeException(where + ": \"hypotheses\" is empty");
            List<float[]> out = new ArrayList<>();
            for (int h = 0; h < hyps.size(); h++) out.add(joints(hyps.get(h), where + ", hypothesis " + h));
            poses.add(out);
            Object frame = pose.get("frame");
            names.add(frame != null ? "frame " + frame : pose.get("id") != null ? "id " + pose.get("id") : "pose " + p);
        }
        return new RenderDocument(task, poses, names);
    }

    /** {@code {"pelvis": [x, y, z], ...}} with all 17 joints to 51 values. */
    private static float[] joints(Object o, String where) {
        if (!(o instanceof Map)) throw new GfposeException(where + ": expected an object of 17 named joints");
        float[] p = new float[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            Object v = ((Map<?, ?>) o).get(Skeleton.name(j));
            String at = where + ", joint " + Skeleton.name(j);
            if (!(v instanceof List) || ((List<?>) v).size() != 3)
                throw new GfposeException(at + ": expected [x, y, z]" + (v == null ? ", the joint is missing" : ""));
            for (int k = 0; k < 3; k++) {
                Object x = ((List<?>) v).get(k);
                if (!(x instanceof Number) || !Float.isFinite(((Number) x).floatValue()))
                    throw new GfposeException(at + ": value " + k + " is not a finite number: " + x);
                p[3 * j + k] = ((Number) x).floatValue();
            }
        }
        return p;
    }
}
