package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gfpose.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfpose eval} through the real launcher on Human3.6M (skipped when the data folder is absent). */
class LauncherEvalIT {
    @TempDir static Path shared;
    static Path model, data;

    @TempDir Path dir;

    @BeforeAll
    static void setUp() {
        String env = System.getenv("GFPOSE_DATA");
        data = env != null && !env.isBlank() ? Path.of(env) : Launcher.repo().resolve("../shared/data/h36m").normalize();
        model = Launcher.smallModel(shared);
    }

    static void assumeData() {
        assumeTrue(Files.isRegularFile(data.resolve("poses3d.npz")), "Human3.6M not found at " + data);
    }

    @Test
    void randomModelGivesFiniteNonZeroFiguresAndTheProtocol() throws Exception {
        assumeData();
        Path out = dir.resolve("results.json");
        Launcher.Result r = Launcher.run(dir, "eval", "--data", data.toString(), "--weights", model.toString(),
                "--limit", "8", "--steps", "5", "--hypotheses", "2", "--threads", "2", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.stderr()).isZero();
        assertThat(String.join("\n", r.stderr())).doesNotContain("Exception");
        assertThat(r.stdout()).contains("| action |", "average (action-wise)", "stride 64");
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(out), "results");
        for (String k : new String[] {"mpjpe_mm", "pa_mpjpe_mm"}) {
            double v = ((Number) doc.get(k)).doubleValue();
            assertThat(v).as(k).isFinite().isGreaterThan(1.0);
        }
        assertThat(doc.get("count")).isEqualTo(8L);
        Map<?, ?> p = (Map<?, ?>) doc.get("protocol");
        assertThat(p.get("input_2d").toString()).startsWith("sh");
        assertThat(p.get("stride")).isEqualTo(64L);
        assertThat(p.get("joint_set")).isEqualTo("h36m17");
        assertThat(p.get("procrustes").toString()).contains("reflection");
        assertThat(p.get("hypotheses")).isEqualTo(2L);
        assertThat(p.get("steps")).isEqualTo(5L);
        assertThat(p.get("sampler")).isEqualTo("dpm2m-sde");
        assertThat(p.get("weights")).isEqualTo(model.toString());
        assertThat(p.get("weights_sha256")).isEqualTo(WeightsOption.sha256(model));
        Map<?, ?> stats = (Map<?, ?>) ((Map<?, ?>) doc.get("hypothesis_stats")).get("mpjpe_mm");
        assertThat(((Number) stats.get("mean")).doubleValue()).isGreaterThanOrEqualTo(((Number) stats.get("min")).doubleValue());
        assertThat((Map<?, ?>) doc.get("per_joint_mpjpe_mm")).hasSize(17);
    }

    @Test
    void groundTruthBaselineScoresZero() throws Exception {
        assumeData();
        Path out = dir.resolve("gt.json");
        Launcher.Result r = Launcher.run(dir, "eval", "-q", "--data", data.toString(), "--baseline", "gt",
                "--limit", "200", "--procrustes", "proper", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(out), "gt");
        assertThat(((Number) doc.get("mpjpe_mm")).doubleValue()).isEqualTo(0.0);
        assertThat(((Map<?, ?>) doc.get("protocol")).get("baseline")).isEqualTo("gt");
    }

    @Test
    void missingDataFolderIsOneLineAndNoFile() throws Exception {
        Path out = dir.resolve("r.json");
        Launcher.Result r = Launcher.run(dir, "eval", "--baseline", "flat", "--data", dir.resolve("nope").toString(),
                "--out", out.toString()).assertOneLineError(Cli.EXIT_INPUT);
        assertThat(r.error()).contains("nope").contains("not found");
        assertThat(out).doesNotExist();
    }

    @Test
    void strideZeroIsAUsageError() throws Exception {
        Path out = dir.resolve("r.json");
        Launcher.Result r = Launcher.run(dir, "eval", "--baseline", "flat", "--stride", "0", "--out", out.toString())
                .assertOneLineError(Cli.EXIT_USAGE);
        assertThat(r.error()).contains("--stride");
        assertThat(out).doesNotExist();
    }

    @Test
    void fitStartWritesADepthMixtureThatEstimationUses() throws Exception {
        assumeData();
        Path mix = dir.resolve("depth.json");
        Launcher.Result fit = Launcher.run(dir, "fit-start", "--data", data.toString(), "--stride", "500", "--out", mix.toString());
        assertThat(fit.exit()).as("stderr: %s", fit.stderr()).isZero();
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(mix), "depth");
        assertThat(doc.get("format")).isEqualTo("gfpose-depth-prior");
        assertThat(((Map<?, ?>) doc.get("joints"))).hasSize(17);
        Path out = dir.resolve("results.json");
        Launcher.Result r = Launcher.run(dir, "eval", "--data", data.toString(), "--weights", model.toString(), "--input", "gt",
                "--limit", "4", "--steps", "4", "--informed-start", "0.5", "--start-depth", mix.toString(), "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.stderr()).isZero();
        Map<?, ?> p = (Map<?, ?>) ((Map<?, ?>) Json.parse(Files.readString(out), "results")).get("protocol");
        assertThat(p.get("start_depth")).isEqualTo(mix.toString());
    }
}
