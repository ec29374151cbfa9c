package gfpose.nn;

import gfpose.kernel.ThreadPool;
import java.nio.file.Path;

/**
 * CONTRACT STUB (to be implemented by the nn work): the GFPose score network {@code ScoreModelFC_Adv}.
 * Signatures here are the agreed API; bodies are filled in by the nn branch.
 */
public final class ScoreNet {
    private ScoreNet() {}

    /** Loads and validates a safetensors weights file (names, shapes, dtypes; config from metadata). */
    public static ScoreNet load(Path file) { throw new UnsupportedOperationException("nn: not implemented yet"); }

    /** A randomly initialised network (PyTorch default init), deterministic in the seed. */
    public static ScoreNet random(ModelConfig config, long seed) { throw new UnsupportedOperationException("nn: not implemented yet"); }

    /** Writes the weights (F32) with the configuration in the metadata, atomically. */
    public void save(Path file) { throw new UnsupportedOperationException("nn: not implemented yet"); }

    public ModelConfig config() { throw new UnsupportedOperationException("nn: not implemented yet"); }

    /** Number of trainable parameters (12,504,627 for GFPose). */
    public long parameterCount() { throw new UnsupportedOperationException("nn: not implemented yet"); }

    /**
     * Eval-mode forward: the epsilon prediction {@code out} for rows [0, rows).
     *
     * @param x    [rows * 51] noisy poses in network space
     * @param tau  [rows] time labels (999 t for sub-VP)
     * @param cond [rows * 51] conditions (2-D conditions have z = 0)
     * @param mask [rows * 51] 1 = use, 0 = drop; null = all ones
     * @param out  [rows * 51] receives the network output
     * @param pool splits the rows across threads; results do not depend on its size
     */
    public void forward(float[] x, float[] tau, float[] cond, float[] mask, int rows, float[] out, ThreadPool pool) {
        throw new UnsupportedOperationException("nn: not implemented yet");
    }
}
