package gfpose.io;

import java.util.Arrays;

/** A named float tensor to write: C-order values and their shape. */
public record SafetensorsTensor(String name, int[] shape, float[] values) {
    public SafetensorsTensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor '" + name + "': negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': " + values.length + " values for shape " + Arrays.toString(shape));
        }
    }

    @Override public int[] shape() { return shape.clone(); }
}
