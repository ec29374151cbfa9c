package gfpose.cli;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;
import gfpose.task.Framing;
import gfpose.task.Lifter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON output of {@code lift}. Same shape as the sampling commands' documents ({@code poses[].hypotheses[]},
 * joint name to {@code [x, y, z]}), so {@code gfpose render} draws either; the numbers are millimetres.
 */
final class LiftDocument {
    /** The value of {@code coordinate_frame}. */
    static final String FRAME = "camera millimetres, pelvis at the origin: x right, y down, z away from the camera";

    private LiftDocument() {}

    static Map<String, Object> build(Map<String, Object> settings, LiftInput input, List<Lifter.Lifted> lifted) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task", "lift");
        doc.put("settings", settings);
        doc.put("coordinate_frame", FRAME);
        doc.put("units", "mm");
        Map<String, Object> cam = new LinkedHashMap<>();
        cam.put("focal_px", Framing.FOCAL);
        cam.put("principal_point_px", List.of(Framing.CX, Framing.CY));
        cam.put("root_depth_mm", Lifter.ROOT_DEPTH_MM);
        doc.put("virtual_camera", cam);
        List<Object> poses = new ArrayList<>();
        for (int i = 0; i < lifted.size(); i++) {
            Map<String, Object> pose = new LinkedHashMap<>();
            pose.put("index", i);
            pose.putAll(input.ids().get(i));
            Keypoints2D k = input.people().get(i);
            if (k.hasImageSize()) pose.put("image_size", List.of(k.width(), k.height()));
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < Skeleton.JOINTS; j++) if (!k.isObserved(j)) missing.add(Skeleton.name(j));
            if (!missing.isEmpty()) pose.put("missing", missing);
            List<Object> hyps = new ArrayList<>();
            for (float[] h : lifted.get(i).mm()) hyps.add(joints(h, input.labels().get(i)));
            pose.put("hypotheses", hyps);
            poses.add(pose);
        }
        doc.put("poses", poses);
        return doc;
    }

    private static Map<String, Object> joints(float[] xyz, String where) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            float[] v = {xyz[3 * j], xyz[3 * j + 1], xyz[3 * j + 2]};
            for (float f : v)
                if (!Float.isFinite(f))
                    throw new GfposeException(where + ", joint " + Skeleton.name(j)
                            + ": the model produced a non-finite coordinate; the weights file may be damaged");
            m.put(Skeleton.name(j), v);
        }
        return m;
    }
}
