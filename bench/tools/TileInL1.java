import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ceiling of the GEMM's register tile: the loop of core's VectorGemm.tile4x2, copied here (it is private
 * there), run over a packed 4-row block (4 KB) and a panel slice (16 KB) that stay in L1, so no cache miss,
 * packing or epilogue is timed. Prints GFLOP/s per round; compare with PeakBench.
 *   java --add-modules jdk.incubator.vector bench/tools/TileInL1.java
 */
public class TileInL1 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, P = 16, MR = 4;

    static void tile(float[] a, int a0, int kn, float[] w, int p, float[] t, int t0, int ts) {
        FloatVector c00 = FloatVector.fromArray(S, t, t0), c01 = FloatVector.fromArray(S, t, t0 + L);
        FloatVector c10 = FloatVector.fromArray(S, t, t0 + ts), c11 = FloatVector.fromArray(S, t, t0 + ts + L);
        FloatVector c20 = FloatVector.fromArray(S, t, t0 + 2 * ts), c21 = FloatVector.fromArray(S, t, t0 + 2 * ts + L);
        FloatVector c30 = FloatVector.fromArray(S, t, t0 + 3 * ts), c31 = FloatVector.fromArray(S, t, t0 + 3 * ts + L);
        for (int i = a0, end = a0 + kn * MR; i < end; i += MR, p += P) {
            FloatVector b0 = FloatVector.fromArray(S, w, p), b1 = FloatVector.fromArray(S, w, p + L);
            FloatVector v = FloatVector.broadcast(S, a[i]);
            c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[i + 1]);
            c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[i + 2]);
            c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[i + 3]);
            c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
        }
        int u = t0;
        c00.intoArray(t, u); c01.intoArray(t, u + L); u += ts;
        c10.intoArray(t, u); c11.intoArray(t, u + L); u += ts;
        c20.intoArray(t, u); c21.intoArray(t, u + L); u += ts;
        c30.intoArray(t, u); c31.intoArray(t, u + L);
    }

    public static void main(String[] args) {
        int kn = 256, calls = 400_000, rounds = 20;
        float[] a = new float[kn * MR], w = new float[kn * P], t = new float[MR * P];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 1e-3f;
        for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() * 1e-3f;
        double[] g = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) tile(a, 0, kn, w, 0, t, 0, P);
            if (round >= 0) g[round] = 2.0 * MR * P * kn * calls / (System.nanoTime() - t0);
        }
        double[] s = g.clone();
        Arrays.sort(s);
        System.out.printf("tile 4x2 in L1: median %.1f, best %.1f GFLOP/s (sum %.3g)%n", s[rounds / 2], s[rounds - 1], t[0]);
    }
}
