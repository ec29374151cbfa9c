package gfpose.kernel;

import java.util.Objects;

/**
 * The gradient dy [rows][out] of a layer output, prepared once for the weight gradients of every Linear that
 * writes to that output ({@link Gemm#weightGradient(OutputGradient, float[], int, float[], float[], ThreadPool)}):
 * dyᵀ, which the GEMM packs with unit stride (14 % faster than gathering dy's columns), and the bias gradient
 * Σ_r dy, summed over increasing r. Reusable: {@link #set} grows the buffers on demand. Not thread-safe.
 */
public final class OutputGradient {
    /** Square block of the transpose: 16 x 16 floats = 16 cache lines read and 16 written. */
    private static final int TB = 16;
    float[] dyT = new float[0];
    float[] biasSum = new float[0];
    int rows, out;

    /**
     * Takes dy ([rows][out], read now, not kept), splitting the work across {@code pool} (null = caller); exact for
     * any split.
     *
     * @param dy   the output gradient, [rows][out] row-major
     * @param rows number of rows (≥ 0)
     * @param out  output width (&gt; 0)
     * @param pool threads to split the columns across, or null for the calling thread
     * @return this, now holding dyᵀ and the bias gradient of dy
     * @throws IllegalArgumentException if rows &lt; 0 or out ≤ 0
     */
    public OutputGradient set(float[] dy, int rows, int out, ThreadPool pool) {
        if (rows < 0 || out <= 0) throw new IllegalArgumentException("bad shape " + rows + "x" + out);
        Objects.checkFromIndexSize(0, rows * out, dy.length);
        this.rows = rows;
        this.out = out;
        if (dyT.length < rows * out) dyT = new float[rows * out];
        if (biasSum.length < out) biasSum = new float[out];
        float[] t = dyT, s = biasSum;
        ThreadPool.RangeBody body = (o0, o1) -> {
            // bias sums: each column over r in increasing order; the inner loop runs along a row (vectorizable)
            java.util.Arrays.fill(s, o0, o1, 0f);
            for (int r = 0; r < rows; r++) for (int o = o0, d = r * out; o < o1; o++) s[o] += dy[d + o];
            for (int rb = 0; rb < rows; rb += TB) {
                int re = Math.min(rows, rb + TB);
                for (int ob = o0; ob < o1; ob += TB) {
                    int oe = Math.min(o1, ob + TB);
                    for (int o = ob; o < oe; o++) for (int r = rb; r < re; r++) t[o * rows + r] = dy[r * out + o];
                }
            }
        };
        ThreadPool.run(pool, out, TB, body);
        return this;
    }

    /**
     * Rows of the dy last {@link #set}.
     *
     * @return the row count (0 before the first set)
     */
    public int rows() { return rows; }

    /**
     * Output width of the dy last {@link #set}.
     *
     * @return the column count (0 before the first set)
     */
    public int out() { return out; }
}
