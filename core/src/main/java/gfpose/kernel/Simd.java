package gfpose.kernel;

/**
 * Which GEMM backend this JVM uses, decided once from the system property {@code gfpose.vector.bits}
 * (512, 256, 128; 0 or "scalar" forces the scalar path; unset means the preferred species).
 * This class references no {@code jdk.incubator.vector} type, so it loads without the module. A width above
 * the hardware's (512 on an AVX2 machine) is honoured but not intrinsified by C2, so it is slow: tests only.
 */
final class Simd {
    private Simd() {}

    /** Vector width in bits, or 0 for the scalar path. */
    static final int BITS = bits();

    /** Floats per packed column panel: the tile's two vectors (16 on the scalar path). */
    static final int PANEL = BITS == 0 ? 16 : 2 * (BITS / Float.SIZE);

    /**
     * The GEMM register tile, from {@code gfpose.gemm.tile} ("4x4" or "4x2"; unset: 4 x 2). The 4 x 4 tile needs 32
     * vector registers (AVX-512, NEON) but measured slower on Zen 4, whose 512-bit FMAs run as two 256-bit halves
     * (forward 0.86-0.89 of ONNX Runtime against 0.96-0.98 for 4 x 2, training step 69 against 74 % of the peak); it
     * is there for cores with full-width 512-bit FMA units, where it was not measured. Reads no statics.
     *
     * @return true for the 4 x 4 tile
     */
    static boolean wideTile() {
        String s = System.getProperty("gfpose.gemm.tile", "").trim();
        if (s.isEmpty()) return false;
        if (s.equals("4x4") || s.equals("4x2")) return s.equals("4x4");
        throw new IllegalArgumentException("gfpose.gemm.tile must be 4x4 or 4x2, got '" + s + "'");
    }

    static boolean moduleAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The requested width: -1 for the preferred one, 0 for scalar, else 128, 256 or 512. Reads no statics. */
    static int requested() {
        String s = System.getProperty("gfpose.vector.bits", "").trim();
        if (s.isEmpty() || s.equalsIgnoreCase("preferred")) return -1;
        if (s.equals("0") || s.equalsIgnoreCase("scalar")) return 0;
        if (s.equals("128") || s.equals("256") || s.equals("512")) return Integer.parseInt(s);
        throw new IllegalArgumentException("gfpose.vector.bits must be 512, 256, 128, 0 or scalar, got '" + s + "'");
    }

    private static int bits() {
        int r = requested();
        if (r == 0) return 0;
        if (!moduleAvailable()) {
            // said once, when the kernels are first used: silence here would cost users 12-25x without a word
            System.getLogger("gfpose").log(System.Logger.Level.WARNING, "jdk.incubator.vector is not enabled: gfpose runs its "
                    + "scalar kernels, 12-25x slower; start the JVM with --add-modules jdk.incubator.vector");
            return 0;
        }
        // Only now may a class that touches jdk.incubator.vector load.
        return VectorGemm.BITS;
    }
}
