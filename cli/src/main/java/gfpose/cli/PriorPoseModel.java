package gfpose.cli;

import gfpose.GfposeException;
import gfpose.eval.PoseModel;
import gfpose.eval.EvalTask;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.util.Arrays;

/**
 * Adapts a {@link PosePrior} to the evaluator's {@link PoseModel} for one task. Every batch of poses x hypotheses
 * goes through the prior in one call (one network call per step), with the user's seed and the batch's global
 * first index, so a pose draws the same streams whatever {@code --batch} is.
 */
final class PriorPoseModel implements PoseModel {
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;
    /** GFPose normalises every Human3.6M frame as 1000x1000, whatever the camera's 1000x1002. */
    private static final ImageSize SIZE = ImageSize.GFPOSE;

    private final EvalTask task;
    private final PosePrior prior;
    private final SampleOptions opt;

    PriorPoseModel(EvalTask task, PosePrior prior, SampleOptions opt) {
        this.task = task;
        this.prior = prior;
        this.opt = opt;
    }

    @Override
    public float[][][] predict(long first, float[] cond, boolean[] observed) {
        int n = observed.length / J;
        float[][] poses = new float[n][];
        boolean[][] obs = new boolean[n][];
        for (int i = 0; i < n; i++) {
            obs[i] = Arrays.copyOfRange(observed, i * J, (i + 1) * J);
            if (task == EvalTask.ESTIMATE || task == EvalTask.COMPLETE2D) {
                float[] uv = new float[2 * J];
                for (int j = 0; j < J; j++) { uv[2 * j] = cond[i * D + 3 * j]; uv[2 * j + 1] = cond[i * D + 3 * j + 1]; }
                poses[i] = uv;
            } else {
                poses[i] = Arrays.copyOfRange(cond, i * D, (i + 1) * D);
            }
        }
        float[][][] out = switch (task) {
            case ESTIMATE, COMPLETE2D -> prior.estimate(poses, obs, SIZE, opt, first);
            case COMPLETE3D -> prior.complete3d(poses, obs, SIZE, opt, first);
            case DENOISE -> prior.denoise(poses, SIZE, opt, first);
            case GENERATE -> prior.generate(n, SIZE, opt, first);
        };
        requireFinite(out);
        return out;
    }

    /** A NaN would silently drop out of min-over-hypotheses; refuse it instead of reporting a flattering figure. */
    private static void requireFinite(float[][][] out) {
        for (float[][] pose : out) {
            for (float[] h : pose) {
                for (float v : h) {
                    if (!Float.isFinite(v)) {
                        throw new GfposeException("the model produced a non-finite coordinate; the weights file may be damaged");
                    }
                }
            }
        }
    }
}
