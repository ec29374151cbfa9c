package gfpose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged example with only gfpose-core and gfpose-weights, as a user's program would be run. */
class ExampleIT {
    private static final String MAIN = "gfpose.examples.LiftPerson";

    private static String path() {
        String deps = System.getProperty("example.dependencies", "");
        return System.getProperty("example.jar") + (deps.isEmpty() ? "" : File.pathSeparator + deps);
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s%nstderr: %s", cmd, new String(err, StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void runsOnTheModulePathAndOnTheClassPathWithTheSameResult() throws Exception {
        String modular = run("--module-path", path(), "--module", "gfpose.examples/" + MAIN);
        String classic = run("-cp", path(), MAIN);
        assertThat(modular).startsWith("backend vector-").contains("person 0:");
        // 17 joints, each with finite coordinates and spread
        List<String> joints = modular.lines().filter(l -> l.startsWith("  ")).toList();
        assertThat(joints).hasSize(17);
        for (String l : joints) {
            String[] f = l.trim().split("\\s+");
            assertThat(f).hasSize(5);
            for (int i = 1; i < 5; i++) assertThat(Double.parseDouble(f[i])).isFinite();
        }
        String[] pelvis = joints.get(0).trim().split("\\s+");
        assertThat(pelvis[0]).isEqualTo("pelvis");
        for (int i = 1; i < 4; i++) assertThat(Math.abs(Double.parseDouble(pelvis[i]))).as("root-relative").isLessThan(0.05);
        assertThat(classic).isEqualTo(modular);
    }
}
