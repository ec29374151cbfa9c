package gfpose.nn;

import java.util.Arrays;

/**
 * One trainable parameter of the network: its PyTorch {@code state_dict} name, shape and default initialisation.
 *
 * @param name  PyTorch name, e.g. {@code b1_dense1.weight}
 * @param shape [out, in] for a Linear weight, [channels] for biases and GroupNorm γ/β
 * @param init  how {@link ScoreNet#random} fills it
 * @param fanIn the owning Linear's input width (bound 1/√fanIn), 0 for GroupNorm parameters
 */
public record ParamSpec(String name, int[] shape, Init init, int fanIn) {

    /** PyTorch default initialisation of the parameter. */
    public enum Init {
        /** U(−1/√fanIn, 1/√fanIn): Linear weight and bias. */
        UNIFORM,
        /** All ones: GroupNorm γ. */
        ONES,
        /** All zeros: GroupNorm β. */
        ZEROS
    }

    /**
     * A parameter description; the shape is copied.
     *
     * @param name  PyTorch name
     * @param shape [out, in] or [channels]
     * @param init  default initialisation
     * @param fanIn the owning Linear's input width, 0 for GroupNorm parameters
     */
    public ParamSpec {
        shape = shape.clone();
    }

    /**
     * The shape.
     *
     * @return a copy of the shape, so the record stays immutable
     */
    @Override public int[] shape() { return shape.clone(); }

    /**
     * Number of elements.
     *
     * @return the product of the shape's extents (the length of the flattened tensor)
     */
    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /**
     * The shape as PyTorch prints it, e.g. {@code [1024, 51]}.
     *
     * @return the shape in brackets, for messages
     */
    public String shapeString() { return Arrays.toString(shape); }

    /**
     * Whether another shape equals this one.
     *
     * @param other a shape, e.g. a tensor's in a weights file
     * @return true if it has the same extents in the same order
     */
    public boolean hasShape(int[] other) { return Arrays.equals(shape, other); }

    // records compare array components by reference; compare by value instead
    @Override public boolean equals(Object o) {
        return o instanceof ParamSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape) && p.init == init && p.fanIn == fanIn;
    }

    @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(shape); }

    @Override public String toString() { return name + " " + shapeString(); }
}
