package gfpose.nn;

import gfpose.GfposeException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shape of a {@code ScoreModelFC_Adv}: GFPose ships joints 17, jointDim 3, condDim 3, hidden 1024, embed 512,
 * blocks 2, groups 32. Stored as string metadata in the weights file so other sizes load too.
 *
 * @param joints   number of joints (GFPose: 17, Human3.6M order)
 * @param jointDim values per joint of the pose x and of the output (3: x, y, z)
 * @param condDim  values per joint of the condition; {@link ScoreNet} requires it to equal jointDim (3, 2-D
 *                 conditions padded with z = 0)
 * @param hidden   width of the hidden layers (1024); a multiple of groups
 * @param embed    width of the sinusoidal time embedding and the time MLP (512); even
 * @param blocks   number of residual blocks (2; may be 0)
 * @param groups   number of GroupNorm groups over the hidden channels (32)
 */
public record ModelConfig(int joints, int jointDim, int condDim, int hidden, int embed, int blocks, int groups) {

    /** The configuration of the official GFPose model. */
    public static final ModelConfig GFPOSE = new ModelConfig(17, 3, 3, 1024, 512, 2, 32);

    /**
     * Validates the shape.
     *
     * @param joints   number of joints (≥ 1)
     * @param jointDim values per joint of the pose (≥ 1)
     * @param condDim  values per joint of the condition (≥ 1)
     * @param hidden   hidden width (≥ 1, a multiple of groups)
     * @param embed    time embedding width (≥ 2, even)
     * @param blocks   residual blocks (≥ 0)
     * @param groups   GroupNorm groups (≥ 1)
     * @throws GfposeException if a size is below its minimum, hidden is not a multiple of groups or embed is odd
     */
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

    /**
     * A GFPose-shaped model with another width and depth: 17 joints, 3-D poses and conditions.
     *
     * @param hidden hidden width (a multiple of groups)
     * @param embed  time embedding width (even)
     * @param blocks number of residual blocks (≥ 0)
     * @param groups GroupNorm groups
     * @return the configuration
     * @throws GfposeException if the sizes are invalid (see the canonical constructor)
     */
    public static ModelConfig of(int hidden, int embed, int blocks, int groups) {
        return new ModelConfig(17, 3, 3, hidden, embed, blocks, groups);
    }

    /**
     * Length of one pose row: the network's input and output width.
     *
     * @return joints·jointDim (51 for GFPose)
     */
    public int inDim() { return joints * jointDim; }

    /**
     * Length of one condition (and mask) row.
     *
     * @return joints·condDim (51 for GFPose)
     */
    public int condIn() { return joints * condDim; }

    /**
     * Metadata entries written to the weights file.
     *
     * @return a new ordered map: {@code gfpose.model} and one {@code gfpose.*} key per component, values in decimal
     */
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

    /**
     * Reads the configuration from weights metadata; absent keys take GFPose's values.
     *
     * @param m     the file's {@code __metadata__} strings, as written by {@link #toMetadata()}
     * @param where names the source (e.g. the file) in error messages
     * @return the configuration
     * @throws GfposeException if a value is not an integer or the sizes are invalid
     */
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
