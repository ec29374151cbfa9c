package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without the Vector API module the scalar path runs, says so once, and no class referencing the module is loaded. */
class GemmNoModuleTest {
    @Test
    void fallsBackToScalarWithoutTheModule() throws Exception {
        String cp = location(Gemm.class) + File.pathSeparator + location(NoVectorModuleMain.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
                NoVectorModuleMain.class.getName())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(output).isZero();
        // the result on stdout, and the one-time warning (stderr is merged here) saying how to get the fast path
        assertThat(output).endsWith("scalar 6.5 14.0").contains("jdk.incubator.vector is not enabled");
        assertThat(output.split("not enabled", -1)).hasSize(2);
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
