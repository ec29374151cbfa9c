package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import java.util.Locale;

/**
 * 2-D keypoint layouts of common detectors and their mapping to Human3.6M-17.
 *
 * <p>Derived joints (the mean of several source joints) are missing when any source is missing:
 * <ul>
 *   <li>pelvis = mid-hips (COCO); OpenPose's MidHip and MPII's pelvis are used directly;
 *   <li>thorax = mid-shoulders (COCO); OpenPose's Neck (itself mid-shoulders in its training labels) and MPII's
 *       thorax directly;
 *   <li>neck/nose = the nose (COCO, OpenPose): Human3.6M's joint 9 sits at the nose; MPII: upper neck;
 *   <li>head top: MPII only; COCO's eyes and ears are well below the top of the head, so it is missing;
 *   <li>spine: missing unless {@link KeypointOptions#deriveSpine()} (mid pelvis-thorax; mean bone lengths
 *       240 and 255 mm put it near the middle).
 * </ul>
 */
public enum KeypointFormat {
    /** COCO-17: nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles (left before right). */
    COCO_17(new String[] {"nose", "l_eye", "r_eye", "l_ear", "r_ear", "l_shoulder", "r_shoulder", "l_elbow",
        "r_elbow", "l_wrist", "r_wrist", "l_hip", "r_hip", "l_knee", "r_knee", "l_ankle", "r_ankle"},
            new int[][] {{11, 12}, {12}, {14}, {16}, {11}, {13}, {15}, {}, {5, 6}, {0}, {}, {5}, {7}, {9}, {6}, {8}, {10}}),
    /** MPII-16 (Stacked Hourglass), order as in data/h36m/README.md. */
    MPII_16(new String[] {"r_ankle", "r_knee", "r_hip", "l_hip", "l_knee", "l_ankle", "pelvis", "thorax",
        "upper_neck", "head_top", "r_wrist", "r_elbow", "r_shoulder", "l_shoulder", "l_elbow", "l_wrist"},
            new int[][] {{6}, {2}, {1}, {0}, {3}, {4}, {5}, {}, {7}, {8}, {9}, {13}, {14}, {15}, {12}, {11}, {10}}),
    /** OpenPose BODY_25. */
    OPENPOSE_25(new String[] {"nose", "neck", "r_shoulder", "r_elbow", "r_wrist", "l_shoulder", "l_elbow", "l_wrist",
        "mid_hip", "r_hip", "r_knee", "r_ankle", "l_hip", "l_knee", "l_ankle", "r_eye", "l_eye", "r_ear", "l_ear",
        "l_big_toe", "l_small_toe", "l_heel", "r_big_toe", "r_small_toe", "r_heel"},
            new int[][] {{8}, {9}, {10}, {11}, {12}, {13}, {14}, {}, {1}, {0}, {}, {5}, {6}, {7}, {2}, {3}, {4}}),
    /** Human3.6M-17 itself (gfpose's order). */
    H36M_17(names17(), identity());

    private final String[] names;
    private final int[][] sources;

    KeypointFormat(String[] names, int[][] sources) {
        this.names = names;
        this.sources = sources;
    }

    /**
     * Number of joints in this layout.
     *
     * @return 17 for COCO and Human3.6M, 16 for MPII, 25 for OpenPose
     */
    public int joints() { return names.length; }

    /**
     * The name of a joint of this layout, lower case with underscores (e.g. {@code l_shoulder}).
     *
     * @param k the joint index, 0 to {@code joints() - 1}
     * @return the joint's name
     * @throws ArrayIndexOutOfBoundsException for an index outside the layout
     */
    public String jointName(int k) { return names[k]; }

