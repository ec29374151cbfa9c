package gfpose.skeleton;

/**
 * Coordinate conventions a pose can be in, and the proper rotations (no mirroring) between them and the
 * Y-up convention of BVH and {@link Rig}'s rest pose.
 */
public enum Axes {
    /** Y up (BVH, most animation tools). */
    Y_UP,
    /** Camera / GFPose image frame: x right, y down, z away from the camera; a 180 degree turn about X. */
    CAMERA,
    /** Human3.6M world coordinates: Z up; a -90 degree turn about X. */
    Z_UP;

    /**
     * A copy of the pose expressed in Y-up coordinates.
     *
     * @param pose joint-major (x, y, z) triples in this convention: any number of joints, any unit
     * @return a new array of the same length in {@link #Y_UP} coordinates
     */
    public float[] toYUp(float[] pose) {
        float[] out = new float[pose.length];
        for (int k = 0; k < pose.length; k += 3) {
            float x = pose[k], y = pose[k + 1], z = pose[k + 2];
            switch (this) {
                case CAMERA: out[k] = x; out[k + 1] = -y; out[k + 2] = -z; break;
                case Z_UP: out[k] = x; out[k + 1] = z; out[k + 2] = -y; break;
                default: out[k] = x; out[k + 1] = y; out[k + 2] = z; break;
            }
        }
        return out;
    }

    /**
     * The inverse of {@link #toYUp}.
     *
     * @param pose joint-major (x, y, z) triples in Y-up coordinates: any number of joints, any unit
     * @return a new array of the same length in this convention
     */
    public float[] fromYUp(float[] pose) {
        float[] out = new float[pose.length];
        for (int k = 0; k < pose.length; k += 3) {
            float x = pose[k], y = pose[k + 1], z = pose[k + 2];
            switch (this) {
                case CAMERA: out[k] = x; out[k + 1] = -y; out[k + 2] = -z; break;
                case Z_UP: out[k] = x; out[k + 1] = -z; out[k + 2] = y; break;
                default: out[k] = x; out[k + 1] = y; out[k + 2] = z; break;
            }
        }
        return out;
    }
}
