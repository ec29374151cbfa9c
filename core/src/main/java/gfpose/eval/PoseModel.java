package gfpose.eval;

/**
 * The model under evaluation, independent of the network: maps a batch of N conditions to K hypotheses each,
 * all in GFPose's image frame (u, v pixels, z root-relative pixel-scaled depth).
 */
@FunctionalInterface
public interface PoseModel {
    /**
     * @param first      global index of the batch's first item among all items of the run; a sampling predictor
     *                   numbers its random streams from it, so the figures do not depend on the batch size
     * @param conditions {@code N * 51} values: (u, v, 0) for 2-D tasks, (u, v, z) for complete3d and denoise,
     *                   zeros for generate; unobserved joints are zero
     * @param observed   {@code N * 17} flags: joint given in the condition
     * @return {@code [N][K][51]} image-frame hypotheses, the same K for every pose
     */
    float[][][] predict(long first, float[] conditions, boolean[] observed);
}
