package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's real {@code ./gfpose} launcher script, as a user would. */
final class Launcher {
    /** The one stderr line every JVM with the Vector API prints; it is not ours to count. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    /** Outcome of one run; {@code stderr} excludes the incubator warning. */
    record Result(int exit, String stdout, List<String> stderr) {
        /** The contract for every failure: non-zero exit, exactly one "gfpose: ..." line, no stack trace. */
        Result assertOneLineError(int expectedExit) {
            assertThat(stderr).as("stderr of a failing run").hasSize(1);
            assertThat(stderr.get(0)).startsWith("gfpose: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(exit).as("exit code; stderr: %s", stderr).isEqualTo(expectedExit);
            return this;
        }

        String error() {
            return stderr.get(0);
        }
    }

    private Launcher() {}

    /** Saves the small random model the end-to-end tests run (meaningless poses, real code paths) as dir/small.safetensors. */
    static Path smallModel(Path dir) {
        Path model = dir.resolve("small.safetensors");
        gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(64, 32, 1, 8), 1).save(model);
        return model;
    }

    static Path repo() {
        String r = System.getProperty("gfpose.repo");
        if (r == null) throw new IllegalStateException("system property gfpose.repo is not set (run through failsafe)");
        return Path.of(r).toAbsolutePath().normalize();
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return runWithStdin(workDir, null, args);
    }

    /** Runs {@code ./gfpose args} in {@code workDir}, feeding {@code stdin} when not null. */
    static Result runWithStdin(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWithOptions(workDir, stdin, null, args);
    }

    /** As {@link #runWithStdin}, with {@code JAVA_OPTS} (e.g. a heap limit) when not null. */
    static Result runWithOptions(Path workDir, String stdin, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo().resolve("gfpose").toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home")); // the JDK running the tests
        // each of these would add its own stderr line or change behaviour
        env.remove("GFPOSE_DEBUG");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        if (javaOpts != null) env.put("JAVA_OPTS", javaOpts); else env.remove("JAVA_OPTS");
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        // a generous safety net against a hung child, not a timing assertion
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("gfpose did not finish: " + cmd);
        }
        String stdout = Files.readString(out);
        List<String> stderr = new ArrayList<>(Files.readAllLines(err));
        stderr.removeIf(INCUBATOR_WARNING::equals);
        Files.delete(out);
        Files.delete(err);
        return new Result(p.exitValue(), stdout, stderr);
    }
}
