package gfpose.kernel;

import static gfpose.kernel.Activation.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise versions of {@link Activation}'s scalar functions, operation for operation, so both give the same
 * bits. Loaded only when {@link Simd} selected the Vector API.
 */
final class VectorMath {
    private VectorMath() {}

    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int L = S.length();
    /** The int vectors of S's shape, exact (see {@link VectorGemm#VT}). */
    @SuppressWarnings("unchecked")
    private static final Class<IntVector> IT = (Class<IntVector>) S.withLanes(int.class).vectorType();
    @SuppressWarnings("unchecked")
    private static final Class<VectorMask<Float>> MT = (Class<VectorMask<Float>>) S.maskAll(true).getClass();

    /** See {@link Activation#apply(float[], int, float[], int, int, boolean)}. */
    static void silu(float[] src, int sOff, float[] dst, int dOff, int n, boolean acc) {
        loop(src, sOff, null, 0, dst, dOff, n, acc ? ACCUMULATE : FORWARD);
    }

    /** See {@link Activation#backward}: dst = dy · SiLU'(pre). */
    static void siluBackward(float[] pre, int pOff, float[] dy, int dyOff, float[] dst, int dOff, int n) {
        loop(pre, pOff, dy, dyOff, dst, dOff, n, BACKWARD);
    }

    private static final int FORWARD = 0, ACCUMULATE = 1, BACKWARD = 2;

    /**
     * The constants as static finals, which C2 sees as constants of the exact vector class: locals set before the loop
     * would reach its body as plain FloatVectors (see {@link VectorGemm#VT}).
     */
    private static final FloatVector LO = c(T_MIN), HI = c(T_MAX), LOG2E_V = c(LOG2E), ROUND_V = c(ROUND),
            LN2_HI_NEG = c(-LN2_HI), LN2_LO_NEG = c(-LN2_LO), C6_V = c(C6), C5_V = c(C5), C4_V = c(C4), C3_V = c(C3),
            C2_V = c(C2), C1_V = c(C1), ONE = c(1f), TINY = c(T_MAX_NEG), NEG_ZERO = c(-0f), ZERO = c(0f);

    /**
     * SiLU (mode FORWARD, ACCUMULATE) or dy times its derivative (BACKWARD) over n values of x: the scalar twins'
     * operations lane-wise, the tail by the twins themselves. One loop for all modes, which C2 unswitches on the
     * invariant mode; the math stays inside it on purpose: a helper taking a FloatVector that C2 did not inline
     * would box every vector.
     */
    private static void loop(float[] x, int xOff, float[] dy, int dyOff, float[] dst, int dOff, int n, int mode) {
        int i = 0;
        for (int end = n - L; i <= end; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            // e = exp(-v), as Activation.expNeg
            FloatVector t = v.neg().max(LO).min(HI);
            FloatVector r = t.mul(LOG2E_V).add(ROUND_V);
            FloatVector q = r.sub(ROUND_V);
            FloatVector s = q.fma(LN2_HI_NEG, t);
            s = q.fma(LN2_LO_NEG, s);
            FloatVector u = C6_V.fma(s, C5_V);
            u = u.fma(s, C4_V);
            u = u.fma(s, C3_V);
            u = u.fma(s, C2_V);
            u = u.fma(s, C1_V);
            u = s.mul(s).fma(u, s).add(ONE);
            IntVector qb = IT.cast(r.reinterpretAsInts());
            FloatVector e = u.mul(VectorGemm.VT.cast(qb.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()));
            if (mode == BACKWARD) {
                FloatVector sig = ONE.div(e.add(ONE));
                FloatVector g = sig.mul(ONE.add(v.mul(ONE.sub(sig)))).blend(ZERO, MT.cast(v.lt(TINY)));
                VectorGemm.store(FloatVector.fromArray(S, dy, dyOff + i).mul(g), dst, dOff + i);
            } else {
                v = v.div(e.add(ONE)).blend(NEG_ZERO, MT.cast(v.lt(TINY)));
                // a store per branch, each on the exact type: one store of the two branches' merged vector ran the
                // store's Java fallback in some C2 compilations (a third of a forward pass at width 512)
                if (mode == ACCUMULATE) VectorGemm.store(FloatVector.fromArray(S, dst, dOff + i).add(v), dst, dOff + i);
                else VectorGemm.store(v, dst, dOff + i);
            }
        }
        for (; i < n; i++) {
            if (mode == BACKWARD) {
                dst[dOff + i] = dy[dyOff + i] * Activation.siluDerivative(x[xOff + i]);
            } else {
                float v = Activation.silu(x[xOff + i]);
                dst[dOff + i] = mode == ACCUMULATE ? dst[dOff + i] + v : v;
            }
        }
    }

    private static FloatVector c(float v) { return FloatVector.broadcast(S, v); }
}
