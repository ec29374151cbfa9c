package gfpose.skeleton;

import java.util.Locale;

/** The Human3.6M 17-joint skeleton used by GFPose (VideoPose3D / Martinez order). */
public final class Skeleton {
    private Skeleton() {}

    /** Joints per pose. */
    public static final int JOINTS = 17;
    /** Values per pose in the flattened, joint-major layout (j0.x, j0.y, j0.z, j1.x, ...). */
    public static final int DIM = JOINTS * 3;

    /** Joint indices, in the order of every pose array; {@link #name} gives their names. */
    public static final int PELVIS = 0, R_HIP = 1, R_KNEE = 2, R_ANKLE = 3, L_HIP = 4, L_KNEE = 5, L_ANKLE = 6,
            SPINE = 7, THORAX = 8, NECK = 9, HEAD = 10, L_SHOULDER = 11, L_ELBOW = 12, L_WRIST = 13,
            R_SHOULDER = 14, R_ELBOW = 15, R_WRIST = 16;

    private static final String[] NAMES = {
        "pelvis", "r_hip", "r_knee", "r_ankle", "l_hip", "l_knee", "l_ankle", "spine", "thorax",
        "neck", "head", "l_shoulder", "l_elbow", "l_wrist", "r_shoulder", "r_elbow", "r_wrist"
    };
    private static final int[] PARENTS = {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15};
    private static final int[] LEFT = {4, 5, 6, 11, 12, 13};
    private static final int[] RIGHT = {1, 2, 3, 14, 15, 16};
    /** Mirror partner of each joint (itself for the centre line). */
    private static final int[] MIRROR = {0, 4, 5, 6, 1, 2, 3, 7, 8, 9, 10, 14, 15, 16, 11, 12, 13};
    /** GFPose's five body parts for hierarchical masking: right leg, left leg, left arm, right arm, torso+head. */
    private static final int[][] PARTS = {{1, 2, 3}, {4, 5, 6}, {11, 12, 13}, {14, 15, 16}, {0, 7, 8, 9, 10}};
    private static final String[] PART_NAMES = {"right_leg", "left_leg", "left_arm", "right_arm", "torso"};
    /** The 8 limb joints GFPose draws missing joints from ({@code --randj}). */
    private static final int[] LIMB_JOINTS = {12, 13, 15, 16, 5, 6, 2, 3};

    /**
     * {@return the lower-case name of joint j, e.g. "l_wrist" (accepted by {@link #index})}
     *
     * @param j joint index 0..16 in the order of this class's constants
     */
    public static String name(int j) { return NAMES[j]; }

    /**
     * {@return the parent of joint j, -1 for the pelvis (the root)}
     *
     * @param j joint index 0..16 in the order of this class's constants
     */
    public static int parent(int j) { return PARENTS[j]; }

    /**
     * {@return joint j's left/right mirror partner (j itself for the pelvis, spine, thorax, neck and head)}
     *
     * @param j joint index 0..16 in the order of this class's constants
     */
    public static int mirror(int j) { return MIRROR[j]; }

    /** {@return a copy of every joint's parent, 17 values, -1 for the pelvis} */
    public static int[] parents() { return PARENTS.clone(); }

    /** {@return the six left-side joints (hip, knee, ankle, shoulder, elbow, wrist), a copy} */
    public static int[] left() { return LEFT.clone(); }

    /** {@return the six right-side joints, in the same order as {@link #left()}, a copy} */
    public static int[] right() { return RIGHT.clone(); }

    /** {@return the number of body parts for hierarchical masking (5)} */
    public static int partCount() { return PARTS.length; }

    /**
     * {@return a copy of the joints of body part p}
     *
     * @param p part index 0..4: right leg, left leg, left arm, right arm, torso (with the head)
     */
    public static int[] part(int p) { return PARTS[p].clone(); }

    /**
     * {@return the name of body part p: "right_leg", "left_leg", "left_arm", "right_arm" or "torso"}
     *
     * @param p part index 0..4: right leg, left leg, left arm, right arm, torso (with the head)
     */
    public static String partName(int p) { return PART_NAMES[p]; }

    /**
     * {@return a copy of the 8 limb joints GFPose draws missing joints from ({@code --randj}): elbows, wrists, knees
     * and ankles}
     */
    public static int[] limbJoints() { return LIMB_JOINTS.clone(); }

    /** {@return the 16 bones as (parent, child) pairs, child = 1..16, index child - 1} */
    public static int[][] bones() {
        int[][] b = new int[JOINTS - 1][];
        for (int j = 1; j < JOINTS; j++) b[j - 1] = new int[] {PARENTS[j], j};
        return b;
    }

    /**
     * Joint index for a name (case-insensitive; '-', ' ' and '_' are equivalent) or a decimal index.
     *
     * @param nameOrIndex a joint name such as "L-Wrist", an alias ("root", "hip", "nose", "head_top", "belly") or
     *                    "0".."16"
     * @return the joint index 0..16
     * @throws IllegalArgumentException naming the unknown joint
     */
    public static int index(String nameOrIndex) {
        String s = nameOrIndex.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (int j = 0; j < JOINTS; j++) if (NAMES[j].equals(s)) return j;
        switch (s) {
            case "root": case "hip": return PELVIS;
            case "nose": return NECK;
            case "head_top": return HEAD;
            case "belly": return SPINE;
            default: break;
        }
        try {
            int j = Integer.parseInt(s);
            if (j >= 0 && j < JOINTS) return j;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException("unknown joint '" + nameOrIndex + "' (expected one of "
                + String.join(", ", NAMES) + ", or an index 0.." + (JOINTS - 1) + ")");
    }
}
