package gfpose.kernel;

import static gfpose.kernel.Activation.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
     * SiLU (mode FORWARD, ACCUMULATE) or dy times its derivative (BACKWARD) over n values of x: the scalar twins'
     * operations lane-wise, the tail by the twins themselves. One loop for all modes, which C2 unswitches on the
     * invariant mode; the math stays inside it on purpose: a helper taking a FloatVector that C2 did not inline
     * would box every vector.
     */
    private static void loop(float[] x, int xOff, float[] dy, int dyOff, float[] dst, int dOff, int n, int mode) {
        FloatVector lo = c(T_MIN), hi = c(T_MAX), log2e = c(LOG2E), round = c(ROUND), ln2hi = c(-LN2_HI),
                ln2lo = c(-LN2_LO), c6 = c(C6), c5 = c(C5), c4 = c(C4), c3 = c(C3), c2 = c(C2), c1 = c(C1), one = c(1f),
                tiny = c(T_MAX_NEG), negZero = c(-0f), zero = c(0f);
        int i = 0;
        for (int end = n - L; i <= end; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            // e = exp(-v), as Activation.expNeg
            FloatVector t = v.neg().max(lo).min(hi);
            FloatVector r = t.mul(log2e).add(round);
            FloatVector q = r.sub(round);
            FloatVector s = q.fma(ln2hi, t);
            s = q.fma(ln2lo, s);
            FloatVector u = c6.fma(s, c5);
            u = u.fma(s, c4);
            u = u.fma(s, c3);
            u = u.fma(s, c2);
            u = u.fma(s, c1);
            u = s.mul(s).fma(u, s).add(one);
            IntVector qb = r.reinterpretAsInts();
            FloatVector e = u.mul(qb.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            if (mode == BACKWARD) {
                FloatVector sig = one.div(e.add(one));
                FloatVector g = sig.mul(one.add(v.mul(one.sub(sig)))).blend(zero, v.lt(tiny));
                FloatVector.fromArray(S, dy, dyOff + i).mul(g).intoArray(dst, dOff + i);
            } else {
                v = v.div(e.add(one)).blend(negZero, v.lt(tiny));
                // a store per branch: one store of the two branches' merged vector lost its exact type in some C2
                // compilations, which then ran the store's Java fallback (a third of a forward pass at width 512)
                if (mode == ACCUMULATE) FloatVector.fromArray(S, dst, dOff + i).add(v).intoArray(dst, dOff + i);
                else v.intoArray(dst, dOff + i);
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
