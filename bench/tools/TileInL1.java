import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The ceiling of the GEMM's register tile: core's private VectorGemm.tile4x2 itself (through a constant method
 * handle, which C2 inlines), run over a packed 4-row block (4 KB) and a panel slice (16 KB) that stay in L1, so
 * no cache miss, packing or epilogue is timed. Prints GFLOP/s over 20 rounds; compare with PeakBench.
 *   mvn -q -DskipTests package
 *   java --add-modules jdk.incubator.vector -cp core/target/classes bench/tools/TileInL1.java
 */
public class TileInL1 {
    static final MethodHandle TILE = tile();

    static MethodHandle tile() {
        try {
            Class<?> g = Class.forName("gfpose.kernel.VectorGemm");
            Method m = g.getDeclaredMethod("tile4x2", float[].class, int.class, int.class, float[].class, int.class,
                    float[].class, int.class, boolean.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("core classes with VectorGemm.tile4x2 must be on the class path", e);
        }
    }

    public static void main(String[] args) throws Throwable {
        int mr = 4, p = 16, kn = 256, calls = 400_000, rounds = 20; // 256-bit panels: 2 x 8 floats
        float[] a = new float[kn * mr], w = new float[kn * p], t = new float[mr * p];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 1e-3f;
        for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() * 1e-3f;
        double[] g = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) TILE.invokeExact(a, 0, kn, w, 0, t, 0, false);
            if (round >= 0) g[round] = 2.0 * mr * p * kn * calls / (System.nanoTime() - t0);
        }
        double[] s = g.clone();
        Arrays.sort(s);
        System.out.printf("tile 4x2 in L1: median %.1f, best %.1f GFLOP/s (t[0] = %.3g)%n", s[rounds / 2], s[rounds - 1], t[0]);
    }
}
