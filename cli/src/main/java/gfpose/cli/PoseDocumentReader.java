package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.Json;
import gfpose.io.KeypointOptions;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates an input document. Every error is one line naming the source, the pose (index and id)
 * and the joint, so a user can find the mistake in a large file.
 *
 * <pre>{"image_size": [1000, 1000],
 *  "poses": [{"id": "a", "keypoints": {"pelvis": [u, v], "r_hip": [u, v, conf], ...}},
 *            {"keypoints": [[u, v], null, ... 17 entries]}]}</pre>
 */
public final class PoseDocumentReader {
    /** The largest coordinate magnitude accepted, in pixels. */
    static final double MAX_COORDINATE = 1e6;

    /** Which keypoints a command accepts. */
    public enum Kind {
        /** {@code [u, v]} or {@code [u, v, confidence]} (estimate). */
        POINTS_2D,
        /** {@code [u, v, z]} or {@code [u, v, z, confidence]} (denoise). */
        POINTS_3D,
        /** 2-D {@code [u, v]} or 3-D as above, decided by the entries; one document may not mix them (complete). */
        EITHER
    }

    private static final Set<String> TOP_FIELDS = Set.of("image_size", "poses");
    private static final Set<String> POSE_FIELDS = Set.of("id", "keypoints");

    private final String source;
    private final Kind kind;
    private final double minConfidence;
    /** Dimensionality fixed by the first keypoint seen (0 = none yet), and where it was seen. */
    private int dims;
    private String dimsSeenAt;

    private PoseDocumentReader(String source, Kind kind, double minConfidence) {
        this.source = source;
        this.kind = kind;
        this.minConfidence = minConfidence;
        this.dims = kind == Kind.POINTS_2D ? 2 : kind == Kind.POINTS_3D ? 3 : 0;
    }

    /**
     * Parses and validates a document.
     *
     * @param source        file name for messages
     * @param minConfidence keypoints with confidence below it (or not above 0) are missing
     * @throws GfposeException one line naming source, pose and joint
     */
    public static PoseDocument read(String text, String source, Kind kind, double minConfidence) {
        return new PoseDocumentReader(source, kind, minConfidence).document(Json.parse(text, source));
    }

    private PoseDocument document(Object root) {
        if (!(root instanceof Map)) throw fail("expected a JSON object with a \"poses\" array at the top level");
        Map<?, ?> top = (Map<?, ?>) root;
        unknownFields(top, TOP_FIELDS, "");
        ImageSize size = top.containsKey("image_size") ? imageSize(top.get("image_size")) : null;
        if (!top.containsKey("poses")) throw fail("missing field \"poses\"");
        if (!(top.get("poses") instanceof List)) throw fail("\"poses\" must be an array");
        List<?> list = (List<?>) top.get("poses");
        if (list.isEmpty()) throw fail("\"poses\" is empty");

        List<double[][]> raw = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        Map<Object, Integer> seenIds = new HashMap<>();
        for (int p = 0; p < list.size(); p++) {
            Object item = list.get(p);
            if (!(item instanceof Map)) throw fail("pose " + p + ": expected an object with \"keypoints\"");
            Map<?, ?> pose = (Map<?, ?>) item;
            Object id = id(pose.get("id"), p);
            String where = poseName(p, id);
            unknownFields(pose, POSE_FIELDS, where + ": ");
            if (id != null) {
                Integer before = seenIds.putIfAbsent(id, p);
                if (before != null) throw fail(where + ": id already used by pose " + before);
            }
            if (!pose.containsKey("keypoints")) throw fail(where + ": missing field \"keypoints\"");
            raw.add(keypoints(pose.get("keypoints"), where));
            ids.add(id);
        }

        List<PoseDocument.Pose> poses = new ArrayList<>();
        for (int p = 0; p < raw.size(); p++) poses.add(pose(p, ids.get(p), raw.get(p)));
        return new PoseDocument(size, dims, List.copyOf(poses));
    }

