package gfpose.kernel;

import java.util.Arrays;

/**
 * A weight matrix W of shape [out, in] (PyTorch {@code Linear.weight} layout), packed once at load
 * time into the layout the GEMM micro-kernel streams. Immutable after packing.
 */
public final class PackedMatrix {
    private final int out;
    private final int in;
    private final float[] rowMajor; // [out][in], as given

    private PackedMatrix(float[] w, int out, int in) {
        this.out = out;
        this.in = in;
        this.rowMajor = w;
    }

    /** Packs a row-major [out][in] matrix; {@code w} is copied. */
    public static PackedMatrix pack(float[] w, int out, int in) {
        if (out <= 0 || in <= 0 || w.length != (long) out * in) {
            throw new IllegalArgumentException("matrix of " + w.length + " floats is not [" + out + ", " + in + "]");
        }
        return new PackedMatrix(Arrays.copyOf(w, w.length), out, in);
    }

    public int out() { return out; }

    public int in() { return in; }

    /** W[o][i]. */
    public float get(int o, int i) { return rowMajor[o * in + i]; }

    /** A row-major [out][in] copy. */
    public float[] toRowMajor() { return Arrays.copyOf(rowMajor, rowMajor.length); }
}
