package gfpose.data;

import gfpose.skeleton.Skeleton;

/** Maps the 16 MPII-ordered Stacked-Hourglass detections to H36M-17; the spine (7) has no detection. */
public final class ShMapping {
    private ShMapping() {}

    /** MPII index for each H36M-17 joint, -1 for the spine. */
    private static final int[] MPII_OF_H36M = {6, 2, 1, 0, 3, 4, 5, -1, 7, 8, 9, 13, 14, 15, 12, 11, 10};

    public static int mpiiIndex(int h36mJoint) { return MPII_OF_H36M[h36mJoint]; }

    /**
     * The H36M-17 (u, v) of one frame ({@code 34} values) from the MPII array at {@code off} (32 values);
     * unobserved joints get (0, 0) and {@code observed[j] = false}.
     */
    public static void toH36m(float[] mpii, int off, float[] uv, boolean[] observed) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int m = MPII_OF_H36M[j];
            observed[j] = m >= 0;
            uv[2 * j] = m >= 0 ? mpii[off + 2 * m] : 0f;
            uv[2 * j + 1] = m >= 0 ? mpii[off + 2 * m + 1] : 0f;
        }
    }
}
