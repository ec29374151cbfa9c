package gfpose.train;

/**
 * Training poses with their conditions, in Human3.6M image-frame units (pixels for u, v; pixel-scaled
 * root-relative depth for z; see spec §5.2). Must be safe for concurrent reads.
 */
public interface TrainingSource {
    /** Number of items. */
    int size();

    /**
     * Copies item {@code index}.
     *
     * @param pose     receives the target pose (u, v, z) × 17, 51 values
     * @param det2d    receives the detected 2-D joints (u, v) × 17, 34 values
     * @param gt2d     receives the ground-truth 2-D joints (u, v) × 17, 34 values
     * @param observed receives per joint whether the detector gave it (17 flags)
     */
    void item(int index, float[] pose, float[] det2d, float[] gt2d, boolean[] observed);

    /** One line saying what this is, for logs and checkpoints. */
    String describe();
}
