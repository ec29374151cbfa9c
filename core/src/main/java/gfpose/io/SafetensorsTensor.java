package gfpose.io;

import java.util.Arrays;

/**
 * A named float tensor to write: C-order values and their shape.
 *
 * @param name   the header key; not {@link Safetensors#METADATA}
 * @param shape  the dimensions, outermost first, none negative; empty for a scalar
 * @param values the elements in C order, as many as the shape's product (the array is kept, not copied)
 */
public record SafetensorsTensor(String name, int[] shape, float[] values) {
    /**
     * Copies the shape and checks it against the values.
     *
     * @param name   the header key
     * @param shape  the dimensions, outermost first
     * @param values the elements in C order
     * @throws IllegalArgumentException naming the tensor for a negative dimension or a value count that is not the
     *                                  shape's product
     */
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

    /**
     * The dimensions, outermost first.
     *
     * @return a copy of the shape
     */
    @Override public int[] shape() { return shape.clone(); }
}
