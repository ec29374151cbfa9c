package gfpose.task;

import gfpose.GfposeException;

/** Width and height in pixels of the image the 2-D keypoints live in (GFPose: 1000 x 1000). */
public record ImageSize(int width, int height) {
    public static final ImageSize GFPOSE = new ImageSize(1000, 1000);

    public ImageSize {
        if (width <= 0 || height <= 0) throw new GfposeException("image size must be positive, got " + width + "x" + height);
    }
}
