package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end through the real {@code ./gfpose} launcher: help, usage errors, missing weights and bad inputs.
 * None of these needs a working model, because options and inputs are validated before the model is loaded.
 */
class LauncherUsageIT {
    @TempDir Path dir;

    /** A well-formed 2-D document. */
    static final String GOOD_2D = "{\"poses\": [{\"id\": \"a\", \"keypoints\": " + CliDocumentReaderTest.array(2) + "}]}";

    @Test
    void helpPrintsTheCommandsAndExitsZero() throws Exception {
        Launcher.Result r = Launcher.run(dir, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).contains("Usage: gfpose", "estimate", "complete", "denoise", "generate", "info");
    }

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        Launcher.Result r = Launcher.run(dir, "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout().strip()).matches("gfpose \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        Launcher.Result r = Launcher.run(dir);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(String.join("\n", r.stderr())).contains("Usage: gfpose").doesNotContain("Exception");
    }

    @Test
    void unknownOptionIsOneLineUsageError() throws Exception {
        Launcher.Result r = Launcher.run(dir, "generate", "--frobnicate").assertOneLineError(2);
        assertThat(r.error()).isEqualTo("gfpose: Unknown option: '--frobnicate' (see 'gfpose generate --help')");
    }

    @Test
    void theShippedModelIsTheDefault() throws Exception {
        Path shipped = Launcher.repo().resolve("weights/gfpose.safetensors");
        Path out = dir.resolve("out.json");
        Launcher.Result r = Launcher.run(dir, "generate", "--steps", "20", "-o", out.toString());
        if (!Files.exists(shipped)) {
            r.assertOneLineError(1);
            assertThat(r.error()).isEqualTo("gfpose: no model at " + shipped + ": the shipped model is missing from this installation; pass --weights FILE");
            assertThat(out).doesNotExist();
            return;
        }
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out)).contains("\"weights\"").contains("gfpose.safetensors");
        assertThat(Launcher.run(dir, "info").stdout()).contains("hidden");
    }

    static Stream<Arguments> badRuns() {
        List<Arguments> a = new ArrayList<>();
        // name, command, input document (null = none), extra arguments, exit code, expected fragment of the message
        a.add(Arguments.of("malformed JSON", "estimate", "{\"poses\": [{\"keypoints\": [1, 2,]}]}", List.of(), 1,
                "in.json: malformed JSON at line 1, column 32: unexpected character ']'"));
        a.add(Arguments.of("wrong joint count", "estimate",
                "{\"poses\": [{\"id\": \"a\", \"keypoints\": [[1, 2], [3, 4]]}]}", List.of(), 1,
                "in.json: pose 0 (id \"a\"): \"keypoints\" has 2 entries, expected 17"));
        a.add(Arguments.of("NaN", "estimate", "{\"poses\": [{\"keypoints\": {\"pelvis\": [NaN, 1]}}]}", List.of(), 1,
                "in.json: malformed JSON at line 1, column 38: unexpected character 'N'"));
        a.add(Arguments.of("overflowing number", "denoise",
                "{\"poses\": [{\"keypoints\": " + CliDocumentReaderTest.array(3).replace("[1, 2, 3]", "[1, 2, 1e999]") + "}]}",
                List.of(), 1, "in.json: pose 0, joint pelvis: value 2 is out of range"));
        a.add(Arguments.of("string coordinate", "complete", "{\"poses\": [{\"keypoints\": {\"head\": [\"1\", 2]}}]}",
                List.of(), 1, "in.json: pose 0, joint head: value 0 is not a number"));
        a.add(Arguments.of("unknown joint", "estimate", "{\"poses\": [{\"id\": 3, \"keypoints\": {\"left_toe\": [1, 2]}}]}",
                List.of(), 1, "in.json: pose 0 (id 3): unknown joint 'left_toe'"));
        a.add(Arguments.of("duplicate joint", "estimate",
                "{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2], \"root\": [1, 2]}}]}", List.of(), 1,
                "in.json: pose 0, joint pelvis: given twice"));
        a.add(Arguments.of("missing keypoints", "estimate", "{\"poses\": [{\"id\": \"a\"}]}", List.of(), 1,
                "in.json: pose 0 (id \"a\"): missing field \"keypoints\""));
        a.add(Arguments.of("mixed 2-D and 3-D", "complete",
                "{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2], \"head\": [1, 2, 3]}}]}", List.of(), 1,
                "in.json: pose 0, joint head: mixes 3-D"));
        a.add(Arguments.of("negative hypotheses", "estimate", GOOD_2D, List.of("--hypotheses", "-3"), 2,
                "--hypotheses must be >= 1, got -3"));
        a.add(Arguments.of("zero steps", "estimate", GOOD_2D, List.of("--steps", "0"), 2, "--steps must be >= 1, got 0"));
        a.add(Arguments.of("negative count", "generate", null, List.of("--count", "-1"), 2, "--count must be >= 1"));
        a.add(Arguments.of("missing weights file", "estimate", GOOD_2D, List.of("--weights", "absent.safetensors"), 1,
                "absent.safetensors: no such weights file"));
        a.add(Arguments.of("missing input file", "estimate", null, List.of("-i", "absent.json"), 1,
                "absent.json: no such file"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRuns")
    void badRunsFailWithOneLineAndNoOutput(String name, String command, String input, List<String> extra, int exit,
                                           String fragment) throws Exception {
        Path weights = placeholderWeights();
        List<String> args = new ArrayList<>(List.of(command, "-o", "out.json"));
        if (!extra.contains("--steps")) args.addAll(List.of("--steps", "20"));
        if (input != null) {
            Files.writeString(dir.resolve("in.json"), input);
            args.addAll(List.of("-i", "in.json"));
        }
        if (!extra.contains("--weights")) args.addAll(List.of("--weights", weights.toString()));
        args.addAll(extra);
        Launcher.Result r = Launcher.run(dir, args.toArray(String[]::new)).assertOneLineError(exit);
        assertThat(r.error()).contains(fragment);
        assertThat(r.stdout()).isEmpty();
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void badInputOnStdinIsNamedStdin() throws Exception {
        Launcher.Result r = Launcher.runWithStdin(dir, "{\"poses\": [{\"keypoints\": {\"spleen\": [1, 2]}}]}",
                "estimate", "-i", "-", "--weights", placeholderWeights().toString()).assertOneLineError(1);
        assertThat(r.error()).startsWith("gfpose: <stdin>: pose 0: unknown joint 'spleen'");
        assertThat(r.stdout()).isEmpty();
    }

    /** Never read: every case here fails before the model is loaded. */
    private Path placeholderWeights() throws IOException {
        return Files.writeString(dir.resolve("placeholder.safetensors"), "not a model");
    }
}
