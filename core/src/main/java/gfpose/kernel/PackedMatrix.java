package gfpose.kernel;

/**
 * A weight matrix W of shape [out, in] (PyTorch {@code Linear.weight} layout), packed once at load time into
 * the layout the GEMM tile streams: column panels {@code [ceil(out/P)][in][P]} with {@code P} = 2 vectors
 * ({@link Simd#PANEL}), the out dimension zero-padded so every panel is full. Memory: about {@code 4·out·in}
 * bytes, plus as much again once {@link Gemm#linearBackwardInput} has built the packed Wᵀ (lazily, kept
 * until the matrix is dropped; {@link #repack} refreshes both).
 */
public final class PackedMatrix {
    private final int out;
    private final int in;
    private final Slabs.Slice panels;        // W: [ceil(out/P)][in][P]
    private volatile Slabs.Slice transposed; // Wᵀ for dx = dy·W: [ceil(in/P)][out][P], built on first use

    private PackedMatrix(int out, int in) {
        this.out = out;
        this.in = in;
        this.panels = Slabs.allocate(panelCount(out) * in * Simd.PANEL);
    }

    /**
     * Packs a row-major [out][in] matrix; {@code w} is copied.
     *
     * @param w   the matrix, [out][in] row-major (e.g. a PyTorch {@code Linear.weight})
     * @param out number of rows (the layer's output width, &gt; 0)
     * @param in  number of columns (the layer's input width, &gt; 0)
     * @return the packed matrix
     * @throws IllegalArgumentException if a dimension is not positive or w does not hold out·in floats
     */
    public static PackedMatrix pack(float[] w, int out, int in) {
        if (out <= 0 || in <= 0) throw new IllegalArgumentException("bad shape [" + out + ", " + in + "]");
        PackedMatrix m = new PackedMatrix(out, in);
        m.repack(w);
        return m;
    }

    /**
     * Refreshes the packed copy (and Wᵀ if built) in place from a row-major [out][in] matrix, e.g. after an optimizer
     * step. Must not run while a GEMM reads this matrix.
     *
     * @param w the new values, [out][in] row-major
     * @throws IllegalArgumentException if w does not hold out·in floats
     */
    public void repack(float[] w) { repack(w, null); }

    /**
     * {@link #repack(float[])} with the panels split across {@code pool} (null = caller): plain copies, exact for any
     * split.
     *
     * @param w    the new values, [out][in] row-major
     * @param pool threads to split the panels across, or null for the calling thread
     * @throws IllegalArgumentException if w does not hold out·in floats
     */
    public void repack(float[] w, ThreadPool pool) { repack(java.util.List.of(this), java.util.List.of(w), pool); }

    /**
     * {@link #repack(float[], ThreadPool)} of several matrices in one parallel region (their panels, and those of each
     * Wᵀ already built, split across the pool together): an optimiser step re-packs every layer at once.
     *
     * @param matrices the packed matrices
     * @param values   each one's new values, [out][in] row-major, in the same order
     * @param pool     threads to split the panels across, or null for the calling thread
     * @throws IllegalArgumentException if the lists differ in size or a matrix's values do not hold out·in floats
     */
    public static void repack(java.util.List<PackedMatrix> matrices, java.util.List<float[]> values, ThreadPool pool) {
        int n = matrices.size();
        if (values.size() != n) throw new IllegalArgumentException(n + " matrices but " + values.size() + " value arrays");
        Slabs.Slice[] t = new Slabs.Slice[n];
        int[] panels = new int[2 * n]; // the forward panels of every matrix, then the Wᵀ panels of those that have them
        for (int i = 0; i < n; i++) {
            PackedMatrix m = matrices.get(i);
            if (values.get(i).length != (long) m.out * m.in) {
                throw new IllegalArgumentException("matrix of " + values.get(i).length + " floats is not [" + m.out + ", " + m.in + "]");
            }
            t[i] = m.transposed;
            panels[i] = panelCount(m.out);
            panels[n + i] = t[i] == null ? 0 : panelCount(m.in);
        }
        Spans.forEach(panels, 1, pool, (k, q0, q1) -> {
            PackedMatrix m = matrices.get(k % n);
            float[] w = values.get(k % n);
            if (k < n) packRows(w, m.out, m.in, m.panels, q0, q1);
            else packColumns(w, m.out, m.in, t[k - n], q0, q1);
        });
    }

    /**
     * Rows of W.
     *
     * @return out, the layer's output width
     */
    public int out() { return out; }

    /**
     * Columns of W.
     *
     * @return in, the layer's input width
     */
    public int in() { return in; }