    private PoseDocument.Pose pose(int p, Object id, double[][] joints) {
        float[] coords = new float[Skeleton.JOINTS * dims];
        boolean[] observed = new boolean[Skeleton.JOINTS];
        int count = 0;
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double[] e = joints[j];
            if (e == null) continue;
            if (e.length > dims) { // the extra value is the confidence
                double c = e[dims];
                if (!KeypointOptions.observed(c, minConfidence)) continue;
            }
            for (int d = 0; d < dims; d++) coords[j * dims + d] = (float) e[d];
            observed[j] = true;
            count++;
        }
        if (count == 0) {
            throw fail(poseName(p, id) + ": no observed joints (all are null, absent or below --min-confidence)");
        }
        return new PoseDocument.Pose(p, id, coords, observed);
    }

    private double[][] keypoints(Object v, String where) {
        double[][] joints = new double[Skeleton.JOINTS][];
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.size() != Skeleton.JOINTS) {
                throw fail(where + ": \"keypoints\" has " + l.size() + " entries, expected " + Skeleton.JOINTS
                        + " (one per joint in Human3.6M order, null for a missing joint)");
            }
            for (int j = 0; j < Skeleton.JOINTS; j++) joints[j] = entry(l.get(j), where, j);
        } else if (v instanceof Map) {
            String[] given = new String[Skeleton.JOINTS];
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String key = (String) e.getKey();
                int j;
                try {
                    j = Skeleton.index(key);
                } catch (IllegalArgumentException ex) {
                    throw fail(where + ": " + ex.getMessage());
                }
                if (given[j] != null) {
                    throw fail(where + ", joint " + Skeleton.name(j) + ": given twice (\"" + given[j] + "\" and \""
                            + key + "\")");
                }
                given[j] = key;
                joints[j] = entry(e.getValue(), where, j);
            }
        } else {
            throw fail(where + ": \"keypoints\" must be an object of named joints or an array of "
                    + Skeleton.JOINTS + " entries");
        }
        return joints;
    }

    /** One keypoint: null (missing) or an array of finite numbers whose length fits the command. */
    private double[] entry(Object v, String where, int j) {
        if (v == null) return null;
        String at = where + ", joint " + Skeleton.name(j);
        if (!(v instanceof List)) throw fail(at + ": expected " + shapes() + " or null, got " + describe(v));
        List<?> l = (List<?>) v;
        int d = dimsOf(l.size());
        if (d == 0) throw fail(at + ": expected " + shapes() + " or null, got " + l.size() + " values");
        if (dims == 0) {
            dims = d;
            dimsSeenAt = at;
        } else if (dims != d) {
            throw fail(at + ": mixes " + (d == 2 ? "2-D [u, v]" : "3-D [u, v, z]") + " with the "
                    + (dims == 2 ? "2-D" : "3-D") + " keypoints seen first (" + dimsSeenAt
                    + "); use one kind per document");
        }
        double[] e = new double[l.size()];
        for (int k = 0; k < e.length; k++) {
            Object x = l.get(k);
            if (!(x instanceof Long) && !(x instanceof Double)) throw fail(at + ": value " + k + " is not a number: " + describe(x));
            e[k] = ((Number) x).doubleValue();
            // a coordinate beyond a million pixels is a unit or parsing mistake upstream, not an image position
            if (!Double.isFinite(e[k]) || (k < d && !(Math.abs(e[k]) <= MAX_COORDINATE))) {
                throw fail(at + ": value " + k + " is out of range (coordinates within ±1e6 pixels): " + x);
            }
        }
        return e;
    }

    /** Dimensionality of a keypoint with n values, 0 when n is not allowed. */
    private int dimsOf(int n) {
        switch (kind) {
            case POINTS_2D: return n == 2 || n == 3 ? 2 : 0;
            case POINTS_3D: return n == 3 || n == 4 ? 3 : 0;
            default: return n == 2 ? 2 : n == 3 || n == 4 ? 3 : 0;
        }
    }

    private String shapes() {
        switch (kind) {
            case POINTS_2D: return "[u, v] or [u, v, confidence]";
            case POINTS_3D: return "[u, v, z] or [u, v, z, confidence]";
            default: return "[u, v], [u, v, z] or [u, v, z, confidence]";
        }
    }

    private ImageSize imageSize(Object v) {
        if (v instanceof List && ((List<?>) v).size() == 2) {
            Object w = ((List<?>) v).get(0);
            Object h = ((List<?>) v).get(1);
            if (w instanceof Long && h instanceof Long && (Long) w > 0 && (Long) h > 0
                    && (Long) w <= Integer.MAX_VALUE && (Long) h <= Integer.MAX_VALUE) {
                return new ImageSize(((Long) w).intValue(), ((Long) h).intValue());
            }
        }
        throw fail("\"image_size\" must be [width, height] in pixels (two positive integers), got " + describe(v));
    }

    private Object id(Object v, int p) {
        if (v == null || v instanceof String || v instanceof Long) return v;
        throw fail("pose " + p + ": \"id\" must be a string or an integer, got " + describe(v));
    }

    private void unknownFields(Map<?, ?> m, Set<String> allowed, String where) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw fail(where + "unknown field \"" + k + "\" (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    static String poseName(int p, Object id) {
        if (id == null) return "pose " + p;
        return "pose " + p + " (id " + (id instanceof String ? Json.write(id, 0) : id) + ")";
    }

    private static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "an array";
        String s = v instanceof String ? Json.write(v, 0) : String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private GfposeException fail(String message) {
        return new GfposeException(source + ": " + message);
    }
}
