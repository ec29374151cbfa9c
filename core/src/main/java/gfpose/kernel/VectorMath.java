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

    /**
     * See {@link Activation#apply(float[], int, float[], int, int, boolean)}; the tail uses the scalar twin.
     * The math is written inside the loop on purpose: a helper taking a FloatVector that C2 did not inline
     * would box every vector.
     */
    static void silu(float[] src, int sOff, float[] dst, int dOff, int n, boolean acc) {
        FloatVector lo = c(T_MIN), hi = c(T_MAX), log2e = c(LOG2E), round = c(ROUND), ln2hi = c(-LN2_HI),
                ln2lo = c(-LN2_LO), c6 = c(C6), c5 = c(C5), c4 = c(C4), c3 = c(C3), c2 = c(C2), c1 = c(C1), one = c(1f),
                tiny = c(T_MAX_NEG), negZero = c(-0f);
        int i = 0;
        for (int end = n - L; i <= end; i += L) {
            FloatVector v = FloatVector.fromArray(S, src, sOff + i);
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
            v = v.div(e.add(one)).blend(negZero, v.lt(tiny));
            if (acc) v = FloatVector.fromArray(S, dst, dOff + i).add(v);
            v.intoArray(dst, dOff + i);
        }
        for (; i < n; i++) {
            float v = Activation.silu(src[sOff + i]);
            dst[dOff + i] = acc ? dst[dOff + i] + v : v;
        }
    }

    /** See {@link Activation#backward}: dst = dy · SiLU'(pre), the scalar twin's operations lane-wise. */
    static void siluBackward(float[] pre, int pOff, float[] dy, int dyOff, float[] dst, int dOff, int n) {
        FloatVector lo = c(T_MIN), hi = c(T_MAX), log2e = c(LOG2E), round = c(ROUND), ln2hi = c(-LN2_HI),
                ln2lo = c(-LN2_LO), c6 = c(C6), c5 = c(C5), c4 = c(C4), c3 = c(C3), c2 = c(C2), c1 = c(C1), one = c(1f),
                tiny = c(T_MAX_NEG), zero = c(0f);
        int i = 0;
        for (int end = n - L; i <= end; i += L) {
            FloatVector v = FloatVector.fromArray(S, pre, pOff + i);
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
            FloatVector sig = one.div(e.add(one));
            FloatVector g = sig.mul(one.add(v.mul(one.sub(sig)))).blend(zero, v.lt(tiny));
            FloatVector.fromArray(S, dy, dyOff + i).mul(g).intoArray(dst, dOff + i);
        }
        for (; i < n; i++) dst[dOff + i] = dy[dyOff + i] * Activation.siluDerivative(pre[pOff + i]);
    }

    private static FloatVector c(float v) { return FloatVector.broadcast(S, v); }
}
