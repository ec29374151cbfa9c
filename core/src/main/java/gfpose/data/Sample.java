package gfpose.data;

/**
 * One (frame, camera) test or training item in GFPose's image-frame representation.
 *
 * @param sequence     the recording (subject, name, canonical action)
 * @param camera       camera id, e.g. {@code "54138969"}
 * @param frame        frame index in the 50 Hz sequence
 * @param pose3d       image-frame pose (u, v, z), 51 values
 * @param gt2d         projected ground truth (u, v) without distortion, 34 values
 * @param sh2d         Stacked-Hourglass detection (u, v), 34 values; (0, 0) where unobserved
 * @param shObserved   per-joint flag: the detector gives this joint (false for the spine)
 * @param cameraMm     camera-frame pose in mm, 51 values
 * @param params       what the inverse back to camera mm needs (GT root depth, ratio, intrinsics)
 */
public record Sample(Sequence sequence, String camera, int frame, float[] pose3d, float[] gt2d, float[] sh2d,
                     boolean[] shObserved, double[] cameraMm, ImageFrame.Params params) {

    public String subject() { return sequence.subject(); }

    public String action() { return sequence.action(); }

    /** The 2-D input of the given kind (34 values). */
    public float[] input2d(Input2d input) { return input == Input2d.GT ? gt2d : sh2d; }

    /** Per-joint observation flags of the given input (all true for GT). */
    public boolean[] observed(Input2d input) {
        if (input == Input2d.SH) return shObserved.clone();
        boolean[] all = new boolean[shObserved.length];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
