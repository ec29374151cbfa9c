package gfpose.task;

import gfpose.nn.ScoreNet;
import java.nio.file.Path;

/**
 * CONTRACT STUB (to be implemented by the sampling/task work): the one entry point for the five tasks.
 * Coordinates in and out are GFPose's image frame: u, v in pixels of an image of the given size, and
 * root-relative depth in the same pixel units (see {@link PoseSpace}). A pose is 17 joints x 3 (or x 2 for 2-D
 * input), joint-major. Results: {@code [pose][hypothesis][51]}.
 */
public final class PosePrior implements AutoCloseable {
    /** Wraps a loaded network. */
    public PosePrior(ScoreNet net) { throw new UnsupportedOperationException("task: not implemented yet"); }

    /** Loads a safetensors weights file. */
    public static PosePrior load(Path weights) { throw new UnsupportedOperationException("task: not implemented yet"); }

    public ScoreNet network() { throw new UnsupportedOperationException("task: not implemented yet"); }

    /**
     * 2-D -> 3-D estimation (GFPose {@code est}). {@code uv[p]} has 34 values (u, v per joint) in pixels.
     * @param observed null, or per pose 17 flags; a joint with false is masked out of the condition
     *                 (and, if any joint is missing, observed u, v are imputed as in {@code comp2d})
     */
    public float[][][] estimate(float[][] uv, boolean[][] observed, ImageSize size, SampleOptions opt) {
        throw new UnsupportedOperationException("task: not implemented yet");
    }

    /** 3-D completion (GFPose {@code comp3d}): {@code xyz[p]} 51 values in the image frame; missing joints are false. */
    public float[][][] complete3d(float[][] xyz, boolean[][] observed, ImageSize size, SampleOptions opt) {
        throw new UnsupportedOperationException("task: not implemented yet");
    }

    /** Denoising (GFPose {@code den}): start from the noisy pose at {@code opt.tStart()} (default 0.05). */
    public float[][][] denoise(float[][] xyz, ImageSize size, SampleOptions opt) {
        throw new UnsupportedOperationException("task: not implemented yet");
    }

    /** Unconditional generation of {@code count} poses x {@code opt.hypotheses()}. */
    public float[][][] generate(int count, ImageSize size, SampleOptions opt) {
        throw new UnsupportedOperationException("task: not implemented yet");
    }

    @Override public void close() {}
}
