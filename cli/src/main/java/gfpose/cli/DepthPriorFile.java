package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.AtomicFile;
import gfpose.io.Json;
import gfpose.io.TextFile;
import gfpose.skeleton.Skeleton;
import gfpose.task.DepthPrior;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file of a {@link DepthPrior}: {@code {"format": "gfpose-depth-prior", "version": 1, "units": "network",
 * "joints": {"r_hip": {"weight": [...], "mean": [...], "std": [...]}, ...}}} with all 17 joints by name.
 */
final class DepthPriorFile {
    static final String FORMAT = "gfpose-depth-prior";

    private DepthPriorFile() {}

    static void write(Path file, DepthPrior d, Map<String, Object> provenance) {
        Map<String, Object> joints = new LinkedHashMap<>();
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("weight", list(d.weight()[j]));
            c.put("mean", list(d.mean()[j]));
            c.put("std", list(d.std()[j]));
            joints.put(Skeleton.name(j), c);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1L);
        doc.put("units", "network");
        doc.putAll(provenance);
        doc.put("joints", joints);
        AtomicFile.writeString(file, Json.write(doc, 2) + "\n");
    }

    static DepthPrior read(Path file) {
        Object v = Json.parse(TextFile.read(file), file.toString());
        if (!(v instanceof Map<?, ?> doc) || !FORMAT.equals(doc.get("format"))) {
            throw new GfposeException(file + ": not a depth prior (\"format\": \"" + FORMAT + "\" missing)");
        }
        if (!Long.valueOf(1).equals(doc.get("version"))) throw new GfposeException(file + ": version must be 1, got " + doc.get("version"));
        if (!"network".equals(doc.get("units"))) throw new GfposeException(file + ": units must be \"network\", got " + doc.get("units"));
        if (!(doc.get("joints") instanceof Map<?, ?> joints)) throw new GfposeException(file + ": joints must be an object");
        float[][] w = new float[Skeleton.JOINTS][], m = new float[Skeleton.JOINTS][], s = new float[Skeleton.JOINTS][];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            String name = Skeleton.name(j);
            if (!(joints.get(name) instanceof Map<?, ?> c)) throw new GfposeException(file + ": joints." + name + " is missing");
            w[j] = floats(c.get("weight"), file + ": joints." + name + ".weight");
            m[j] = floats(c.get("mean"), file + ": joints." + name + ".mean");
            s[j] = floats(c.get("std"), file + ": joints." + name + ".std");
        }
        if (joints.size() != Skeleton.JOINTS) throw new GfposeException(file + ": joints has " + joints.size() + " entries, expected the " + Skeleton.JOINTS + " joint names");
        try {
            return new DepthPrior(w, m, s);
        } catch (GfposeException e) {
            throw new GfposeException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> list(float[] v) {
        List<Object> out = new ArrayList<>();
        for (float x : v) out.add((double) x);
        return out;
    }

    private static float[] floats(Object v, String where) {
        if (!(v instanceof List<?> l) || l.isEmpty() || l.size() > 64) throw new GfposeException(where + " must be an array of 1 to 64 numbers");
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) throw new GfposeException(where + "[" + i + "] must be a number");
            out[i] = n.floatValue();
        }
        return out;
    }
}
