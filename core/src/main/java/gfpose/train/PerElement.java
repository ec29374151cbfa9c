package gfpose.train;

import gfpose.kernel.Spans;
import gfpose.kernel.ThreadPool;

/**
 * Element-wise passes over all parameter tensors (Adam, EMA, the gradient norm), in one parallel region per pass
 * ({@link Spans}): the pool's chunks hold whole blocks of {@link #BLOCK} values. Bodies only touch their own range,
 * so no split changes a bit.
 */
final class PerElement {
    private PerElement() {}

    /** Chunk granularity; also the block of the gradient norm's partial sums. */
    static final int BLOCK = 1024;

    static void forEach(float[][] tensors, ThreadPool pool, Spans.Body body) {
        Spans.forEach(tensors, BLOCK, pool, body);
    }
}
