package gfpose.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Norm#rows} with the Vector API at 256 or 512 bits, operation for operation the scalar {@link Norm#group},
 * so both give the same bits: a group's four partial sums are the four lanes of a 256-bit double vector, and the
 * element-wise step runs lane-wise in double. Floats are widened and narrowed by conversions that keep the lane count
 * (4 floats to 4 doubles, 8 to 8), which C2 intrinsifies on JDK 17 (its loop vectoriser does not convert between
 * float and double there, and the Vector API's conversions that change the lane count fall back to Java). The
 * per-group scalar code was latency-bound (sixteen-value loops, each a chain of additions): about 1.6 µs a row of
 * 512 channels in 32 groups, this about 0.6. The backward's element-wise steps and γ/β sums run lane-wise the
 * same way; its means keep the scalar kernel's two chains as the lanes of a 128-bit vector, four groups side by side.
 * Loaded only when {@link Simd} selected the Vector API at 256 bits or more.
 */
final class VectorNorm {
    private VectorNorm() {}

    /** Doubles of the element-wise step (the GEMM's width), and the floats that convert to them (half as wide). */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorShape.forBitSize(VectorGemm.BITS));
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(VectorGemm.BITS / 2));
    private static final int L = D.length();
    /** The four partial sums, and the four floats that feed them. */
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    /** A group's two chains of the backward's means, and the two floats that feed them. */
    private static final VectorSpecies<Double> D2 = DoubleVector.SPECIES_128;
    private static final VectorSpecies<Float> F2 = FloatVector.SPECIES_64;
    /**
     * The species' concrete classes: a converted vector is typed Vector, and a local set before a loop reaches its body as
     * a plain DoubleVector; a cast makes the type exact for C2 with no profile involved (see {@link VectorGemm#VT}).
     */
    @SuppressWarnings("unchecked")
    private static final Class<DoubleVector> DT = (Class<DoubleVector>) D.vectorType(), D4T = (Class<DoubleVector>) D4.vectorType(),
            D2T = (Class<DoubleVector>) D2.vectorType();
    @SuppressWarnings("unchecked")
    private static final Class<FloatVector> FT = (Class<FloatVector>) F.vectorType();

    /** Per thread: a row's means and 1/σ per group. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    static void rows(float[] x, int xOff, int rows, int channels, int groups, float[] gamma, float[] beta, float[] y,
                     int yOff, float[] xhat, float[] rstdOut, int rstdOff, double eps) {
        int size = channels / groups, n4 = size & ~3;
        double[][] s = SCRATCH.get();
        if (s[0].length < groups) { s[0] = new double[groups]; s[1] = new double[groups]; }
        double[] mean = s[0], rstd = s[1];
        for (int r = 0; r < rows; r++) {
            int x0 = xOff + r * channels, y0 = yOff + r * channels;
            // each group's moments are a chain of dependent additions: all means, then all variances, so that the
            // groups' chains overlap; partial sum j takes values j, j + 4, ... in order, the values past n4 sum 0
            for (int g = 0; g < groups; g++) {
                int xo = x0 + g * size;
                DoubleVector sv = DoubleVector.zero(D4);
                for (int i = 0; i < n4; i += 4) sv = widen4(x, xo + i).add(D4T.cast(sv));
                sv = D4T.cast(sv);
                double s0 = sv.lane(0);
                for (int i = n4; i < size; i++) s0 += x[xo + i];
                mean[g] = Norm.divide((s0 + sv.lane(1)) + (sv.lane(2) + sv.lane(3)), size);
            }
            for (int g = 0; g < groups; g++) {
                int xo = x0 + g * size;
                double m = mean[g];
                DoubleVector qv = DoubleVector.zero(D4);
                for (int i = 0; i < n4; i += 4) {
                    DoubleVector d = widen4(x, xo + i).sub(m);
                    qv = d.mul(d).add(D4T.cast(qv));
                }
                qv = D4T.cast(qv);
                double q0 = qv.lane(0);
                for (int i = n4; i < size; i++) { double d = x[xo + i] - m; q0 += d * d; }
                rstd[g] = 1.0 / Math.sqrt(Norm.divide((q0 + qv.lane(1)) + (qv.lane(2) + qv.lane(3)), size) + eps);
                if (rstdOut != null) rstdOut[rstdOff + r * groups + g] = (float) rstd[g];
            }
            // y = x̂·γ + β with x̂ = (x − mean)·rstd, in double
            for (int g = 0; g < groups; g++) {
                int xo = x0 + g * size, yo = y0 + g * size, c0 = g * size;
                double m = mean[g], rs = rstd[g];
                int i = 0;
                for (int nv = size - size % L; i < nv; i += L) {
                    DoubleVector xh = widen(x, xo + i).sub(m).mul(rs);
                    DoubleVector v = xh.mul(widen(gamma, c0 + i)).add(widen(beta, c0 + i));
                    // x̂ first: y may be x
                    if (xhat != null) narrow(xh, xhat, yo + i);
                    narrow(v, y, yo + i);
                }
                for (; i < size; i++) {
                    double xh = (x[xo + i] - m) * rs;
                    if (xhat != null) xhat[yo + i] = (float) xh;
                    y[yo + i] = (float) (xh * gamma[c0 + i] + beta[c0 + i]);
                }
            }
        }
    }

    /** {@link Norm#gradStep} for one whole group, lane-wise (the values past the last whole vector by the scalar step). */
    static void gradStep(float[] dy, float[] xhat, float[] gamma, int o, int c0, int size, double m1, double m2, double rs,
                         float[] dx) {
        int nv = size - size % L;
        for (int j = 0; j < nv; j += L) {
            DoubleVector dxh = widen(dy, o + j).mul(widen(gamma, c0 + j));
            narrow(dxh.sub(m1).sub(widen(xhat, o + j).mul(m2)).mul(rs), dx, o + j); // rs·(...), as the scalar step
        }
        Norm.gradStep(dy, xhat, gamma, o, c0, nv, size, m1, m2, rs, dx);
    }

    /**
     * {@link Norm#gradMeans} of four consecutive groups (an even size each) into {@code means[mo..mo + 8)}: a group's
     * even and odd chains are the two lanes of a 128-bit double vector, and the four groups' chains run side by side
     * (one group's chains alone are latency-bound: 2.7-3x slower over rows of 512 and 1024 channels).
     */
    static void gradMeans4(float[] dy, float[] xhat, float[] gamma, int o, int c0, int size, double[] means, int mo) {
        DoubleVector a0 = DoubleVector.zero(D2), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        int s1 = size, s2 = 2 * size, s3 = 3 * size;
        for (int i = 0; i < size; i += 2) {
            DoubleVector d0 = widen2(dy, o + i).mul(widen2(gamma, c0 + i));
            DoubleVector d1 = widen2(dy, o + s1 + i).mul(widen2(gamma, c0 + s1 + i));
            DoubleVector d2 = widen2(dy, o + s2 + i).mul(widen2(gamma, c0 + s2 + i));
            DoubleVector d3 = widen2(dy, o + s3 + i).mul(widen2(gamma, c0 + s3 + i));
            a0 = D2T.cast(a0).add(d0);
            b0 = d0.mul(widen2(xhat, o + i)).add(D2T.cast(b0));
            a1 = D2T.cast(a1).add(d1);
            b1 = d1.mul(widen2(xhat, o + s1 + i)).add(D2T.cast(b1));
            a2 = D2T.cast(a2).add(d2);
            b2 = d2.mul(widen2(xhat, o + s2 + i)).add(D2T.cast(b2));
            a3 = D2T.cast(a3).add(d3);
            b3 = d3.mul(widen2(xhat, o + s3 + i)).add(D2T.cast(b3));
        }
        means[mo] = halves(a0, size);
        means[mo + 1] = halves(b0, size);
        means[mo + 2] = halves(a1, size);
        means[mo + 3] = halves(b1, size);
        means[mo + 4] = halves(a2, size);
        means[mo + 5] = halves(b2, size);
        means[mo + 6] = halves(a3, size);
        means[mo + 7] = halves(b3, size);
    }

    /** (even chain + odd chain) / size, as {@link Norm#gradMeans} ends. */
    private static double halves(DoubleVector v, int size) {
        DoubleVector c = D2T.cast(v);
        return Norm.divide(c.lane(0) + c.lane(1), size);
    }

    /** Two floats from {@code a[i]} as doubles. */
    private static DoubleVector widen2(float[] a, int i) {
        return D2T.cast(FloatVector.fromArray(F2, a, i).convertShape(VectorOperators.F2D, D2, 0));
    }

    /** {@link Norm#backwardParams}'s sums: {@code sg[c] += dy·x̂}, {@code sb[c] += dy} over rows in order, lane-wise. */
    static void paramSums(float[] dy, float[] xhat, int rows, int channels, int c0, int n, double[] sg, double[] sb) {
        int nv = n - n % L;
        for (int r = 0; r < rows; r++) {
            int i0 = r * channels + c0, c = 0;
            for (; c < nv; c += L) {
                DoubleVector d = widen(dy, i0 + c);
                DT.cast(DoubleVector.fromArray(D, sg, c).add(d.mul(widen(xhat, i0 + c)))).intoArray(sg, c);
                DT.cast(DoubleVector.fromArray(D, sb, c).add(d)).intoArray(sb, c);
            }
            for (; c < n; c++) {
                sg[c] += (double) dy[i0 + c] * xhat[i0 + c];
                sb[c] += dy[i0 + c];
            }
        }
    }

    /** L floats from {@code a[i]} as doubles. */
    private static DoubleVector widen(float[] a, int i) {
        return DT.cast(FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0));
    }

    /** v rounded to floats into {@code a[i]}. */
    private static void narrow(DoubleVector v, float[] a, int i) {
        FT.cast(v.convertShape(VectorOperators.D2F, F, 0)).intoArray(a, i);
    }

    private static DoubleVector widen4(float[] x, int i) {
        return D4T.cast(FloatVector.fromArray(F4, x, i).convertShape(VectorOperators.F2D, D4, 0));
    }
}
