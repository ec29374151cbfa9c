package gfpose.io;

import java.util.Arrays;

/**
 * One tensor as a safetensors header describes it.
 *
 * @param begin offset of its first byte in the data section (after the header)
 * @param end   offset just past its last byte
 */
public record SafetensorsEntry(String name, SafetensorsDType dtype, int[] shape, long begin, long end) {
    public SafetensorsEntry {
        shape = shape.clone();
    }

    @Override public int[] shape() { return shape.clone(); }

    /** Number of elements (1 for a 0-d tensor). */
    public long size() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** The shape written as {@code [a, b]}. */
    public String shapeString() { return Arrays.toString(shape); }

    @Override public boolean equals(Object o) {
        return o instanceof SafetensorsEntry e && e.name.equals(name) && e.dtype == dtype && Arrays.equals(e.shape, shape)
                && e.begin == begin && e.end == end;
    }

    @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(shape); }
}