    /**
     * Index of a joint by name or decimal index.
     *
     * @param nameOrIndex a joint name as {@link #jointName} gives it (case-insensitive; surrounding spaces ignored,
     *                    '-' and ' ' read as '_'), or an index from 0 to {@code joints() - 1}
     * @return the joint's index
     * @throws GfposeException naming the layout and the joint when it is neither
     */
    public int jointIndex(String nameOrIndex) {
        String s = nameOrIndex.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (int k = 0; k < names.length; k++) if (names[k].equals(s)) return k;
        try {
            int k = Integer.parseInt(s);
            if (k >= 0 && k < names.length) return k;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new GfposeException("unknown " + this + " joint '" + nameOrIndex + "'");
    }

    /**
     * Parses "coco", "coco17", "mpii", "openpose", "body25", "h36m" (case-insensitive).
     *
     * @param s a format name; characters other than letters and digits are ignored, so "COCO-17" and "h36m_17" work
     * @return the format
     * @throws GfposeException naming the unknown format and listing the known ones
     */
    public static KeypointFormat parse(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        switch (t) {
            case "coco": case "coco17": return COCO_17;
            case "mpii": case "mpii16": return MPII_16;
            case "openpose": case "body25": case "openpose25": case "openposebody25": return OPENPOSE_25;
            case "h36m": case "h36m17": case "human36m": return H36M_17;
            default: throw new GfposeException("unknown keypoint format '" + s + "' (coco, mpii, openpose, h36m)");
        }
    }

    /**
     * Maps one person's keypoints to Human3.6M-17.
     *
     * @param xy     {@code 2 * joints()} pixel coordinates, joint-major
     * @param conf   {@code joints()} confidences, or null when the source has none (all 1)
     * @param opt    which confidences count as observed, and whether to derive the spine
     * @param width  image width in pixels, 0 if unknown
     * @param height image height in pixels, 0 if unknown
     * @param where  names the file, frame or person in error messages
     * @return the 17 Human3.6M joints; a joint is observed when all its sources are, at their mean position and
     *         with their lowest confidence; joints with no source (see the class comment) are missing
     * @throws GfposeException for a wrong count, a NaN confidence, or a non-finite position on a confident joint
     */
    public Keypoints2D toH36m(float[] xy, float[] conf, KeypointOptions opt, int width, int height, String where) {
        int n = joints();
        if (xy.length != 2 * n)
            throw new GfposeException(where + ": expected " + n + " " + this + " joints (" + 2 * n + " coordinates), got " + xy.length);
        if (conf != null && conf.length != n)
            throw new GfposeException(where + ": expected " + n + " confidences, got " + conf.length);
        boolean[] ok = new boolean[n];
        for (int k = 0; k < n; k++) {
            float c = conf == null ? 1f : conf[k];
            if (Float.isNaN(c)) throw new GfposeException(where + ": joint " + names[k] + " has a NaN confidence");
            ok[k] = opt.observed(c);
            if (ok[k] && !(Float.isFinite(xy[2 * k]) && Float.isFinite(xy[2 * k + 1])))
                throw new GfposeException(where + ": joint " + names[k] + " has a non-finite position");
        }
        float[] uv = new float[2 * Skeleton.JOINTS], outConf = new float[Skeleton.JOINTS];
        boolean[] obs = new boolean[Skeleton.JOINTS];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int[] src = sources[j];
            if (src.length == 0) continue;
            boolean all = true;
            float u = 0, v = 0, c = Float.MAX_VALUE;
            for (int k : src) {
                all &= ok[k];
                u += xy[2 * k] / src.length;
                v += xy[2 * k + 1] / src.length;
                c = Math.min(c, conf == null ? 1f : conf[k]);
            }
            if (!all) continue;
            obs[j] = true;
            uv[2 * j] = u;
            uv[2 * j + 1] = v;
            outConf[j] = c;
        }
        int s = Skeleton.SPINE, p = Skeleton.PELVIS, t = Skeleton.THORAX;
        if (this != H36M_17 && opt.deriveSpine() && obs[p] && obs[t]) {
            obs[s] = true;
            uv[2 * s] = (uv[2 * p] + uv[2 * t]) / 2;
            uv[2 * s + 1] = (uv[2 * p + 1] + uv[2 * t + 1]) / 2;
            outConf[s] = Math.min(outConf[p], outConf[t]);
        }
        return new Keypoints2D(uv, obs, outConf, width, height);
    }

    private static String[] names17() {
        String[] s = new String[Skeleton.JOINTS];
        for (int j = 0; j < s.length; j++) s[j] = Skeleton.name(j);
        return s;
    }

    private static int[][] identity() {
        int[][] m = new int[Skeleton.JOINTS][];
        for (int j = 0; j < m.length; j++) m[j] = new int[] {j};
        return m;
    }
}
