package gfpose.task;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Rig;
import gfpose.skeleton.Skeleton;

/**
 * Puts 2-D keypoints from any image where GFPose's training data puts a person, and maps 3-D results back.
 *
 * <p>GFPose works on absolute pixels of 1000 x 1000 Human3.6M frames (f ~ 1145 px, person ~ 5 m away). Without
 * intrinsics the keypoints get a similarity (one scale, a translation): the scale makes the person's apparent
 * size that of a training person, the translation puts the pelvis (or, if it is missing, the centroid of the
 * observed joints) at the training set's mean pelvis position. The person's apparent size in px/mm is
 * estimated from the observed bones (both ends observed):
 * {@code s = sum(2-D bone lengths) / (FORESHORTENING * sum(mean 3-D bone lengths))}, and the scale is
 * {@code PX_PER_MM / s}. Depth results are scaled back by the same factor, so a 3-D pose comes back in the
 * source image's pixel units.
 *
 * <p>With intrinsics (fx, fy, cx, cy) the keypoints are first re-imaged by a virtual camera with focal length
 * {@link #FOCAL} and the training principal point, which removes non-square pixels and keeps each joint's
 * direction from the optical axis (so perspective stays consistent):
 * {@code u' = k FOCAL (u - cx) / fx + CX}, {@code v' = k FOCAL (v - cy) / fy + CY}, where k (the same size
 * estimate as above, measured in the virtual image) brings the person to the training distance; a person at the
 * image edge stays off-centre. Depth scales by {@code k FOCAL / fx}.
 *
 * <p>The constants were measured on the Human3.6M training split (S1, S5-S8, every 50th frame, 4 cameras).
 */
public final class Framing {
    private Framing() {}

    /** Side of GFPose's square frame, px. */
    public static final int SIZE = 1000;
    /** Typical Human3.6M focal length, px. */
    public static final double FOCAL = 1145;
    /** Typical Human3.6M principal point, px. */
    public static final double CX = 512, CY = 515;
    /** Mean f / Z_root of training persons, px per mm (root depth ~ 5.1 m). */
    public static final double PX_PER_MM = 0.228;
    /** Mean projected pelvis position of training persons, px. */
    public static final double ROOT_U = 532, ROOT_V = 418;
    /** Mean (sum of 2-D bone lengths) / (f / Z_root x sum of 3-D bone lengths) over training poses. */
    public static final double FORESHORTENING = 0.875;

    private static final double[] MEAN_BONES = Rig.meanH36m().boneLengths();

    /**
     * The similarity that frames these keypoints (no intrinsics).
     *
     * @param k keypoints in any image's pixels, with at least one bone whose two joints are observed
     * @return the transform into GFPose's frame (sx = sy)
     * @throws GfposeException when no bone has both joints observed or all observed joints are at one place
     */
    public static FramingTransform fit(Keypoints2D k) {
        double k0 = scale(k, 1, 1);
        double[] a = anchor(k);
        return new FramingTransform(k0, k0, ROOT_U - k0 * a[0], ROOT_V - k0 * a[1]);
    }

    /**
     * The virtual-camera framing for keypoints from a camera with known intrinsics.
     *
     * @param k   keypoints in that camera's pixels, with at least one bone whose two joints are observed
     * @param cam the camera's intrinsics
     * @return the transform into GFPose's frame (sx != sy when fx != fy)
     * @throws GfposeException when no bone has both joints observed or all observed joints are at one place
     */
    public static FramingTransform fit(Keypoints2D k, FramingIntrinsics cam) {
        double ax = FOCAL / cam.fx(), ay = FOCAL / cam.fy();
        double k0 = scale(k, ax, ay);
        double sx = k0 * ax, sy = k0 * ay;
        return new FramingTransform(sx, sy, CX - sx * cam.cx(), CY - sy * cam.cy());
    }

    /** PX_PER_MM over the apparent px/mm of the person, measured after stretching u by ax and v by ay. */
    private static double scale(Keypoints2D k, double ax, double ay) {
        double len2 = 0, len3 = 0;
        for (int j = 1; j < Skeleton.JOINTS; j++) {
            int p = Skeleton.parent(j);
            if (!k.isObserved(j) || !k.isObserved(p)) continue;
            len2 += Math.hypot(ax * (k.u(j) - k.u(p)), ay * (k.v(j) - k.v(p)));
            len3 += MEAN_BONES[j - 1];
        }
        if (len3 == 0) throw new GfposeException("framing: no bone has both joints observed, cannot tell the person's size");
        if (!(len2 > 1e-6)) throw new GfposeException("framing: all observed joints are at the same place");
        return PX_PER_MM / (len2 / (FORESHORTENING * len3));
    }

    private static double[] anchor(Keypoints2D k) {
        if (k.isObserved(Skeleton.PELVIS)) return new double[] {k.u(Skeleton.PELVIS), k.v(Skeleton.PELVIS)};
        double u = 0, v = 0;
        int n = 0;
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            if (!k.isObserved(j)) continue;
            u += k.u(j);
            v += k.v(j);
            n++;
        }
        return new double[] {u / n, v / n};
    }
}
