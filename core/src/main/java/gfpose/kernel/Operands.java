package gfpose.kernel;

/** The shaped operands of the GEMM kernels, so a call names its matrices instead of passing offsets and strides. */
final class Operands {
    private Operands() {}

    /**
     * Rows of a matrix in a flat array: element k of row r at {@code offset + r·stride + k·step} (the input rows A and
     * the output rows y of a kernel call). Output rows and most inputs are contiguous ({@code step} 1); the weight
     * gradient reads dyᵀ in place from dy, whose rows are its columns (stride 1, step {@code out}).
     */
    record Rows(float[] data, int offset, int stride, int step) {
        /** Rows with contiguous elements. */
        Rows(float[] data, int offset, int stride) { this(data, offset, stride, 1); }
    }

    /**
     * A weight in the packed panel layout ({@link PackedMatrix}): {@code out} outputs (columns of the result) by
     * {@code in} inputs (the summation length), starting at {@code data[offset]} ({@link Slabs}). Wᵀ of a layer,
     * and the xᵀ of its weight gradient, are panels too.
     */
    record Panels(float[] data, int offset, int out, int in) {
        int count() { return PackedMatrix.panelCount(out); }
    }

    /**
     * One result of a kernel call, {@code y = act((acc ? y : 0) + ((A·Wᵀ + bias) + shift))}: several of them may share
     * the call's input rows A, which are then packed once for all. {@code shift} ([out], or null) is one row that every
     * row adds, e.g. a time projection all rows share.
     */
    record Output(Panels w, float[] bias, float[] shift, Rows y, boolean acc, Activation act) {
        Output(Panels w, float[] bias, Rows y, boolean acc, Activation act) { this(w, bias, null, y, acc, act); }
    }
}
