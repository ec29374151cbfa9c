package gfpose.kernel;

/** Run by {@link SimdInitOrderTest}: loads {@link VectorGemm} before anything touches {@link Simd}. */
public final class VectorGemmFirstMain {
    public static void main(String[] args) {
        int gemm = VectorGemm.BITS;
        System.out.println(gemm + " " + Simd.BITS);
    }
}
