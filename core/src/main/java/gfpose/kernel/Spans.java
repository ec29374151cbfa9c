package gfpose.kernel;

/**
 * One parallel region over several arrays at once: the arrays are laid end to end, each starting on a block
 * boundary, and the pool cuts that space into contiguous runs of whole blocks. A body therefore sees whole blocks of
 * one array (the last block of an array may be short), and a pass over many arrays (the optimiser's over every
 * parameter tensor) waits for the pool once instead of once per array.
 */
public final class Spans {
    private Spans() {}

    /** A pass's body for elements [from, to) of array {@code array}; from is a multiple of the block. */
    @FunctionalInterface
    public interface Body {
        /**
         * Processes one run of one array; runs of one pass never overlap.
         *
         * @param array index of the array
         * @param from  first element (a multiple of the block)
         * @param to    end (exclusive): a multiple of the block, or the array's length
         */
        void run(int array, int from, int to);
    }

    /**
     * Runs body over every element of arrays of the given lengths, in blocks of {@code block}, split across pool.
     *
     * @param lengths each array's length (≥ 0)
     * @param block   elements per block (≥ 1): runs start and end on block boundaries of their array
     * @param pool    threads, or null for the calling thread
     * @param body    called once per (thread, array) run, concurrently
     */
    public static void forEach(int[] lengths, int block, ThreadPool pool, Body body) {
        if (block < 1) throw new IllegalArgumentException("block must be >= 1, got " + block);
        long[] start = new long[lengths.length + 1]; // first block of each array in the joint space
        for (int t = 0; t < lengths.length; t++) start[t + 1] = start[t] + (lengths[t] + (long) block - 1) / block;
        if (start[lengths.length] > Integer.MAX_VALUE) throw new IllegalArgumentException("too many blocks");
        ThreadPool.run(pool, (int) start[lengths.length], 1, (b0, b1) -> {
            for (int t = 0; t < lengths.length; t++) {
                long lo = Math.max(b0, start[t]), hi = Math.min(b1, start[t + 1]);
                if (lo >= hi) continue;
                body.run(t, (int) ((lo - start[t]) * block), (int) Math.min(lengths[t], (hi - start[t]) * block));
            }
        });
    }

    /**
     * {@link #forEach(int[], int, ThreadPool, Body)} over the given arrays' lengths.
     *
     * @param arrays the arrays (only their lengths are read here)
     * @param block  elements per block (≥ 1)
     * @param pool   threads, or null for the calling thread
     * @param body   called once per (thread, array) run, concurrently
     */
    public static void forEach(float[][] arrays, int block, ThreadPool pool, Body body) {
        int[] lengths = new int[arrays.length];
        for (int t = 0; t < arrays.length; t++) lengths[t] = arrays[t].length;
        forEach(lengths, block, pool, body);
    }
}
