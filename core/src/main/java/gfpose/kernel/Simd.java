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
     * The GEMM register tile: {@code gfpose.gemm.tile} ("4x2", "4x4" or "8x2") when set, else {@link #defaultTile} for
     * the given vector width and this machine's CPU ({@code /proc/cpuinfo}). Reads no statics.
     *
     * @param bits the vector width in bits (0 for the scalar path)
     * @return the tile's name
     */
    static String tile(int bits) {
        String s = System.getProperty("gfpose.gemm.tile", "").trim();
        if (s.isEmpty()) return defaultTile(bits, cpu());
        if (s.equals("4x2") || s.equals("4x4") || s.equals("8x2")) return s;
        throw new IllegalArgumentException("gfpose.gemm.tile must be 4x2, 4x4 or 8x2, got '" + s + "'");
    }

    /**
     * The default tile. At 512 bits (32 registers): 8 x 2 on Intel, 4 x 4 on AMD Zen 5 (family 26), 4 x 2 on Zen 4
     * (family 25) and unknown CPUs; 4 x 2 at every other width (AVX2's 16 registers hold 8 accumulators, not 16).
     * <ul>
     * <li>Intel (measured on a 2-vCPU Xeon, family 6 model 207, BENCHMARKS.md): two full-width FMA units need 256
     * bytes of W per 8 cycles with the 4 x 4 tile, more than L2 delivers; 8 x 2 shares each W row between 8 rows
     * (half the bytes per FMA) and ran 1.1-1.4x faster than 4 x 4 and 4 x 2.
     * <li>Zen 5: a packed 4 x 4 tile reached about 100 % of the peak where 4 x 2 left a quarter unused
     * (../shared/spec/kernels.md, issue #13); 8 x 2 was not measured there.
     * <li>Zen 4 runs each 512-bit FMA as two 256-bit halves: 4 x 2 measured level with or faster than 4 x 4 (one
     * thread, width 512: 0.96-0.98 of ONNX Runtime against 0.93).
     * </ul>
     *
     * @param bits the vector width in bits
     * @param cpu  vendor and family, or null when unknown
     * @return the tile's name
     */
    static String defaultTile(int bits, Cpu cpu) {
        if (bits != 512 || cpu == null) return "4x2";
        if (cpu.vendor().equals("GenuineIntel")) return "8x2";
        if (cpu.vendor().equals("AuthenticAMD") && cpu.family() >= 26) return "4x4";
        return "4x2";
    }

    /** A CPU's vendor string ({@code AuthenticAMD}, {@code GenuineIntel}, ...) and family number. */
    record Cpu(String vendor, int family) {}

    /** This machine's CPU from {@code /proc/cpuinfo}, or null (not Linux, unreadable, no such fields). */
    static Cpu cpu() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of("/proc/cpuinfo");
            if (!java.nio.file.Files.isReadable(p)) return null;
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(p)) {
                return parseCpu(lines.limit(64).collect(java.util.stream.Collectors.toList()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first processor's {@code vendor_id} and {@code cpu family} lines, or null if either is missing. */
    static Cpu parseCpu(java.util.List<String> lines) {
        String vendor = null;
        int family = -1;
        for (String l : lines) {
            int c = l.indexOf(':');
            if (c < 0) continue;
            String key = l.substring(0, c).trim(), value = l.substring(c + 1).trim();
            if (key.equals("vendor_id") && vendor == null) vendor = value;
            if (key.equals("cpu family") && family < 0) {
                try { family = Integer.parseInt(value); } catch (NumberFormatException e) { return null; }
            }
            if (vendor != null && family >= 0) return new Cpu(vendor, family);
        }
        return null;
    }

    static boolean moduleAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The requested width, in a class of its own: {@link VectorGemm} reads it while it initialises, and a call into
     * Simd itself from there would initialise Simd first, whose {@link #BITS} would then read VectorGemm's width before
     * it is set (0: the scalar norm and SiLU, 5-10x slower, without a word) whenever VectorGemm happens to load first.
     */
    static final class Request {
        private Request() {}

        /** The requested width: -1 for the preferred one, 0 for scalar, else 128, 256 or 512. Reads no statics. */
        static int bits() {
            String s = System.getProperty("gfpose.vector.bits", "").trim();
            if (s.isEmpty() || s.equalsIgnoreCase("preferred")) return -1;
            if (s.equals("0") || s.equalsIgnoreCase("scalar")) return 0;
            if (s.equals("128") || s.equals("256") || s.equals("512")) return Integer.parseInt(s);
            throw new IllegalArgumentException("gfpose.vector.bits must be 512, 256, 128, 0 or scalar, got '" + s + "'");
        }
    }

    private static int bits() {
        int r = Request.bits();
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
