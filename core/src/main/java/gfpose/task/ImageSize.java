package gfpose.task;

import gfpose.GfposeException;

/**
 * Width and height in pixels of the image the 2-D keypoints live in (GFPose: 1000 x 1000).
 *
 * @param width  width in pixels
 * @param height height in pixels
 */
public record ImageSize(int width, int height) {
    /** GFPose's 1000 x 1000 frame (Human3.6M images). */
    public static final ImageSize GFPOSE = new ImageSize(1000, 1000);

    /**
     * Checks that both sides are positive.
     *
     * @param width  width in pixels, &gt; 0
     * @param height height in pixels, &gt; 0
     * @throws GfposeException when a side is not positive
     */
    public ImageSize {
        if (width <= 0 || height <= 0) throw new GfposeException("image size must be positive, got " + width + "x" + height);
    }
}
