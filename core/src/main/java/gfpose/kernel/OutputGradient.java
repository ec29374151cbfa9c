package gfpose.kernel;

import java.util.Objects;

/**
 * The gradient dy [rows][out] of a layer output, prepared once for the weight gradients of every Linear that
 * writes to that output ({@link Gemm#weightGradient(OutputGradient, float[], int, float[], float[], ThreadPool)}):
 * dy itself, which the GEMM reads as dyᵀ in place (its packing copies four adjacent values of a row of dy per step,
 * so no transposed copy is made), and the bias gradient Σ_r dy, summed over increasing r. Keeps a reference to dy:
 * change dy only after the weight gradients are taken. Reusable: {@link #set} grows its buffer on demand. Not
 * thread-safe.
 */
public final class OutputGradient {
    float[] dy = new float[0];
    float[] biasSum = new float[0];
    int rows, out;

    /**
     * Takes dy ([rows][out], kept by reference until the next set) and sums its columns, splitting the work across
     * {@code pool} (null = caller); exact for any split.
     *
     * @param dy   the output gradient, [rows][out] row-major; not to be changed while the weight gradients are taken
     * @param rows number of rows (≥ 0)
     * @param out  output width (&gt; 0)
     * @param pool threads to split the columns across, or null for the calling thread
     * @return this, now holding dy and its bias gradient
     * @throws IllegalArgumentException if rows &lt; 0 or out ≤ 0
     */
    public OutputGradient set(float[] dy, int rows, int out, ThreadPool pool) {
        if (rows < 0 || out <= 0) throw new IllegalArgumentException("bad shape " + rows + "x" + out);
        Objects.checkFromIndexSize(0, rows * out, dy.length);
        this.dy = dy;
        this.rows = rows;
        this.out = out;
        if (biasSum.length < out) biasSum = new float[out];
        float[] s = biasSum;
        // each column over r in increasing order; the inner loop runs along a row (vectorizable)
        ThreadPool.run(pool, out, 16, (o0, o1) -> {
            java.util.Arrays.fill(s, o0, o1, 0f);
            for (int r = 0; r < rows; r++) for (int o = o0, d = r * out; o < o1; o++) s[o] += dy[d + o];
        });
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
