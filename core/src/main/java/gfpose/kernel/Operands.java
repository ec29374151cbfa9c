package gfpose.kernel;

/** The shaped operands of the GEMM kernels, so a call names its matrices instead of passing offsets and strides. */
final class Operands {
    private Operands() {}

    /**
     * Rows of a matrix in a flat array: row r starts at {@code offset + r·stride} and its elements are contiguous
     * (the input rows A and the output rows y of a kernel call).
     */
    record Rows(float[] data, int offset, int stride) {}

    /**
     * A weight in the packed panel layout ({@link PackedMatrix}): {@code out} outputs (columns of the result) by
     * {@code in} inputs (the summation length). Wᵀ of a layer, and the xᵀ of its weight gradient, are panels too.
     */
    record Panels(float[] data, int out, int in) {
        int count() { return PackedMatrix.panelCount(out); }
    }

    /**
     * One result of a kernel call, {@code y = act((acc ? y : 0) + bias + A·Wᵀ)}: several of them may share the call's
     * input rows A, which are then packed once for all.
     */
    record Output(Panels w, float[] bias, Rows y, boolean acc, Activation act) {}
}
