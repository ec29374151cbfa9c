package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels stay intrinsified when C2 cannot speculate on types. C2 guesses the class of a vector that
 * crossed a loop or branch from the receiver profile of the JDK's shared code, which every species in the process
 * feeds; after a few failed guesses at one bytecode it stops guessing there, and a vector whose exact class it cannot
 * prove is then boxed into the Java fallback (a real training run spent 18 % of its samples there, with the same bits).
 * {@code -XX:PerBytecodeTrapLimit=0} forbids every guess from the start, so the child JVM shows whether any kernel
 * still relies on one: boxing allocates per vector operation (megabytes per round before the kernels cast to the
 * exact classes), the kernels themselves about 2 KB of argument records.
 */
class VectorBoxingTest {
    @Test
    void kernelsAllocateNoVectorBoxesWithoutTypeSpeculation() throws Exception {
        assumeTrue(Simd.BITS > 0, "scalar backend");
        // a width above the hardware's is never intrinsified (tests of correctness only)
        assumeTrue(Simd.BITS <= FloatVector.SPECIES_PREFERRED.vectorBitSize(), "wider than this CPU");
        String cp = location(Gemm.class) + File.pathSeparator + location(VectorBoxingMain.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector", "-XX:PerBytecodeTrapLimit=0",
                "-Xbatch", "-Dgfpose.vector.bits=" + Simd.BITS));
        String tile = System.getProperty("gfpose.gemm.tile");
        if (tile != null) cmd.add("-Dgfpose.gemm.tile=" + tile);
        cmd.addAll(List.of("-cp", cp, VectorBoxingMain.class.getName(), "2000", "100"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(output).isZero();
        String last = output.substring(output.lastIndexOf('\n') + 1);
        assertThat(last).startsWith("vector-" + Simd.BITS + " bytes per round ");
        long bytes = Long.parseLong(last.substring(last.lastIndexOf(' ') + 1));
        assertThat(bytes).as("bytes allocated per round of every kernel: boxed vectors in the Java fallback").isLessThan(16_384);
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
