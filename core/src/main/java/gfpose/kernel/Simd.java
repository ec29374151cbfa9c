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
     * The GEMM register tile: {@code gfpose.gemm.tile} ("4x4" or "4x2") when set, else {@link #wideByDefault} for the
     * given vector width and this machine's CPU ({@code /proc/cpuinfo}). Reads no statics.
     *
     * @param bits the vector width in bits (0 for the scalar path)
     * @return true for the 4 x 4 tile
     */
    static boolean wideTile(int bits) {
        String s = System.getProperty("gfpose.gemm.tile", "").trim();
        if (s.isEmpty()) return wideByDefault(bits, cpu());
        if (s.equals("4x4") || s.equals("4x2")) return s.equals("4x4");
        throw new IllegalArgumentException("gfpose.gemm.tile must be 4x4 or 4x2, got '" + s + "'");
    }

    /**
     * The default tile: 4 x 4 (16 accumulators, 21 of 32 registers) at 512 bits on a CPU known to run 512-bit FMAs at
     * full width, 4 x 2 everywhere else. Zen 4 (AMD family 25) runs each 512-bit FMA as two 256-bit halves: there 4 x 2
     * measured level or faster (one thread, width 512: 0.96-0.98 of ONNX Runtime against 0.93; width 1024: 1.02-1.03
     * against 1.01-1.05; BENCHMARKS.md, after the 4 x 4 tile stopped boxing on JDK 17). On Zen 5 (family 26), with two
     * full-width pipes, a packed 4 x 4 tile reached about 100 % of the peak where the 4 x 2 tile left a quarter unused
     * (0.75-0.83 of ONNX Runtime; ../shared/spec/kernels.md and issue #13); Intel's AVX-512 server cores also have full-width units. An unknown CPU keeps 4 x 2, the tile measured on
     * the most machines.
     *
     * @param bits the vector width in bits
     * @param cpu  vendor and family, or null when unknown
     * @return true for the 4 x 4 tile
     */
    static boolean wideByDefault(int bits, Cpu cpu) {
        if (bits != 512 || cpu == null) return false;
        if (cpu.vendor().equals("AuthenticAMD")) return cpu.family() >= 26;
        return cpu.vendor().equals("GenuineIntel");
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
