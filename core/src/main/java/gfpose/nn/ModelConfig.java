package gfpose.nn;

import gfpose.GfposeException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shape of a {@code ScoreModelFC_Adv}: GFPose ships joints 17, jointDim 3, condDim 3, hidden 1024, embed 512,
 * blocks 2, groups 32. Stored as string metadata in the weights file so other sizes load too.
 */
public record ModelConfig(int joints, int jointDim, int condDim, int hidden, int embed, int blocks, int groups) {

    /** The configuration of the official GFPose model. */
    public static final ModelConfig GFPOSE = new ModelConfig(17, 3, 3, 1024, 512, 2, 32);

    public ModelConfig {
        check("joints", joints, 1);
        check("joint_dim", jointDim, 1);
        check("cond_dim", condDim, 1);
        check("hidden", hidden, 1);
        check("embed", embed, 2);
        check("blocks", blocks, 0);
        check("groups", groups, 1);
        if (hidden % groups != 0) throw new GfposeException("model config: hidden " + hidden + " is not a multiple of groups " + groups);
        if (embed % 2 != 0) throw new GfposeException("model config: embed " + embed + " must be even");
    }

    private static void check(String field, int v, int min) {
        if (v < min) throw new GfposeException("model config: " + field + " must be >= " + min + ", got " + v);
    }

    /** A GFPose-shaped model with another width and depth. */
    public static ModelConfig of(int hidden, int embed, int blocks, int groups) {
        return new ModelConfig(17, 3, 3, hidden, embed, blocks, groups);
    }

    public int inDim() { return joints * jointDim; }

    public int condIn() { return joints * condDim; }

    /** Metadata entries written to the weights file. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gfpose.model", "ScoreModelFC_Adv");
        m.put("gfpose.joints", Integer.toString(joints));
        m.put("gfpose.joint_dim", Integer.toString(jointDim));
        m.put("gfpose.cond_dim", Integer.toString(condDim));
        m.put("gfpose.hidden", Integer.toString(hidden));
        m.put("gfpose.embed", Integer.toString(embed));
        m.put("gfpose.blocks", Integer.toString(blocks));
        m.put("gfpose.groups", Integer.toString(groups));
        return m;
    }

    /** Reads the configuration from weights metadata; absent keys take GFPose's values. */
    public static ModelConfig fromMetadata(Map<String, String> m, String where) {
        return new ModelConfig(
                read(m, "gfpose.joints", GFPOSE.joints, where), read(m, "gfpose.joint_dim", GFPOSE.jointDim, where),
                read(m, "gfpose.cond_dim", GFPOSE.condDim, where), read(m, "gfpose.hidden", GFPOSE.hidden, where),
                read(m, "gfpose.embed", GFPOSE.embed, where), read(m, "gfpose.blocks", GFPOSE.blocks, where),
                read(m, "gfpose.groups", GFPOSE.groups, where));
    }

    private static int read(Map<String, String> m, String key, int dflt, String where) {
        String v = m.get(key);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new GfposeException(where + ": metadata '" + key + "' is not an integer: '" + v + "'");
        }
    }
}
