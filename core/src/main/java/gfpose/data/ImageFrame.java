package gfpose.data;

import gfpose.skeleton.Skeleton;

/**
 * GFPose's "image frame" representation (LCN {@code camera_to_image_frame}, no distortion): absolute pixel
 * {@code u = fx X/Z + cx}, {@code v = fy Y/Z + cy} and root-relative depth {@code z = ratio (Z - Z_root)},
 * where {@code ratio = (box_x2 - box_x1 + 1) / 2000} for the box spanning root X +- 1000 mm at the root depth.
 * The inverse needs the ground-truth root depth, ratio and intrinsics, as GFPose's evaluation uses them.
 */
public final class ImageFrame {
    private ImageFrame() {}

    /** What the inverse needs: pinhole intrinsics, the ground-truth root depth (mm) and the box ratio. */
    public record Params(double fx, double fy, double cx, double cy, double rootDepth, double ratio) {}

    /** The parameters for a camera-frame pose (mm, 51 values) under pinhole intrinsics. */
    public static Params params(double[] cam, double fx, double fy, double cx, double cy) {
        double xr = cam[0], zr = cam[2];
        double x1 = fx * (xr - 1000) / zr + cx, x2 = fx * (xr + 1000) / zr + cx;
        return new Params(fx, fy, cx, cy, zr, (x2 - x1 + 1) / 2000);
    }

    /** Camera mm (51 values) to image frame (51 values). */
    public static double[] fromCamera(double[] cam, Params p) {
        double[] out = new double[Skeleton.DIM];
        double zr = cam[2];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double x = cam[3 * j], y = cam[3 * j + 1], z = cam[3 * j + 2];
            out[3 * j] = p.fx() * x / z + p.cx();
            out[3 * j + 1] = p.fy() * y / z + p.cy();
            out[3 * j + 2] = p.ratio() * (z - zr);
        }
        return out;
    }

    /** Image frame to camera mm for one pose at {@code off} of {@code img} (51 values), into a new array. */
    public static double[] toCamera(float[] img, int off, Params p) {
        double[] out = new double[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            int i = off + 3 * j;
            double z = img[i + 2] / p.ratio() + p.rootDepth();
            out[3 * j] = (img[i] - p.cx()) / p.fx() * z;
            out[3 * j + 1] = (img[i + 1] - p.cy()) / p.fy() * z;
            out[3 * j + 2] = z;
        }
        return out;
    }

    /** Same as {@link #toCamera(float[], int, Params)} for a double pose. */
    public static double[] toCamera(double[] img, Params p) {
        double[] out = new double[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double z = img[3 * j + 2] / p.ratio() + p.rootDepth();
            out[3 * j] = (img[3 * j] - p.cx()) / p.fx() * z;
            out[3 * j + 1] = (img[3 * j + 1] - p.cy()) / p.fy() * z;
            out[3 * j + 2] = z;
        }
        return out;
    }
}
