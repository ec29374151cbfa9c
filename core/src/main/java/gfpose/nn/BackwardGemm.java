package gfpose.nn;

import gfpose.kernel.Gemm;
import gfpose.kernel.OutputGradient;
import gfpose.kernel.PackedMatrix;
import gfpose.kernel.ThreadPool;

/**
 * The two GEMMs of a Linear layer's backward pass, kept behind one class so the training code never names the
 * kernel directly. Both are bit-identical for any thread count (see {@link Gemm}).
 */
final class BackwardGemm {
    private BackwardGemm() {}

    /** dx (+)= dy · W for rows [0, rows): dy is [rows, out], dx is [rows, in]. */
    static void input(float[] dy, int rows, PackedMatrix w, float[] dx, boolean accumulate, ThreadPool pool) {
        Gemm.linearBackwardInput(dy, 0, rows, w, dx, 0, accumulate, pool);
    }

    /** dW += dyᵀ · x and dB += Σ_r dy, each sum taken over rows in increasing order; x is [dy.rows, in]. */
    static void weights(OutputGradient dy, float[] x, int in, float[] dW, float[] dB, ThreadPool pool) {
        Gemm.weightGradient(dy, x, in, dW, dB, pool);
    }
}
