package gfpose.kernel;

import java.util.Objects;

/**
 * Input rows x [rows][in] packed once for every layer of a pass that reads them ({@link Gemm#linear(PackedRows,
 * PackedMatrix, float[], float[], int, boolean, Activation)}): GFPose's sub-layers all read the same time and
 * condition embeddings, which each GEMM would otherwise pack again (two thirds of the forward's packing). The same
 * bits as passing x. Keeps a reference to x: change x only after the layers ran. Reusable: {@link #set} grows its
 * memory on demand. Not thread-safe.
 */
public final class PackedRows {
    float[] x;
    int xOff, rows, in;
    /** The vector kernel's packed rows (all chunks), or null when it reads x itself (one or two rows, scalar path). */
    float[] packed;
    private float[] buffer = new float[0];

    /**
     * Takes x and packs its rows on the calling thread.
     *
     * @param x    input rows, [rows][in] row-major from xOff; kept by reference
     * @param xOff index of row 0 in x
     * @param rows number of rows (≥ 0)
     * @param in   input width (&gt; 0)
     * @return this, now holding x's rows
     * @throws IllegalArgumentException if rows &lt; 0 or in ≤ 0
     * @throws IndexOutOfBoundsException if x is too short
     */
    public PackedRows set(float[] x, int xOff, int rows, int in) {
        if (rows < 0 || in <= 0) throw new IllegalArgumentException("bad shape " + rows + "x" + in);
        Objects.checkFromIndexSize(xOff, rows * in, x.length);
        this.x = x;
        this.xOff = xOff;
        this.rows = rows;
        this.in = in;
        packed = null;
        if (Gemm.VECTOR && rows > 2) {
            int size = VectorGemm.packedSize(rows, in);
            if (buffer.length < size) buffer = new float[size];
            VectorGemm.packAll(x, xOff, in, rows, in, buffer);
            packed = buffer;
        }
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
