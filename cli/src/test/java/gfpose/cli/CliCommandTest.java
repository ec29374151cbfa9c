package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.sampling.SamplerKind;
import gfpose.task.ImageSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The command tree in-process: options, usage errors and the paths that need no model. */
class CliCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, List<String> err) {
        String error() {
            assertThat(err).as("stderr").hasSize(1);
            assertThat(err.get(0)).startsWith("gfpose: ");
            return err.get(0);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString().lines().toList());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aFailedWriteToStandardOutputIsAnError() {
        java.io.OutputStream full = new java.io.OutputStream() { // as /dev/full: every write fails
            @Override public void write(int b) throws IOException { throw new IOException("No space left on device"); }
        };
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"--help"}, new PrintWriter(new java.io.OutputStreamWriter(full)), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly("gfpose: cannot write to standard output (disk full, or the reader closed the pipe)");
    }

    @Test
    void outputToANonRegularFileIsRefused() throws IOException {
        Path in = file("in.json", "{\"poses\": [{\"keypoints\": {\"pelvis\": [500, 500], \"head\": [500, 300]}}]}");
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path model = dir.resolve("m.safetensors");
        gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(16, 8, 1, 4), 1).save(model);
        Run r = run("estimate", "-i", in.toString(), "-o", folder.toString(), "--weights", model.toString(), "--steps", "2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("out").contains("not a regular file");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void trainRejectsBadOptionValuesBeforeReadingDataOrCreatingTheFolder() {
        Path out = dir.resolve("run");
        String data = dir.resolve("no-data").toString();
        String[][] bad = {
            {"--steps", "10", "--lr", "-1"}, {"--steps", "10", "--dropout", "1.5"}, {"--steps", "0"}, {"--minutes", "-2"},
            {"--steps", "10", "--batch", "1000000000"}, {"--steps", "10", "--mask-part", "2"}, {"--steps", "10", "--hidden", "0"},
            {"--steps", "10", "--decay-from", "50", "--decay-to", "20"}, {"--steps", "10", "--threads", "0"}, {}};
        for (String[] b : bad) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("train", "--out", out.toString(), "--data", data),
                    java.util.Arrays.stream(b)).toArray(String[]::new);
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", b)).isEqualTo(2);
            assertThat(r.error()).as(String.join(" ", b)).doesNotContain("no-data");
            assertThat(out).doesNotExist();
        }
        Run r = run("train", "--out", out.toString(), "--data", data, "--steps", "10");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("no-data");
        assertThat(out).doesNotExist();
    }

    @Test
    void helpListsEveryCommandOnStdout() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("estimate", "complete", "denoise", "generate", "info");
        for (String sub : List.of("estimate", "complete", "denoise", "generate", "info")) {
            assertThat(run(sub, "--help").exit()).isZero();
        }
        assertThat(run("denoise", "--help").out()).contains("--t0", "--weights", "--min-confidence");
        assertThat(run("generate", "--help").out()).contains("--count", "--sampler", "--image-size");
    }

    @Test
    void everyHelpTextRendersWithoutPicocliWarnings() {
        // picocli formats descriptions with String.format: a bare '%' makes it warn on stderr and print the raw text
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        int rendered = 0;
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
            todo.add(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
            while (!todo.isEmpty()) {
                CommandLine cl = todo.poll();
                todo.addAll(cl.getSubcommands().values());
                assertThat(cl.getUsageMessage()).isNotBlank();
                rendered++;
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(rendered).isGreaterThan(8);
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run r = run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(String.join("\n", r.err())).contains("Usage: gfpose");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        String[][] cases = {
            {"generate", "--bogus"},
            {"generate", "--hypotheses", "-1"},
            {"generate", "--hypotheses", "0"},
            {"generate", "--steps", "0"},
            {"generate", "--steps", "ten"},
            {"generate", "--count", "0"},
            {"generate", "--threads", "0"},
            {"generate", "--snr", "-1"},
            {"generate", "--sampler", "euler"},
            {"generate", "--sampler", "sde", "--spacing", "karras"},
            {"generate", "--spacing", "log"},
            {"generate", "--sampler", "sde", "--snr", "0.2"},
            {"denoise", "-i", "x.json", "--sampler", "dpm2m", "--gfpose-dt"},
            {"generate", "--informed-start", "0.8"},
            {"estimate", "-i", "x.json", "--informed-start", "1"},
            {"generate", "--image-size", "1000"},
            {"denoise", "-i", "x.json", "--t0", "2"},
            {"estimate", "-i", "x.json", "--min-confidence", "-0.5"},
            {"estimate"},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.error()).as(String.join(" ", args)).endsWith("--help')");
        }
        assertThat(run("generate", "--hypotheses", "-1").error())
                .isEqualTo("gfpose: --hypotheses must be >= 1, got -1 (see 'gfpose generate --help')");
        assertThat(run("generate", "--sampler", "euler").error())
                .contains("expected sde, deterministic, ode, pc, ddim, dpm2m, ddim-ode, dpm2m-ode, heun, ddim-sde, dpm2m-sde");
        assertThat(run("generate", "--sampler", "sde", "--snr", "0.2").error()).contains("--snr applies to --sampler pc only");
    }

    @Test
    void missingDefaultWeightsNamesThePath() {
        String before = System.getProperty("gfpose.home");
        System.setProperty("gfpose.home", dir.toString());
        try {
            Path out = dir.resolve("out.json");
            Run r = run("generate", "--steps", "5", "-o", out.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.error()).isEqualTo("gfpose: no model at " + dir.resolve("weights/gfpose.safetensors")
                    + ": the shipped model is missing from this installation; pass --weights FILE");
            assertThat(out).doesNotExist();
            assertThat(run("info").error()).contains("the shipped model is missing");
        } finally {
            if (before == null) System.clearProperty("gfpose.home"); else System.setProperty("gfpose.home", before);
        }
    }

    @Test
    void explicitMissingWeightsNamesTheFile() {
        Run r = run("info", "--weights", dir.resolve("nope.safetensors").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).isEqualTo("gfpose: " + dir.resolve("nope.safetensors") + ": no such weights file");
    }

    @Test
    void badInputFailsBeforeTheModelIsLoadedAndWritesNothing() throws IOException {
        Path in = file("bad.json", "{\"poses\": [{\"id\": \"x\", \"keypoints\": {\"pelvis\": [1, 2], \"tail\": [3, 4]}}]}");
        Path out = dir.resolve("out.json");
        Run r = run("estimate", "-i", in.toString(), "-o", out.toString(), "--weights", dir.resolve("none").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).startsWith("gfpose: " + in + ": pose 0 (id \"x\"): unknown joint 'tail'");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(run("estimate", "-i", dir.resolve("absent.json").toString()).error())
                .isEqualTo("gfpose: " + dir.resolve("absent.json") + ": no such file");
    }

    @Test
    void anOutputThatIsAlsoTheInputIsRefusedAndTheInputKept() throws IOException {
        Path in = file("same.json", "{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2]}}]}");
        String before = Files.readString(in);
        Run r = run("estimate", "-i", in.toString(), "-o", dir.resolve(".").resolve("same.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.error()).contains("same.json: is also an input; write the output to another file");
        assertThat(Files.readString(in)).isEqualTo(before);
    }

    @Test
    void imageSizeOptionMustAgreeWithTheDocument() throws IOException {
        Path in = file("in.json", "{\"image_size\": [640, 480], \"poses\": [{\"keypoints\": {\"pelvis\": [1, 2]}}]}");
        Run r = run("estimate", "-i", in.toString(), "--image-size", "1000x1000");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).isEqualTo("gfpose: --image-size 1000x1000 contradicts the input's image_size [640, 480]");
    }

    @Test
    void denoiseNeedsEveryJoint() throws IOException {
        Path in = file("in.json", "{\"poses\": [{\"id\": \"n\", \"keypoints\": {\"pelvis\": [1, 2, 3]}}]}");
        assertThat(run("denoise", "-i", in.toString()).error())
                .isEqualTo("gfpose: " + in + ": pose 0 (id \"n\"), joint r_hip: missing; denoise needs all 17 joints (use 'complete')");
    }

    @Test
    void samplerDefaultsToTheFewStepSolversDeterministicForOneHypothesisStochasticForMore() {
        assertThat(sampler("generate")).isEqualTo(SamplerKind.DPM2M);
        assertThat(sampler("generate", "--hypotheses", "5")).isEqualTo(SamplerKind.DPM2M_SDE);
        assertThat(sampler("generate", "--hypotheses", "5", "--sampler", "ODE")).isEqualTo(SamplerKind.ODE);
        assertThat(sampler("generate", "--sampler", "pc")).isEqualTo(SamplerKind.PC);
        assertThat(sampler("generate", "--sampler", "dpm2m-sde")).isEqualTo(SamplerKind.DPM2M_SDE);
        // steps default per kind: 12 deterministic, 20 stochastic few-step, 1000 for GFPose's own samplers
        assertThat(options("generate").steps()).isEqualTo(12);
        assertThat(options("generate", "--hypotheses", "3").steps()).isEqualTo(20);
        assertThat(options("generate", "--sampler", "sde").steps()).isEqualTo(1000);
        assertThat(options("generate", "--sampler", "dpm2m", "--steps", "7").steps()).isEqualTo(7);
        assertThat(options("generate").spacing()).isEqualTo(gfpose.sampling.TimeSpacing.QUADRATIC);
        assertThat(options("generate", "--spacing", "karras").spacing()).isEqualTo(gfpose.sampling.TimeSpacing.KARRAS);
        // eval's denoise keeps a deterministic sampler for any hypothesis count, unless told otherwise
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.parseArgs("eval", "--hypotheses", "5");
        EvalCommand e = cl.getSubcommands().get("eval").getCommand();
        assertThat(e.sampling.sampleOptions(0.05, true).sampler()).isEqualTo(SamplerKind.DPM2M);
        assertThat(e.sampling.sampleOptions(1.0, false).sampler()).isEqualTo(SamplerKind.DPM2M_SDE);
    }

    private static SamplerKind sampler(String... args) { return options(args).sampler(); }

    private static gfpose.task.SampleOptions options(String... args) {
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        GenerateCommand g = cl.getSubcommands().get("generate").getCommand();
        return g.sampling.sampleOptions(1.0, false);
    }

    @Test
    void imageSizeConverter() {
        ImageSizeConverter c = new ImageSizeConverter();
        assertThat(c.convert("1000x1000")).isEqualTo(ImageSize.GFPOSE);
        assertThat(c.convert("1920X1080")).isEqualTo(new ImageSize(1920, 1080));
        assertThatThrownBy(() -> c.convert("0x10")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("-5x10")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("wide")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void messagesAreFlattenedToOneLine() {
        assertThat(Cli.oneLine("a\n  b\r\nc ")).isEqualTo("a; b; c");
    }
}
