package gfpose.skeleton;

import gfpose.GfposeException;

/**
 * The kinematic tree over the 17 Human3.6M joints, with rest offsets, inverse kinematics (positions to local
 * rotations) and forward kinematics.
 *
 * <p><b>Nodes.</b> The 17 joints plus four zero-length "branch" nodes ({@code r_pelvis, l_pelvis, l_collar,
 * r_collar}) between a joint with several children and its side children. A joint has a single rotation, so
 * without them the angles between the hips and the spine (or between the shoulders and the neck) would be
 * frozen at their rest values; with them every bone has its own rotation and any pose is reproduced exactly.
 * Nodes are in depth-first order (parents first), which is also the BVH joint order.
 *
 * <p><b>Rest pose</b> (T-pose), Y up, the person facing +Z, so +X is the person's left: legs point down (-Y),
 * the spine, neck and head up (+Y), hips and arms sideways (left +X, right -X). Each offset is the rest
 * direction times the bone length, so a rig built from a pose's own lengths reproduces that pose exactly.
 *
 * <p><b>Rotations</b> (what positions cannot determine is fixed as follows):
 * <ul>
 *   <li>pelvis and thorax (several children): the frame whose +Y points along the spine (pelvis to spine; thorax
 *       to neck) and whose +X lies in the plane of that bone and the left-minus-right hip (shoulder) axis; the
 *       branch nodes then add the minimal swing to each side child;
 *   <li>single-child joints and branch nodes: the minimal rotation (swing, no twist) carrying the rest bone
 *       direction, seen in the parent's frame, onto the actual one;
 *   <li>leaves (ankles, head, wrists) and zero-length bones: identity.
 * </ul>
 */
public final class Rig {
    /** Number of nodes (17 joints + 4 branch nodes). */
    public static final int NODES = 21;

    private static final String[] NAMES = {
        "pelvis", "r_pelvis", "r_hip", "r_knee", "r_ankle", "l_pelvis", "l_hip", "l_knee", "l_ankle",
        "spine", "thorax", "neck", "head", "l_collar", "l_shoulder", "l_elbow", "l_wrist",
        "r_collar", "r_shoulder", "r_elbow", "r_wrist"
    };
    private static final int[] PARENT = {-1, 0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11, 10, 13, 14, 15, 10, 17, 18, 19};
    /** H36M joint of each node, -1 for branch nodes. */
    private static final int[] JOINT = {0, -1, 1, 2, 3, -1, 4, 5, 6, 7, 8, 9, 10, -1, 11, 12, 13, -1, 14, 15, 16};
    /** Rest direction of each joint's incoming bone (child joint 1..16), in the rest frame. */
    private static final double[][] REST_DIR = new double[Skeleton.JOINTS][];
    private static final int[] NODE_OF = new int[Skeleton.JOINTS];
    /** Mean training bone lengths in mm, child joint 1..16 (data/h36m/README.md). */
    private static final double[] MEAN_H36M = {
        134.6, 449.2, 445.9, 134.6, 449.2, 445.9, 240.3, 255.1, 116.6, 115.5, 149.3, 279.2, 250.0, 149.3, 279.2, 250.0
    };

    static {
        double[] left = {1, 0, 0}, right = {-1, 0, 0}, up = {0, 1, 0}, down = {0, -1, 0};
        double[][] d = {null, right, down, down, left, down, down, up, up, up, up, left, left, left, right, right, right};
        System.arraycopy(d, 0, REST_DIR, 0, d.length);
        for (int n = 0; n < NODES; n++) if (JOINT[n] >= 0) NODE_OF[JOINT[n]] = n;
    }

    private final double[] lengths;
    private final double[][] offsets = new double[NODES][];

    private Rig(double[] lengths) {
        this.lengths = lengths.clone();
        for (int n = 0; n < NODES; n++) {
            int j = JOINT[n];
            // a branch node sits on its parent joint; its child joint carries the bone's full offset
            offsets[n] = (j <= 0) ? new double[3] : Vec.scale(REST_DIR[j], lengths[j - 1]);
        }
    }

