package gfpose.kernel;

import java.lang.reflect.Method;
import java.util.Random;

/**
 * Run by {@link VectorBoxingTest} in a JVM where C2 may not guess a type from a profile: every Vector API kernel on
 * small shapes, warmed up until C2 has compiled it, then the bytes this thread allocates per round. A vector value
 * whose exact class C2 cannot prove is boxed and handed to the Java fallback, which allocates per vector operation; the
 * kernels themselves allocate only small argument records.
 */
public final class VectorBoxingMain {
    public static void main(String[] args) throws ReflectiveOperationException {
        int warm = Integer.parseInt(args[0]), rounds = Integer.parseInt(args[1]);
        String backend = Gemm.backend(); // first: Simd decides the backend before VectorGemm loads
        Random rnd = new Random(1);
        int in = VectorGemm.KC + 24, out = 160, hidden = 64, groups = 4, rows = 9;
        float[] w = fill(rnd, out * in), x = fill(rnd, rows * in), bias = fill(rnd, out), shift = fill(rnd, out);
        PackedMatrix m = PackedMatrix.pack(w, out, in);
        float[] y = new float[rows * out], dx = new float[rows * in], dW = new float[out * in], dB = new float[out];
        float[] h = fill(rnd, rows * hidden), g = new float[rows * hidden], xhat = new float[rows * hidden],
                rstd = new float[rows * groups], gamma = fill(rnd, hidden), beta = fill(rnd, hidden),
                dy = fill(rnd, rows * hidden), dh = new float[rows * hidden], dGamma = new float[hidden], dBeta = new float[hidden];
        Runnable round = () -> {
            // GEMM: packed tiles over two K blocks, epilogues with bias, shift, accumulation and SiLU; the 1-row tiles
            // (out = 160: at least four panels at every width, so tile1x8 runs too)
            Gemm.linear(x, 0, rows, m, bias, y, 0, false, Activation.SILU);
            Gemm.linear(x, 0, rows, m, bias, y, 0, true, Activation.NONE);
            Gemm.linear(x, 0, rows, m, bias, shift, y, 0, false, Activation.NONE, null);
            Gemm.linear(x, 0, 1, m, bias, y, 0, false, Activation.SILU);
            Gemm.linearBackwardInput(y, 0, rows, m, dx, 0, false);
            Gemm.weightGradient(y, x, rows, out, in, dW, dB);
            // group norm forward and backward, SiLU forward (plain and accumulating) and backward
            Norm.rows(h, 0, rows, hidden, groups, gamma, beta, g, 0, xhat, rstd, 0, 1e-5);
            Norm.backwardInput(dy, xhat, rstd, gamma, hidden, groups, 0, rows, dh);
            Norm.backwardParams(dy, xhat, rows, hidden, 0, hidden, dGamma, dBeta);
            Activation.SILU.apply(g, 0, dh, 0, rows * hidden, true);
            Activation.SILU.backward(h, 0, dy, 0, dh, 0, rows * hidden);
        };
        for (int i = 0; i < warm; i++) round.run();
        // by reflection: this runs on the class path, but compiles inside gfpose.core, which reads no management module
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        long id = Thread.currentThread().getId(), before = (Long) allocated.invoke(mx, id);
        for (int i = 0; i < rounds; i++) round.run();
        System.out.println(backend + " bytes per round " + ((Long) allocated.invoke(mx, id) - before) / rounds);
    }

    private static float[] fill(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian() * 0.1f;
        return a;
    }
}
