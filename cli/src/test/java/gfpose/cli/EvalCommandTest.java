package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.data.H36mActions;
import gfpose.data.H36mCamera;
import gfpose.io.Json;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfpose eval} in-process on a synthetic Human3.6M-shaped folder (made-up poses and cameras, S9 only,
 * 2 frames per action), so the failure paths run without the real data.
 */
class EvalCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Writes the synthetic folder, leaving out the named action, camera or detection array. */
    Path fake(String skipAction, String skipCamera, String skipDetection) throws IOException {
        Path d = Files.createDirectories(dir.resolve("h36m"));
        Map<String, float[]> poses = new LinkedHashMap<>(), det = new LinkedHashMap<>();
        for (String a : H36mActions.NAMES) {
            if (a.equals(skipAction)) continue;
            float[] p = new float[2 * 51];
            for (int i = 0; i < p.length; i++) p[i] = (float) (i % 3 == 2 ? 1000 + (i * 37 % 200) : (i * 53 % 400) - 200);
            poses.put("S9/" + a, p);
            poses.put("S1/" + a, p); // a training subject, for what needs one (bone lengths, validation)
            for (String id : H36mCamera.IDS) {
                float[] uv = new float[2 * 32];
                for (int i = 0; i < uv.length; i++) uv[i] = 400 + i * 3;
                if (!(("S9/" + a + "/" + id).equals(skipDetection))) det.put("S9/" + a + "/" + id, uv);
            }
        }
        npz(d.resolve("poses3d.npz"), poses, 17, 3);
        npz(d.resolve("detections2d_sh.npz"), det, 16, 2);
        List<Object> cams = new ArrayList<>();
        for (String subject : List.of("S9", "S1")) for (String id : H36mCamera.IDS) {
            if (id.equals(skipCamera)) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("subject", subject);
            c.put("camera", id);
            c.put("R", List.of(1, 0, 0, 0, 1, 0, 0, 0, 1));
            c.put("T_world_center_mm", List.of(0, 0, -4000));
            c.put("f", List.of(1145, 1144));
            c.put("c", List.of(512, 515));
            c.put("k", List.of(0, 0, 0));
            c.put("p", List.of(0, 0));
            c.put("res_wh", List.of(1000, 1000));
            cams.add(c);
        }
        Files.writeString(d.resolve("cameras.json"), Json.write(cams, 2));
        return d;
    }

    private static void npz(Path file, Map<String, float[]> arrays, int a, int b) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : arrays.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                String h = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + e.getValue().length / (a * b) + ", " + a + ", " + b + "), }";
                h += " ".repeat(63 - (10 + h.length()) % 64) + "\n"; // header padded to a multiple of 64
                ByteBuffer buf = ByteBuffer.allocate(10 + h.length() + 4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
                buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
                buf.putShort((short) h.length()).put(h.getBytes(StandardCharsets.US_ASCII));
                for (float f : e.getValue()) buf.putFloat(f);
                z.write(buf.array());
                z.closeEntry();
            }
        }
    }

    private Map<?, ?> json(Path f) throws IOException {
        return (Map<?, ?>) Json.parse(Files.readString(f), f.toString());
    }

    @Test
    void groundTruthBaselineOnTheSyntheticFolderScoresZero() throws IOException {
        Path out = dir.resolve("gt.json");
        Run r = run("eval", "-q", "--data", fake(null, null, null).toString(), "--baseline", "gt", "--stride", "1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| Directions | 8 | 0.0 | 0.0 |");
        Map<?, ?> doc = json(out);
        assertThat(doc.get("count")).isEqualTo(120L);
        assertThat(((Number) doc.get("mpjpe_mm")).doubleValue()).isZero();
        assertThat(((Map<?, ?>) doc.get("protocol")).get("stride")).isEqualTo(1L);
    }

    @Test
    void nearestBaselineLooksUpTheFitSplitAndSaysSo() throws IOException {
        Path out = dir.resolve("nn.json");
        Run r = run("eval", "-q", "--data", fake(null, null, null).toString(), "--baseline", "nearest", "--neighbours", "1",
                "--task", "complete3d", "--missing", "random:2", "--stride", "1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<?, ?> doc = json(out), protocol = (Map<?, ?>) doc.get("protocol");
        assertThat(protocol.get("baseline")).isEqualTo("nearest");
        assertThat(protocol.get("neighbours")).isEqualTo(1L);
        assertThat(protocol.get("input_2d").toString()).startsWith("none");
        assertThat(doc.get("count")).isEqualTo(120L);
        assertThat(((Number) doc.get("mpjpe_mm")).doubleValue()).isFinite().isGreaterThanOrEqualTo(0);
    }

    private void assertFails(Run r, int exit, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("gfpose: ").contains(fragments).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingActionIsNamed() throws IOException {
        Path out = dir.resolve("r.json");
        assertFails(run("eval", "--data", fake("Sitting", null, null).toString(), "--baseline", "gt", "--out", out.toString()),
                Cli.EXIT_INPUT, "poses3d.npz", "Sitting");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingCameraIsNamed() throws IOException {
        Path out = dir.resolve("r.json");
        assertFails(run("eval", "--data", fake(null, "58860488", null).toString(), "--baseline", "flat", "--out", out.toString()),
                Cli.EXIT_INPUT, "cameras.json", "58860488");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingDetectionsAreNamedOnlyWhenNeeded() throws IOException {
        Path data = fake(null, null, "S9/Eating/55011271");
        assertFails(run("eval", "--data", data.toString(), "--baseline", "flat", "--input", "sh"),
                Cli.EXIT_INPUT, "detections2d_sh.npz", "S9/Eating/55011271");
        assertThat(run("eval", "-q", "--data", data.toString(), "--baseline", "flat", "--input", "gt").exit()).isZero();
    }

    @Test
    void badOptionsAreOneLine() throws IOException {
        assertFails(run("eval", "--baseline", "flat", "--stride", "0"), Cli.EXIT_USAGE, "--stride");
        assertFails(run("eval", "--baseline", "zero"), Cli.EXIT_USAGE, "--baseline");
        assertFails(run("eval", "--baseline", "nearest", "--neighbours", "0"), Cli.EXIT_USAGE, "--neighbours");
        assertFails(run("eval", "--data", fake(null, null, null).toString(), "--baseline", "nearest", "--task", "denoise"),
                Cli.EXIT_USAGE, "--baseline nearest");
        assertFails(run("eval", "--baseline", "flat", "--procrustes", "mirror"), Cli.EXIT_INPUT, "--procrustes");
        assertFails(run("eval", "--baseline", "flat", "--task", "lift"), Cli.EXIT_INPUT, "--task");
        assertFails(run("eval", "--baseline", "flat", "--out", dir.resolve("no/such/r.json").toString()), Cli.EXIT_INPUT, "does not exist");
        assertFails(run("eval", "--data", fake(null, null, null).toString(), "--weights", dir.resolve("none.safetensors").toString()),
                Cli.EXIT_INPUT, "none.safetensors");
    }

    @Test
    void modelFiguresAreFiniteAndIndependentOfThreads() throws IOException {
        Path model = dir.resolve("m.safetensors");
        ScoreNet.random(ModelConfig.of(64, 32, 1, 8), 1).save(model);
        Path data = fake(null, null, null);
        Object[] figures = new Object[2];
        for (int t = 1; t <= 2; t++) {
            Path out = dir.resolve("m" + t + ".json");
            Run r = run("eval", "-q", "--data", data.toString(), "--weights", model.toString(), "--task", "complete2d",
                    "--missing", "random:2", "--hypotheses", "3", "--steps", "5", "--limit", "40", "--batch", "16",
                    "--threads", String.valueOf(t), "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            Map<?, ?> doc = json(out);
            assertThat(((Number) doc.get("mpjpe_mm")).doubleValue()).isFinite().isPositive();
            figures[t - 1] = List.of(doc.get("mpjpe_mm"), doc.get("pa_mpjpe_mm"), doc.get("per_joint_mpjpe_mm"));
        }
        assertThat(figures[1]).isEqualTo(figures[0]);
    }

    @Test
    void modelFiguresDoNotDependOnTheBatchSize() throws IOException {
        Path model = dir.resolve("m.safetensors");
        ScoreNet.random(ModelConfig.of(64, 32, 1, 8), 1).save(model);
        Path data = fake(null, null, null);
        for (String task : List.of("complete2d", "denoise")) {
            Object[] figures = new Object[2];
            String[] batches = {"3", "8"};
            for (int b = 0; b < 2; b++) {
                Path out = dir.resolve(task + b + ".json");
                // sde: every hypothesis draws noise at every step, so a stream mix-up would show
                Run r = run("eval", "-q", "--data", data.toString(), "--weights", model.toString(), "--task", task,
                        "--missing", "random:2", "--hypotheses", "2", "--sampler", "sde", "--steps", "5",
                        "--limit", "20", "--seed", "4", "--batch", batches[b], "--out", out.toString());
                assertThat(r.exit()).as(r.err()).isZero();
                Map<?, ?> doc = json(out);
                figures[b] = List.of(doc.get("mpjpe_mm"), doc.get("pa_mpjpe_mm"), doc.get("per_joint_mpjpe_mm"));
            }
            assertThat(figures[1]).as(task).isEqualTo(figures[0]);
        }
    }

    @Test
    void generationIsMeasuredAgainstNoiseTrainingPosesAndAModel() throws IOException {
        Path data = fake(null, null, null), model = dir.resolve("m.safetensors");
        ScoreNet.random(ModelConfig.of(64, 32, 1, 8), 1).save(model);
        Path noise = dir.resolve("noise.json"), train = dir.resolve("train.json"), gen = dir.resolve("gen.json");
        assertThat(run("eval", "-q", "--data", data.toString(), "--task", "generate", "--baseline", "noise", "--count", "20",
                "--stride", "1", "--out", noise.toString()).exit()).isZero();
        assertThat(run("eval", "-q", "--data", data.toString(), "--task", "generate", "--baseline", "train", "--count", "20",
                "--stride", "1", "--out", train.toString()).exit()).isZero();
        Run r = run("eval", "-q", "--data", data.toString(), "--task", "generate", "--weights", model.toString(), "--count", "3",
                "--steps", "3", "--stride", "1", "--out", gen.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bone-length error");
        Map<?, ?> n = (Map<?, ?>) json(noise).get("generation"), t = (Map<?, ?>) json(train).get("generation");
        assertThat(((Number) t.get("count")).intValue()).isEqualTo(20);
        // training poses are the synthetic test poses themselves here (in the image frame, whose perspective
        // approximation leaves a few mm against camera mm); noise is far from all of them
        double tNear = ((Number) t.get("nearest_reference_mpjpe_mm")).doubleValue();
        assertThat(tNear).isLessThan(5);
        assertThat(((Number) n.get("nearest_reference_mpjpe_mm")).doubleValue()).isGreaterThan(10 * tNear);
        assertThat(((Number) ((Map<?, ?>) json(gen).get("generation")).get("count")).intValue()).isEqualTo(3);
        assertFails(run("eval", "--data", data.toString(), "--task", "generate", "--baseline", "flat"), Cli.EXIT_USAGE, "noise or train");
    }

    @Test
    void detectionErrorNeedsNoModel() throws IOException {
        Path out = dir.resolve("det.json");
        Run r = run("eval", "--data", fake(null, null, null).toString(), "--detection-error", "--stride", "1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("median (px)");
        Map<?, ?> e = (Map<?, ?>) json(out).get("detection_error_px");
        assertThat(((Number) e.get("joints")).longValue()).isEqualTo(120L * 16);
    }
}