    /**
     * {@return a rig with the given bone lengths (child joint 1..16, 16 values, any unit)}
     *
     * @param lengths 16 values, index j - 1 for the bone into joint j; finite and &gt;= 0; copied
     * @throws GfposeException when there are not 16 values or one is negative, NaN or infinite
     */
    public static Rig ofBoneLengths(double[] lengths) {
        if (lengths.length != Skeleton.JOINTS - 1)
            throw new GfposeException("bone lengths: expected " + (Skeleton.JOINTS - 1) + " values, got " + lengths.length);
        for (int k = 0; k < lengths.length; k++)
            if (!(lengths[k] >= 0) || Double.isInfinite(lengths[k]))
                throw new GfposeException("bone lengths: joint " + Skeleton.name(k + 1) + " has length " + lengths[k]);
        return new Rig(lengths);
    }

    /**
     * {@return a rig with the pose's own bone lengths (FK of its IK reproduces the pose exactly)}
     *
     * @param pose 51 values: 17 joints x (x, y, z), joint-major, all finite, any unit
     * @throws GfposeException when the pose has not 51 values or one is not finite
     */
    public static Rig fromPose(float[] pose) { return new Rig(boneLengths(pose)); }

    /** {@return a rig with the mean Human3.6M training bone lengths, in mm} */
    public static Rig meanH36m() { return new Rig(MEAN_H36M); }

    /**
     * Bone lengths of a pose, child joint 1..16.
     *
     * @param pose 51 values: 17 joints x (x, y, z), joint-major, all finite, any unit
     * @return 16 lengths in the pose's unit, index j - 1 for the bone from joint j's parent to joint j
     * @throws GfposeException when the pose has not 51 values or one is not finite
     */
    public static double[] boneLengths(float[] pose) {
        checkPose(pose);
        double[] l = new double[Skeleton.JOINTS - 1];
        for (int j = 1; j < Skeleton.JOINTS; j++)
            l[j - 1] = Vec.norm(Vec.sub(Vec.joint(pose, j), Vec.joint(pose, Skeleton.parent(j))));
        return l;
    }

    /** {@return a copy of this rig's 16 bone lengths, index j - 1 for the bone into joint j} */
    public double[] boneLengths() { return lengths.clone(); }

    /**
     * {@return the name of node n: its joint's name, or r_pelvis, l_pelvis, l_collar, r_collar for a branch node}
     *
     * @param n node index, 0 to {@link #NODES} - 1 in depth-first order
     */
    public static String nodeName(int n) { return NAMES[n]; }

    /**
     * {@return the parent node of node n, -1 for the root (the pelvis)}
     *
     * @param n node index, 0 to {@link #NODES} - 1 in depth-first order
     */
    public static int nodeParent(int n) { return PARENT[n]; }

    /**
     * {@return the H36M joint of a node, or -1 for a branch node}
     *
     * @param n node index, 0 to {@link #NODES} - 1 in depth-first order
     */
    public static int nodeJoint(int n) { return JOINT[n]; }

    /**
     * {@return the node of an H36M joint}
     *
     * @param joint joint index 0..16 in {@link Skeleton}'s order
     */
    public static int nodeOf(int joint) { return NODE_OF[joint]; }

    /**
     * {@return whether node n has no children (ankles, head, wrists)}
     *
     * @param n node index, 0 to {@link #NODES} - 1 in depth-first order
     */
    public static boolean isLeaf(int n) { return n == NODES - 1 || PARENT[n + 1] != n; }

    /**
     * Rest offset of a node from its parent (zero for the root and the branch nodes).
     *
     * @param n node index, 0 to {@link #NODES} - 1 in depth-first order
     * @return a copy of the offset, 3 values in the rig's unit, in the rest frame (Y up)
     */
    public double[] offset(int n) { return offsets[n].clone(); }

    /**
     * Rest direction (unit) of the bone into H36M joint j = 1..16; leaves' end sites continue it.
     *
     * @param j joint index 1..16 (the pelvis has no incoming bone)
     * @return a copy of the direction, 3 values, in the rest frame (Y up, the person facing +Z)
     */
    public static double[] restDirection(int j) {
        if (j < 1 || j >= Skeleton.JOINTS) throw new IllegalArgumentException("joint " + j + " has no incoming bone (1..16 have one)");
        return REST_DIR[j].clone();
    }

    /** {@return the rest (T-) pose with the pelvis at the origin: 51 values, joint-major, Y up, in the rig's unit} */
    public float[] restPose() {
        Quat[] id = new Quat[NODES];
        java.util.Arrays.fill(id, Quat.IDENTITY);
        return forward(new RotationalPose(new double[3], id));
    }

