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

    public PoseSpace(ImageSize size) {
        this.size = size;
        this.w = size.width();
        this.aspect = (double) size.height() / size.width();
    }

    public ImageSize size() { return size; }

    /** One pose (51 values, u v z per joint) from the image frame to network space. */
    public void toNetwork(float[] src, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 3 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((src[s] / w * 2 - 1) * DATA_SCALE);
            dst[d + 1] = (float) ((src[s + 1] / w * 2 - aspect) * DATA_SCALE);
            dst[d + 2] = (float) (src[s + 2] / w * 2 * DATA_SCALE);
        }
    }

    /** A 2-D pose (34 values, u v per joint) to a network-space condition with z = 0. */
    public void uvToNetwork(float[] uv, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 2 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((uv[s] / w * 2 - 1) * DATA_SCALE);
            dst[d + 1] = (float) ((uv[s + 1] / w * 2 - aspect) * DATA_SCALE);
            dst[d + 2] = 0f;
        }
    }

    /** One pose from network space back to the image frame: u = (x/30 + 1)·W/2, v = (y/30 + H/W)·W/2, z = z/30·W/2. */
    public void toImage(float[] src, int srcOff, float[] dst, int dstOff) {
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int s = srcOff + 3 * j, d = dstOff + 3 * j;
            dst[d] = (float) ((src[s] / DATA_SCALE + 1) * w / 2);
            dst[d + 1] = (float) ((src[s + 1] / DATA_SCALE + aspect) * w / 2);
            dst[d + 2] = (float) (src[s + 2] / DATA_SCALE * w / 2);
        }
    }

    /** Image pixels per network unit (W / 2 / 30: 16.7 for GFPose's 1000-px frame). */
    public double pixelsPerUnit() { return w / 2 / DATA_SCALE; }

    /** Convenience: a new network-space array for one image-frame pose. */
    public float[] toNetwork(float[] xyz) {
        float[] out = new float[Skeleton.DIM];
        toNetwork(xyz, 0, out, 0);
        return out;
    }

    /** Convenience: a new image-frame array for one network-space pose. */
    public float[] toImage(float[] net) {
        float[] out = new float[Skeleton.DIM];
        toImage(net, 0, out, 0);
        return out;
    }
}
