package gfpose.kernel;

import java.util.Objects;

/**
 * A layer input x [rows][in] packed once as the weight-gradient operand (the panels of xᵀ) for every Linear that reads
 * it: layers sharing an input (GFPose's dense_t and dense_cond of every sub-layer read the same embeddings) then pack
 * it once per step instead of once per layer, with the same bits ({@link Gemm.Gradient#Gradient(PackedInput, float[],
 * float[])}). Reusable: {@link #set} grows its memory on demand. Not thread-safe.
 */
public final class PackedInput {
    Slabs.Slice panels;
    int rows, in;

    /**
     * Packs x; x itself is not kept, so it may change afterwards.
     *
     * @param x    the layer input, [rows][in] row-major
     * @param rows number of rows (≥ 0)
     * @param in   input width (&gt; 0)
     * @param pool threads to split the panels across, or null for the calling thread; exact for any split
     * @return this, now holding xᵀ
     * @throws IllegalArgumentException if rows &lt; 0 or in ≤ 0
     * @throws IndexOutOfBoundsException if x holds fewer than rows·in floats
     */
    public PackedInput set(float[] x, int rows, int in, ThreadPool pool) {
        if (rows < 0 || in <= 0) throw new IllegalArgumentException("bad shape " + rows + "x" + in);
        Objects.checkFromIndexSize(0, rows * in, x.length);
        int count = PackedMatrix.panelCount(in), size = count * rows * Simd.PANEL;
        if (panels == null || panels.length() < size) panels = Slabs.allocate(Math.max(size, 1));
        this.rows = rows;
        this.in = in;
        Slabs.Slice dst = panels;
        ThreadPool.run(pool, count, 1, (q0, q1) -> PackedMatrix.packColumns(x, rows, in, dst, q0, q1));
        return this;
    }

    /**
     * Rows of the x last {@link #set}.
     *
     * @return the row count (0 before the first set)
     */
    public int rows() { return rows; }

    /**
     * Width of the x last {@link #set}.
     *
     * @return the input width (0 before the first set)
     */
    public int in() { return in; }
}
