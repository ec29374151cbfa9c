package gfpose.train;

import gfpose.kernel.ThreadPool;

/**
 * Element-wise passes over all parameter tensors (Adam, EMA, the gradient norm): each tensor of at least
 * {@link #SPLIT} values is split across the pool in whole blocks of {@link #BLOCK}, smaller ones run on the caller.
 * Bodies only touch their own range, so no split changes a bit.
 */
final class PerElement {
    private PerElement() {}

    /** Chunk granularity; also the block of the gradient norm's partial sums. */
    static final int BLOCK = 1024;
    /** Smaller tensors are not worth waking a worker for. */
    static final int SPLIT = 65536;

    @FunctionalInterface
    interface Body { void run(int tensor, int from, int to); }

    static void forEach(float[][] tensors, ThreadPool pool, Body body) {
        for (int t = 0; t < tensors.length; t++) {
            int n = tensors[t].length, tensor = t;
            if (pool == null || n < SPLIT) body.run(t, 0, n);
            else pool.forRange(n, BLOCK, (i0, i1) -> body.run(tensor, i0, i1));
        }
    }
}
