package gfpose.kernel;

/** Activation fused into a GEMM epilogue. */
public enum Activation {
    /** Identity: the layer's output is used as is (derivative 1). */
    NONE,
    /** SiLU / swish: x * sigmoid(x). */
    SILU;

    /**
     * Scalar reference of this activation (also the oracle for the fused vector path, which gives the same bits).
     *
     * @param v the pre-activation value
     * @return act(v): v for {@link #NONE}, v·σ(v) for {@link #SILU}
     */
    public float apply(float v) {
        return this == SILU ? silu(v) : v;
    }

    /**
     * {@code dst[dOff + i] = apply(src[sOff + i])}, or {@code dst += apply(src)} when {@code accumulate}, for
     * i in [0, n); dst may be src. Vectorized when the Vector API backend is on, with the same bits as {@link #apply}.
     *
     * @param src        the pre-activation values
     * @param sOff       first index read in src
     * @param dst        receives (or accumulates) the activations
     * @param dOff       first index written in dst
     * @param n          number of values
     * @param accumulate add to dst's previous values instead of overwriting them
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public void apply(float[] src, int sOff, float[] dst, int dOff, int n, boolean accumulate) {
        java.util.Objects.checkFromIndexSize(sOff, n, src.length);
        java.util.Objects.checkFromIndexSize(dOff, n, dst.length);
        if (this == NONE) {
            if (accumulate) for (int i = 0; i < n; i++) dst[dOff + i] += src[sOff + i];
            else System.arraycopy(src, sOff, dst, dOff, n);
        } else if (Simd.BITS > 0) {
            VectorMath.silu(src, sOff, dst, dOff, n, accumulate);
        } else if (accumulate) {
            for (int i = 0; i < n; i++) dst[dOff + i] += silu(src[sOff + i]);
        } else {
            for (int i = 0; i < n; i++) dst[dOff + i] = silu(src[sOff + i]);
        }
    }

    /**
     * Backward: {@code dst[dOff + i] = dy[dyOff + i] · act'(pre[pOff + i])} for i in [0, n), where pre is the
     * activation's input; dst may be dy. Vectorized like {@link #apply(float[], int, float[], int, int, boolean)},
     * with the same bits as {@link #derivative} on every backend.
     *
     * @param pre   the activation's input from the forward pass
     * @param pOff  first index read in pre
     * @param dy    the gradient with respect to the activation's output
     * @param dyOff first index read in dy
     * @param dst   receives the gradient with respect to the activation's input (overwritten, not accumulated)
     * @param dOff  first index written in dst
     * @param n     number of values
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public void backward(float[] pre, int pOff, float[] dy, int dyOff, float[] dst, int dOff, int n) {
        java.util.Objects.checkFromIndexSize(pOff, n, pre.length);
        java.util.Objects.checkFromIndexSize(dyOff, n, dy.length);
        java.util.Objects.checkFromIndexSize(dOff, n, dst.length);
        if (this == NONE) System.arraycopy(dy, dyOff, dst, dOff, n);
        else if (Simd.BITS > 0) VectorMath.siluBackward(pre, pOff, dy, dyOff, dst, dOff, n);
        else for (int i = 0; i < n; i++) dst[dOff + i] = dy[dyOff + i] * siluDerivative(pre[pOff + i]);
    }

    /**
     * Scalar reference of this activation's derivative at v.
     *
     * @param v the pre-activation value
     * @return act'(v): 1 for {@link #NONE}, σ(v)·(1 + v·(1 − σ(v))) for {@link #SILU}
     */
    public float derivative(float v) {
        return this == SILU ? siluDerivative(v) : 1f;
    }

    // exp(t) = 2^q · e^s, q = rint(t / ln 2), s = t − q·ln 2 (Cody–Waite, two parts), e^s by a degree-6
    // polynomial with FMA (SLEEF expf_u10, within 1 ulp). Written out op by op so that VectorMath can repeat it
    // lane-wise with identical rounding: no Math.exp, whose result the vector path could not reproduce.
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2^23: adding and subtracting it rounds a float of magnitude below 2^22 to the nearest integer (even on ties). */
    static final float ROUND = 12582912f;
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187045e-06f;
    static final float C6 = 0.000198527617612853646278381f, C5 = 0.00139304355252534151077271f,
            C4 = 0.00833336077630519866943359f, C3 = 0.0416664853692054748535156f,
            C2 = 0.166666671633720397949219f, C1 = 0.5f;
    /**
     * exp's argument −v is clamped to this range, so 2^q is a normal float built from its bits and never overflows.
     * Outside it SiLU is already exact (v ≥ 87: 1 + e^−v rounds to 1) or below 1e-36 in magnitude (v ≤ −88).
     */
    static final float T_MIN = -87f, T_MAX = 88f;
    /** Below this, v / (1 + e^−v) with the clamped e^−v would not vanish for huge |v|; SiLU is −0 there to 2e-37. */
    static final float T_MAX_NEG = -T_MAX;

    static float silu(float v) {
        return v < T_MAX_NEG ? -0f : v / (expNeg(v) + 1f);
    }

    /**
     * d/dv of v·σ(v) = σ(v)·(1 + v·(1 − σ(v))), with σ(v) = 1 / (1 + e^−v) from {@link #expNeg}; 0 below −88, where
     * the true value is under 1e-36 but the clamped σ times a huge v would not be.
     */
    static float siluDerivative(float v) {
        float s = 1f / (expNeg(v) + 1f);
        return v < T_MAX_NEG ? 0f : s * (1f + v * (1f - s));
    }

    /** e^−v with −v clamped to [T_MIN, T_MAX]. */
    static float expNeg(float v) {
        float t = Math.min(Math.max(-v, T_MIN), T_MAX);
        float r = t * LOG2E + ROUND;
        float q = r - ROUND;
        float s = Math.fma(q, -LN2_HI, t);
        s = Math.fma(q, -LN2_LO, s);
        float u = Math.fma(C6, s, C5);
        u = Math.fma(u, s, C4);
        u = Math.fma(u, s, C3);
        u = Math.fma(u, s, C2);
        u = Math.fma(u, s, C1);
        u = Math.fma(s * s, u, s) + 1f;
        // r's low mantissa bits hold q: bits(r) = 0x4B400000 + q, and the shift drops the 0x4B4 part, so this is
        // 2^q built without a float-to-int conversion (which C2 does not vectorize on AVX2 in JDK 17)
        return u * Float.intBitsToFloat((Float.floatToRawIntBits(r) + 127) << 23);
    }
}
