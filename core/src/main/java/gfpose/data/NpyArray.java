package gfpose.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** One array read from a {@code .npy} file: its dtype, shape and raw little-endian bytes. */
public final class NpyArray {
    private final String name;
    private final String dtype; // '<f4', '<f8', '<i2', '<i4', '<i8'
    private final int[] shape;
    private final ByteBuffer data;

    NpyArray(String name, String dtype, int[] shape, ByteBuffer data) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
    }

    public String name() { return name; }

    public String dtype() { return dtype; }

    public int[] shape() { return shape.clone(); }

    /** Number of elements (1 for a 0-d array). */
    public int size() {
        long n = 1;
        for (int d : shape) n *= d;
        return (int) n;
    }

    /** All elements converted to float, in C order. */
    public float[] toFloats() {
        int n = size();
        float[] out = new float[n];
        if (dtype.equals("<f4")) { // bulk copy: the Human3.6M arrays are float32 and large
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asFloatBuffer().get(out);
            return out;
        }
        for (int i = 0; i < n; i++) out[i] = (float) element(i);
        return out;
    }

    /** All elements converted to double, in C order. */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = element(i);
        return out;
    }

    /** All elements as long (integer dtypes only). */
    public long[] toLongs() {
        int n = size();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case "<i2": out[i] = data.getShort(2 * i); break;
                case "<i4": out[i] = data.getInt(4 * i); break;
                case "<i8": out[i] = data.getLong(8 * i); break;
                default: throw new IllegalStateException("array '" + name + "' has dtype " + dtype + ", not an integer type");
            }
        }
        return out;
    }

    /** The single value of a 0-d or one-element array. */
    public double scalar() {
        if (size() != 1) throw new IllegalStateException("array '" + name + "' has shape " + Arrays.toString(shape) + ", not a scalar");
        return element(0);
    }

    private double element(int i) {
        switch (dtype) {
            case "<f4": return data.getFloat(4 * i);
            case "<f8": return data.getDouble(8 * i);
            case "<i2": return data.getShort(2 * i);
            case "<i4": return data.getInt(4 * i);
            case "<i8": return data.getLong(8 * i);
            default: throw new IllegalStateException("unsupported dtype " + dtype);
        }
    }

    @Override public String toString() { return name + " " + dtype + Arrays.toString(shape); }
}