    /**
     * W[o][i].
     *
     * @param o row (output index) in [0, out)
     * @param i column (input index) in [0, in)
     * @return the element
     * @throws IndexOutOfBoundsException if (o, i) is outside the matrix
     */
    public float get(int o, int i) {
        if (o < 0 || o >= out || i < 0 || i >= in) throw new IndexOutOfBoundsException("(" + o + ", " + i + ")");
        int p = Simd.PANEL;
        return panels.data()[panels.offset() + ((o / p) * in + i) * p + o % p];
    }

    /**
     * A row-major [out][in] copy.
     *
     * @return a new array of out·in floats
     */
    public float[] toRowMajor() {
        float[] w = new float[out * in];
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) w[o * in + i] = get(o, i);
        return w;
    }

    /** W's panels, where they lie. */
    Slabs.Slice panels() { return panels; }

    /** W as the kernels' operand: {@code out} outputs over {@code in} inputs. */
    Operands.Panels forward() { return panels.panels(out, in); }

    /** Wᵀ as the kernels' operand (for dx = dy·W): {@code in} outputs over {@code out} inputs; built on first use. */
    Operands.Panels transposed() { return transposedPanels().panels(in, out); }

    /** Wᵀ as an [in, out] matrix packed like {@link #panels}; built once, then refreshed by {@link #repack}. */
    Slabs.Slice transposedPanels() {
        Slabs.Slice t = transposed;
        if (t == null) {
            synchronized (this) {
                t = transposed;
                if (t == null) {
                    t = Slabs.allocate(panelCount(in) * out * Simd.PANEL);
                    float[] w = toRowMajor();
                    packColumns(w, out, in, t);
                    transposed = t;
                }
            }
        }
        return t;
    }

    static int panelCount(int n) { return (n + Simd.PANEL - 1) / Simd.PANEL; }

    /** Packs row-major A[n][k] (n = the output dimension) into panels [ceil(n/P)][k][P] in dst, panels [q0, q1) only. */
    static void packRows(float[] a, int n, int k, Slabs.Slice dst, int q0, int q1) {
        int p = Simd.PANEL, kb = 64;
        if (Simd.BITS >= 256) { // full panels by gathers: 1.7x the scalar copy's speed at 512 bits (12 M floats)
            int full = Math.max(q0, Math.min(q1, n / p));
            VectorGemm.gatherPanels(a, k, dst, q0, full);
            q0 = full;
        }
        for (int q = q0; q < q1; q++) {
            int j0 = q * p, rowsInPanel = Math.min(p, n - j0);
            // k in blocks, so the block's P-wide destination rows (kb x 64 B) stay in L1 while the P source rows pass
            for (int i0 = 0; i0 < k; i0 += kb) {
                int i1 = Math.min(k, i0 + kb);
                for (int c = 0; c < rowsInPanel; c++) {
                    int src = (j0 + c) * k, d = dst.offset() + q * k * p + c;
                    for (int i = i0; i < i1; i++) dst.data()[d + i * p] = a[src + i];
                }
            }
        }
    }

    /**
     * Packs Aᵀ, where A is row-major [k][n], into panels [ceil(n/P)][k][P] in dst: the panels of an
     * [n, k] matrix. Each panel row is a contiguous slice of one row of A, so this is a blocked copy.
     */
    static void packColumns(float[] a, int k, int n, Slabs.Slice dst) {
        packColumns(a, k, n, dst, 0, panelCount(n));
    }

    /**
     * {@link #packColumns(float[], int, int, Slabs.Slice)} for panels [q0, q1) only. Blocks of rows of A, each block
     * read once, front to back, into every panel: going panel by panel instead reads A down its columns, a line per
     * row 4 KB apart (at n = 1024), which the prefetchers do not follow (2.3x slower over 12 M floats).
     */
    static void packColumns(float[] a, int k, int n, Slabs.Slice dst, int q0, int q1) {
        int p = Simd.PANEL, rb = 16;
        float[] d = dst.data();
        for (int i0 = 0; i0 < k; i0 += rb) {
            int i1 = Math.min(k, i0 + rb);
            for (int q = q0; q < q1; q++) {
                int j0 = q * p, len = Math.min(p, n - j0);
                for (int i = i0; i < i1; i++) {
                    int o = dst.offset() + (q * k + i) * p;
                    System.arraycopy(a, i * n + j0, d, o, len);
                    if (len < p) java.util.Arrays.fill(d, o + len, o + p, 0f); // dst may be reused scratch
                }
            }
        }
    }
}
