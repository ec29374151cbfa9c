package gfpose.kernel;

/** Run by {@link GemmNoModuleTest} in a JVM without {@code jdk.incubator.vector}: must not touch the module. */
public final class NoVectorModuleMain {
    public static void main(String[] args) {
        Gemm.warmUp();
        PackedMatrix m = PackedMatrix.pack(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        float[] y = new float[2];
        Gemm.linear(new float[] {1, 1, 1}, 0, 1, m, new float[] {0.5f, -1}, y, 0, false, Activation.NONE);
        System.out.println(Gemm.backend() + " " + y[0] + " " + y[1]);
    }
}
