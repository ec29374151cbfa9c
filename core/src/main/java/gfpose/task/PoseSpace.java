package gfpose.task;

import gfpose.skeleton.Skeleton;

/**
 * The one place for GFPose's data space (spec §5.2–5.3). Image frame: u, v in pixels of a W×H image and
 * root-relative depth z in the same pixel units. Network space: normalised by the width (aspect preserved),
 * x_n = u/W·2 − 1, y_n = v/W·2 − H/W, z_n = z/W·2, then × {@link #DATA_SCALE}. For GFPose's 1000×1000 frames this
 * is exactly its u/1000·2 − 1, v/1000·2 − 1, z/1000·2. Arithmetic in double.
 */
public final class PoseSpace {
    /** GFPose's {@code training.data_scale}. */
    public static final double DATA_SCALE = 30.0;

    private final ImageSize size;
    private final double w, aspect;

    /**
     * The conversions for poses in images of one size.
     *
     * @param size the image the pixel coordinates refer to
     */
    public PoseSpace(ImageSize size) {
        this.size = size;
        this.w = size.width();
        this.aspect = (double) size.height() / size.width();
    }

    /** {@return the image the pixel coordinates refer to} */
    public ImageSize size() { return size; }

    /**
     * One pose (51 values, u v z per joint) from the image frame to network space.
     *
     * @param src    image-frame poses, 51 values each: u, v, root-relative depth per joint, in pixels
     * @param srcOff index in {@code src} of the pose's first value
     * @param dst    receives 51 network-space values
     * @param dstOff index in {@code dst} of the first value written
     */
    public void toNetwork(float[] src, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 3 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((src[s] / w * 2 - 1) * DATA_SCALE);
            dst[d + 1] = (float) ((src[s + 1] / w * 2 - aspect) * DATA_SCALE);
            dst[d + 2] = (float) (src[s + 2] / w * 2 * DATA_SCALE);
        }
    }

    /**
     * A 2-D pose (34 values, u v per joint) to a network-space condition with z = 0.
     *
     * @param uv     2-D poses, 34 values each: u, v per joint, in pixels
     * @param srcOff index in {@code uv} of the pose's first value
     * @param dst    receives 51 network-space values (every third one 0)
     * @param dstOff index in {@code dst} of the first value written
     */
    public void uvToNetwork(float[] uv, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 2 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((uv[s] / w * 2 - 1) * DATA_SCALE);
            dst[d + 1] = (float) ((uv[s + 1] / w * 2 - aspect) * DATA_SCALE);
            dst[d + 2] = 0f;
        }
    }

    /**
     * One pose from network space back to the image frame: u = (x/30 + 1)·W/2, v = (y/30 + H/W)·W/2, z = z/30·W/2.
     *
     * @param src    network-space poses, 51 values each
     * @param srcOff index in {@code src} of the pose's first value
     * @param dst    receives 51 image-frame values: u, v, depth per joint, in pixels
     * @param dstOff index in {@code dst} of the first value written
     */
    public void toImage(float[] src, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 3 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((src[s] / DATA_SCALE + 1) * w / 2);
            dst[d + 1] = (float) ((src[s + 1] / DATA_SCALE + aspect) * w / 2);
            dst[d + 2] = (float) (src[s + 2] / DATA_SCALE * w / 2);
        }
    }

    /** {@return image pixels per network unit (W / 2 / 30: 16.7 for GFPose's 1000-px frame)} */
    public double pixelsPerUnit() { return w / 2 / DATA_SCALE; }

    /**
     * Convenience: a new network-space array for one image-frame pose.
     *
     * @param xyz [51]: 17 joints x (u, v, depth) in pixels, joint-major
     * @return [51] the pose in network space
     */
    public float[] toNetwork(float[] xyz) {
        float[] out = new float[Skeleton.DIM];
        toNetwork(xyz, 0, out, 0);
        return out;
    }

    /**
     * Convenience: a new image-frame array for one network-space pose.
     *
     * @param net [51] a pose in network space
     * @return [51]: 17 joints x (u, v, depth) in pixels, joint-major
     */
    public float[] toImage(float[] net) {
        float[] out = new float[Skeleton.DIM];
        toImage(net, 0, out, 0);
        return out;
    }
}
