package gfpose.kernel;

/**
 * Storage for packed panels, placed so that the tile's vector loads of W start on 64-byte boundaries. A 512-bit load
 * that does not spans two cache lines: on a full-width AVX-512 core (Intel) that cost the GEMM 8-13 %
 * (BENCHMARKS.md). Java cannot align an array, but under G1, the default collector, an array of at least half a
 * heap region is a humongous object, which starts on a region boundary and is never moved, and HotSpot puts an
 * array's first element 16 bytes past the object's start. So panels of 64 KB or more are carved from slabs of
 * 16 MB (half of G1's largest region) at 64-byte steps from {@link #ALIGN}. Under other collectors the slabs lie
 * anywhere: only the speed depends on where, never a bit.
 */
final class Slabs {
    private Slabs() {}

    /**
     * A run of floats in a shared array: element i at {@code data[offset + i]}.
     *
     * @param data   the array
     * @param offset where the run starts
     * @param length floats in the run
     */
    record Slice(float[] data, int offset, int length) {
        /** These floats as the kernels' panels of {@code out} outputs over {@code in} inputs. */
        Operands.Panels panels(int out, int in) { return new Operands.Panels(data, offset, out, in); }
    }

    /** Floats per slab: 16 MB, so a slab is humongous whatever G1's region size (at most 32 MB). */
    static final int SLAB = 4 << 20;
    /** Smaller requests get an array of their own (with the same offset): they are not worth pinning a slab. */
    private static final int MIN = 16 << 10;
    /**
     * Offset in floats of a 64-byte boundary in a region-aligned array: {@code gfpose.gemm.align} (0-15) when set,
     * else 12 (the 16-byte array header of HotSpot with compressed class pointers, its default).
     */
    static final int ALIGN = align();

    private static float[] slab;
    private static int used;

    /**
     * A zeroed run of n floats starting 64-byte aligned in a slab, or in an array of its own when n is small (under
     * 64 KB) or larger than a slab.
     *
     * @param n floats
     * @return the run
     */
    static Slice allocate(int n) {
        if (n < MIN || n > SLAB) return new Slice(new float[n + 16], ALIGN, n);
        int size = (n + 15) & ~15; // whole 64-byte lines, so the next run starts aligned too
        synchronized (Slabs.class) {
            if (slab == null || used + size > SLAB) {
                slab = new float[SLAB + 16];
                used = 0;
            }
            Slice s = new Slice(slab, ALIGN + used, n);
            used += size;
            return s;
        }
    }

    private static int align() {
        String s = System.getProperty("gfpose.gemm.align", "").trim();
        if (s.isEmpty()) return 12;
        try {
            int a = Integer.parseInt(s);
            if (a >= 0 && a < 16) return a;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("gfpose.gemm.align must be 0 to 15, got '" + s + "'");
    }
}
