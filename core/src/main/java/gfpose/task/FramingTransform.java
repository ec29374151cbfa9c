package gfpose.task;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;

/**
 * An axis-aligned scale plus translation from a source image to GFPose's 1000 x 1000 frame:
 * {@code u' = sx u + tx}, {@code v' = sy v + ty}, and root-relative depth {@code d' = sx d} (sx = sy unless
 * intrinsics with fx != fy were used). Made by {@link Framing}.
 *
 * @param sx scale of u and of depth, GFPose px per source px
 * @param sy scale of v, GFPose px per source px
 * @param tx translation of u, GFPose px
 * @param ty translation of v, GFPose px
 */
public record FramingTransform(double sx, double sy, double tx, double ty) {
    /**
     * Checks that the transform can be inverted.
     *
     * @param sx scale of u and of depth, finite and &gt; 0
     * @param sy scale of v, finite and &gt; 0
     * @param tx translation of u, GFPose px, finite
     * @param ty translation of v, GFPose px, finite
     * @throws GfposeException when a scale is not positive or a value is not finite
     */
    public FramingTransform {
        if (!(sx > 0) || !(sy > 0) || !Double.isFinite(sx) || !Double.isFinite(sy) || !Double.isFinite(tx) || !Double.isFinite(ty))
            throw new GfposeException("framing: degenerate transform (scale " + sx + ", " + sy + ")");
    }

    /**
     * Keypoints in the GFPose frame (image size 1000 x 1000); observation flags and confidences kept.
     *
     * @param k keypoints in the source image's pixels
     * @return the keypoints in GFPose's frame, missing joints at 0
     */
    public Keypoints2D apply(Keypoints2D k) {
        float[] uv = new float[2 * Skeleton.JOINTS];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            uv[2 * j] = (float) (sx * k.u(j) + tx);
            uv[2 * j + 1] = (float) (sy * k.v(j) + ty);
        }
        return k.withUv(uv, Framing.SIZE, Framing.SIZE);
    }

    /**
     * A 3-D image-frame pose (u, v, root-relative depth per joint, 51 values) mapped into the GFPose frame.
     *
     * @param pose [51]: 17 joints x (u, v, depth) in source-image pixels, joint-major
     * @return a new [51] pose in GFPose's frame
     * @throws GfposeException when the pose has not 51 values
     */
    public float[] applyPose(float[] pose) {
        check(pose);
        float[] out = new float[pose.length];
        for (int k = 0; k < pose.length; k += 3) {
            out[k] = (float) (sx * pose[k] + tx);
            out[k + 1] = (float) (sy * pose[k + 1] + ty);
            out[k + 2] = (float) (sx * pose[k + 2]);
        }
        return out;
    }

    /**
     * The inverse: a 3-D pose in the GFPose frame (e.g. the model's output) back in the source image's frame.
     *
     * @param framed [51]: 17 joints x (u, v, depth) in GFPose's pixels, joint-major
     * @return a new [51] pose in source-image pixels
     * @throws GfposeException when the pose has not 51 values
     */
    public float[] invertPose(float[] framed) {
        check(framed);
        float[] out = new float[framed.length];
        for (int k = 0; k < framed.length; k += 3) {
            out[k] = (float) ((framed[k] - tx) / sx);
            out[k + 1] = (float) ((framed[k + 1] - ty) / sy);
            out[k + 2] = (float) (framed[k + 2] / sx);
        }
        return out;
    }

    /**
     * The inverse for 2-D keypoints.
     *
     * @param framed keypoints in GFPose's frame
     * @param width  the source image's width in pixels, 0 if unknown
     * @param height the source image's height in pixels, 0 if unknown
     * @return the keypoints in source-image pixels, with the same flags and confidences (missing joints at 0)
     */
    public Keypoints2D invert(Keypoints2D framed, int width, int height) {
        float[] uv = new float[2 * Skeleton.JOINTS];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            uv[2 * j] = (float) ((framed.u(j) - tx) / sx);
            uv[2 * j + 1] = (float) ((framed.v(j) - ty) / sy);
        }
        return framed.withUv(uv, width, height);
    }

    private static void check(float[] pose) {
        if (pose.length != Skeleton.DIM)
            throw new GfposeException("framing: expected a pose of " + Skeleton.DIM + " values, got " + pose.length);
    }
}
