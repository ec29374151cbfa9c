package gfpose.task;

import gfpose.GfposeException;

/** Pinhole intrinsics of the camera the keypoints come from, in pixels. */
public record FramingIntrinsics(double fx, double fy, double cx, double cy) {
    public FramingIntrinsics {
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy) || !Double.isFinite(cx) || !Double.isFinite(cy))
            throw new GfposeException("intrinsics: focal lengths must be positive and all values finite, got fx=" + fx
                    + " fy=" + fy + " cx=" + cx + " cy=" + cy);
    }
}
