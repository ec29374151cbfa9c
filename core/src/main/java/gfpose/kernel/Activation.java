package gfpose.kernel;

/** Activation fused into a GEMM epilogue. */
public enum Activation {
    NONE,
    /** SiLU / swish: x * sigmoid(x). */
    SILU;

    /** Scalar reference of this activation (also the oracle for the fused vector path). */
    public float apply(float v) {
        return this == SILU ? v / (1f + (float) Math.exp(-v)) : v;
    }
}
