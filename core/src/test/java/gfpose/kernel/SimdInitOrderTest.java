package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backend's width does not depend on which kernel class loads first (it once read 0 when VectorGemm did). */
class SimdInitOrderTest {
    @Test
    void vectorGemmLoadedFirstStillSelectsTheVectorWidth() throws Exception {
        String cp = location(Gemm.class) + File.pathSeparator + location(VectorGemmFirstMain.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-XX:TieredStopAtLevel=1",
                "-Dgfpose.vector.bits=256", "-cp", cp, VectorGemmFirstMain.class.getName())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).endsWith("256 256");
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
