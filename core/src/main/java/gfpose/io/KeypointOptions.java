package gfpose.io;

import gfpose.skeleton.Keypoints2D;
/**
 * How detector keypoints become {@link Keypoints2D}.
 *
 * @param minConfidence joints with a lower confidence (or visibility) are marked missing; a confidence of 0 or less
 *                      is missing whatever the threshold (a COCO visibility of 0 means "not labelled")
 * @param deriveSpine   derive the spine (7) as the midpoint of pelvis and thorax; off by default, so the spine is
 *                      missing and the completion task fills it in, as GFPose does with MPII detections (the real
 *                      spine joint is not on that line for a bent torso)
 */
public record KeypointOptions(float minConfidence, boolean deriveSpine) {
    /** Confidence threshold 0.3 (a common detector cut-off), spine missing. */
    public static final KeypointOptions DEFAULT = new KeypointOptions(0.3f, false);

    /**
     * The one rule for "observed": confidence above 0 and at least {@code minConfidence}. NaN is never observed
     * (callers that must reject it check first).
     *
     * @param confidence    a detector confidence or a visibility flag
     * @param minConfidence the threshold
     * @return whether a joint with this confidence counts as observed
     */
    public static boolean observed(double confidence, double minConfidence) {
        return confidence > 0 && confidence >= minConfidence;
    }

    /**
     * {@link #observed(double, double)} under this threshold.
     *
     * @param confidence a detector confidence or a visibility flag
     * @return whether a joint with this confidence counts as observed
     */
    public boolean observed(double confidence) { return observed(confidence, minConfidence); }

    /**
     * These options with another confidence threshold.
     *
     * @param c the new {@code minConfidence}
     * @return a copy with {@code minConfidence = c}
     */
    public KeypointOptions withMinConfidence(float c) { return new KeypointOptions(c, deriveSpine); }

    /**
     * These options with the spine derived or left missing.
     *
     * @param d true to derive the spine as the midpoint of pelvis and thorax
     * @return a copy with {@code deriveSpine = d}
     */
    public KeypointOptions withDeriveSpine(boolean d) { return new KeypointOptions(minConfidence, d); }
}
