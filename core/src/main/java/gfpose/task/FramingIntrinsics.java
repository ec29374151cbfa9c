package gfpose.task;

import gfpose.GfposeException;

/**
 * Pinhole intrinsics of the camera the keypoints come from, in pixels.
 *
 * @param fx focal length along u, px
 * @param fy focal length along v, px
 * @param cx principal point, u, px
 * @param cy principal point, v, px
 */
public record FramingIntrinsics(double fx, double fy, double cx, double cy) {
    /**
     * Checks the values.
     *
     * @param fx focal length along u, px, &gt; 0
     * @param fy focal length along v, px, &gt; 0
     * @param cx principal point, u, px, finite
     * @param cy principal point, v, px, finite
     * @throws GfposeException when a focal length is not positive or a value is not finite
     */
    public FramingIntrinsics {
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy) || !Double.isFinite(cx) || !Double.isFinite(cy))
            throw new GfposeException("intrinsics: focal lengths must be positive and all values finite, got fx=" + fx
                    + " fy=" + fy + " cx=" + cx + " cy=" + cy);
    }
}
