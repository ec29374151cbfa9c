package gfpose.skeleton;

import gfpose.GfposeException;

/**
 * 2-D keypoints of one person in Human3.6M-17 order, in the pixels of the image they were detected in.
 *
 * @param uv         17 x (u, v), joint-major; 0 for missing joints
 * @param observed   which joints are known; the rest are for the completion task to fill in
 * @param confidence per joint, 0 for missing joints
 * @param width      image width in pixels, 0 if unknown
 * @param height     image height in pixels, 0 if unknown
 */
public record Keypoints2D(float[] uv, boolean[] observed, float[] confidence, int width, int height) {
    /**
     * Checks the array lengths, the image size and the observed positions; the arrays are kept, not copied.
     *
     * @param uv         34 values: 17 x (u, v) in pixels, joint-major
     * @param observed   17 flags
     * @param confidence 17 values
     * @param width      image width in pixels, &gt;= 0 (0 if unknown)
     * @param height     image height in pixels, &gt;= 0 (0 if unknown)
     * @throws IllegalArgumentException when an array has the wrong length
     * @throws GfposeException when the image size is negative or an observed joint has a non-finite position
     */
    public Keypoints2D {
        if (uv.length != 2 * Skeleton.JOINTS || observed.length != Skeleton.JOINTS || confidence.length != Skeleton.JOINTS)
            throw new IllegalArgumentException("Keypoints2D needs 34 coordinates, 17 flags and 17 confidences");
        if (width < 0 || height < 0) throw new GfposeException("image size must not be negative, got " + width + "x" + height);
        for (int j = 0; j < Skeleton.JOINTS; j++)
            if (observed[j] && !(Float.isFinite(uv[2 * j]) && Float.isFinite(uv[2 * j + 1])))
                throw new GfposeException("joint " + Skeleton.name(j) + " is observed but has a non-finite position");
    }

    /**
     * {@return keypoints with all 17 joints observed, each with confidence 1}
     *
     * @param uv     34 values: 17 x (u, v) in pixels, joint-major, all finite; copied
     * @param width  image width in pixels, 0 if unknown
     * @param height image height in pixels, 0 if unknown
     */
    public static Keypoints2D ofAll(float[] uv, int width, int height) {
        boolean[] obs = new boolean[Skeleton.JOINTS];
        float[] conf = new float[Skeleton.JOINTS];
        java.util.Arrays.fill(obs, true);
        java.util.Arrays.fill(conf, 1f);
        return new Keypoints2D(uv.clone(), obs, conf, width, height);
    }

    /**
     * {@return joint j's u (horizontal, to the right) in pixels; meaningful only when the joint is observed}
     *
     * @param j joint index in {@link Skeleton}'s order
     */
    public float u(int j) { return uv[2 * j]; }

    /**
     * {@return joint j's v (vertical, downwards) in pixels; meaningful only when the joint is observed}
     *
     * @param j joint index in {@link Skeleton}'s order
     */
    public float v(int j) { return uv[2 * j + 1]; }

    /**
     * {@return whether joint j is known (else it is for the completion task to fill in)}
     *
     * @param j joint index in {@link Skeleton}'s order
     */
    public boolean isObserved(int j) { return observed[j]; }

    /** {@return how many of the 17 joints are observed} */
    public int observedCount() {
        int n = 0;
        for (boolean b : observed) if (b) n++;
        return n;
    }

    /** {@return whether the image size is known (width and height both positive)} */
    public boolean hasImageSize() { return width > 0 && height > 0; }

    /**
     * The same keypoints with another image size.
     *
     * @param w image width in pixels, 0 if unknown
     * @param h image height in pixels, 0 if unknown
     * @return new keypoints sharing this one's arrays
     */
    public Keypoints2D withImageSize(int w, int h) { return new Keypoints2D(uv, observed, confidence, w, h); }

    /**
     * The same observation flags and confidences at new positions (missing joints are kept at 0).
     *
     * @param newUv 34 values: 17 x (u, v) in pixels, joint-major; copied, the missing joints' entries set to 0
     * @param w     width in pixels of the image the new positions are in, 0 if unknown
     * @param h     height in pixels of that image, 0 if unknown
     * @return new keypoints sharing this one's flags and confidences
     */
    public Keypoints2D withUv(float[] newUv, int w, int h) {
        float[] c = newUv.clone();
        for (int j = 0; j < Skeleton.JOINTS; j++) if (!observed[j]) { c[2 * j] = 0; c[2 * j + 1] = 0; }
        return new Keypoints2D(c, observed, confidence, w, h);
    }
}
