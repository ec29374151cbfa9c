package gfpose.train;

import gfpose.kernel.Rng;

/**
 * Shuffled passes over the items: epoch e uses a permutation that is a pure function of (seed, e), so the
 * position (epoch, offset) is all a checkpoint needs. Batches run on across epoch boundaries (the reference's
 * data loader instead ends each epoch with a partial batch; with ~1.46M items the difference is negligible).
 */
final class DataOrder {
    private final long seed;
    private final int size;
    private int[] perm;
    long epoch;
    int offset;

    DataOrder(long seed, int size, long epoch, int offset) {
        this.seed = seed;
        this.size = size;
        this.epoch = epoch;
        this.offset = offset;
        if (offset < 0 || offset > size) throw new IllegalArgumentException("data offset " + offset + " outside 0.." + size);
    }

    /** The next n item indices. */
    void next(int[] out, int n) {
        for (int i = 0; i < n; i++) {
            if (perm == null || offset == size) {
                if (offset == size) { epoch++; offset = 0; }
                perm = permutation(epoch);
            }
            out[i] = perm[offset++];
        }
    }

    private int[] permutation(long e) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) p[i] = i;
        Rng r = Rng.stream(~seed, e);
        for (int i = size - 1; i > 0; i--) {
            int j = (int) ((r.nextLong() >>> 1) % (i + 1));
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}