    /**
     * Forward kinematics: the 17 joint positions.
     *
     * @param rp the root position and one local rotation per node
     * @return 51 values: 17 joints x (x, y, z), joint-major, in the frame and unit of {@code rp}'s root position
     */
    public float[] forward(RotationalPose rp) {
        Quat[] g = new Quat[NODES];
        double[][] p = new double[NODES][];
        float[] pose = new float[Skeleton.DIM];
        for (int n = 0; n < NODES; n++) {
            int par = PARENT[n];
            if (par < 0) {
                g[n] = rp.local()[n];
                p[n] = rp.root().clone();
            } else {
                g[n] = g[par].mul(rp.local()[n]);
                p[n] = Vec.add(p[par], g[par].rotate(offsets[n]));
            }
            int j = JOINT[n];
            if (j >= 0) for (int a = 0; a < 3; a++) pose[3 * j + a] = (float) p[n][a];
        }
        return pose;
    }

    /**
     * Inverse kinematics: the root position and the local rotations that put each bone of this rig along the
     * pose's bone (conventions in the class comment). Bone lengths come from the rig, directions from the pose.
     *
     * @param pose 51 values: 17 joints x (x, y, z), joint-major, all finite, any unit
     * @return the pelvis position (in the pose's frame and unit) and one local rotation per node
     * @throws GfposeException when the pose has not 51 values or one is not finite
     */
    public RotationalPose inverse(float[] pose) {
        checkPose(pose);
        Quat[] g = new Quat[NODES], local = new Quat[NODES];
        for (int n = 0; n < NODES; n++) {
            int par = PARENT[n];
            Quat parentG = par < 0 ? Quat.IDENTITY : g[par];
            int j = JOINT[n];
            if (j == Skeleton.PELVIS) {
                g[n] = frame(pose, j, Skeleton.SPINE, Skeleton.L_HIP, Skeleton.R_HIP);
            } else if (j == Skeleton.THORAX) {
                g[n] = frame(pose, j, Skeleton.NECK, Skeleton.L_SHOULDER, Skeleton.R_SHOULDER);
            } else if (isLeaf(n)) {
                g[n] = parentG;
            } else {
                int child = JOINT[n + 1]; // single child: the next node in depth-first order
                int from = j >= 0 ? j : JOINT[par];
                double[] d = Vec.sub(Vec.joint(pose, child), Vec.joint(pose, from));
                Quat swing = Vec.unit(d) == null ? Quat.IDENTITY
                        : Quat.fromTo(REST_DIR[child], parentG.conjugate().rotate(d));
                g[n] = parentG.mul(swing);
            }
            local[n] = parentG.conjugate().mul(g[n]).normalized();
        }
        return new RotationalPose(Vec.joint(pose, Skeleton.PELVIS), local);
    }

    /** World frame of a multi-child joint: +Y along (primary - j), +X towards (left - right) within that plane. */
    private static Quat frame(float[] pose, int j, int primary, int left, int right) {
        double[] y = Vec.unit(Vec.sub(Vec.joint(pose, primary), Vec.joint(pose, j)));
        double[] side = Vec.sub(Vec.joint(pose, left), Vec.joint(pose, right));
        if (y == null) {
            double[] s = Vec.unit(side);
            return s == null ? Quat.IDENTITY : Quat.fromTo(new double[] {1, 0, 0}, s);
        }
        double[] x = Vec.unit(Vec.sub(side, Vec.scale(y, Vec.dot(side, y))));
        if (x == null) return Quat.fromTo(new double[] {0, 1, 0}, y); // side axis degenerate: swing only
        double[] z = Vec.cross(x, y);
        return Quat.fromMatrix(new double[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]});
    }

    static void checkPose(float[] pose) {
        if (pose.length != Skeleton.DIM)
            throw new GfposeException("pose: expected " + Skeleton.DIM + " values (17 joints x 3), got " + pose.length);
        for (int k = 0; k < pose.length; k++)
            if (!Float.isFinite(pose[k]))
                throw new GfposeException("pose: joint " + Skeleton.name(k / 3) + " has a non-finite coordinate " + pose[k]);
    }
}
