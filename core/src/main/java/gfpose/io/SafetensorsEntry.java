package gfpose.io;

import java.util.Arrays;

/**
 * One tensor as a safetensors header describes it.
 *
 * @param name  the tensor's name, the header key
 * @param dtype the element type
 * @param shape the dimensions, outermost first; empty for a 0-d tensor (a scalar)
 * @param begin offset of its first byte in the data section (after the header)
 * @param end   offset just past its last byte
 */
public record SafetensorsEntry(String name, SafetensorsDType dtype, int[] shape, long begin, long end) {
    /**
     * Copies the shape, so that later changes to the caller's array do not reach the entry.
     *
     * @param name  the tensor's name
     * @param dtype the element type
     * @param shape the dimensions, outermost first
     * @param begin offset of its first byte in the data section
     * @param end   offset just past its last byte
     */
    public SafetensorsEntry {
        shape = shape.clone();
    }

    /**
     * The dimensions, outermost first.
     *
     * @return a copy of the shape; empty for a 0-d tensor
     */
    @Override public int[] shape() { return shape.clone(); }

    /**
     * Number of elements (1 for a 0-d tensor).
     *
     * @return the product of the dimensions
     */
    public long size() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /**
     * The shape written as {@code [a, b]}.
     *
     * @return the shape for messages, {@code []} for a 0-d tensor
     */
    public String shapeString() { return Arrays.toString(shape); }

    @Override public boolean equals(Object o) {
        return o instanceof SafetensorsEntry e && e.name.equals(name) && e.dtype == dtype && Arrays.equals(e.shape, shape)
                && e.begin == begin && e.end == end;
    }

    @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(shape); }
}
