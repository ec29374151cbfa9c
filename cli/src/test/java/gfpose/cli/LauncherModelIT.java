package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.io.Json;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import gfpose.skeleton.Skeleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every subcommand end-to-end through {@code ./gfpose} on a small randomly initialised model (its outputs are
 * meaningless poses; the tests check the documents, settings, determinism and failure behaviour).
 * Needs the nn and task implementations.
 */
class LauncherModelIT {
    @TempDir static Path shared;
    static Path model;
    static long parameters;

    @TempDir Path dir;

    /** A plausible standing pose in a 1000x1000 image: u, v per joint, Human3.6M order. */
    static final float[][] UV = {
        {500, 500}, {540, 500}, {545, 650}, {550, 800}, {460, 500}, {455, 650}, {450, 800}, {500, 420},
        {500, 340}, {500, 310}, {500, 270}, {440, 350}, {420, 430}, {410, 510}, {560, 350}, {580, 430}, {590, 510}};

    @BeforeAll
    static void smallModel() {
        model = shared.resolve("small.safetensors");
        ScoreNet net = ScoreNet.random(ModelConfig.of(64, 32, 1, 8), 1);
        net.save(model);
        parameters = net.parameterCount();
    }

    /** Keypoints as a 17-array: {@code [u, v]} (plus {@code z} = 0 when 3-D), null for the given joints. */
    static String keypoints(boolean threeD, int... missing) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            if (j > 0) b.append(", ");
            int jj = j;
            if (Arrays.stream(missing).anyMatch(m -> m == jj)) b.append("null");
            else b.append('[').append(UV[j][0]).append(", ").append(UV[j][1]).append(threeD ? ", " + (j * 3 - 20) : "").append(']');
        }
        return b.append(']').toString();
    }

    static String[] args(String... a) {
        String[] common = {"--weights", model.toString(), "--steps", "20", "--threads", "2"};
        String[] all = Arrays.copyOf(a, a.length + common.length);
        System.arraycopy(common, 0, all, a.length, common.length);
        return all;
    }

    /** Runs successfully and returns the output document read from {@code out}. */
    private Map<?, ?> ok(Path out, String... a) throws Exception {
        Launcher.Result r = Launcher.run(dir, args(a));
        assertThat(r.stderr()).as("stderr").isEmpty();
        assertThat(r.exit()).isZero();
        return (Map<?, ?>) Json.parse(out == null ? r.stdout() : Files.readString(out), "output");
    }

    /** Checks the common shape: task, frame, settings and {@code poses x hypotheses x 17 named joints}. */
    private static List<?> checkDocument(Map<?, ?> doc, String task, int poses, int hypotheses, String sampler) {
        assertThat(doc.get("task")).isEqualTo(task);
        assertThat(doc.get("coordinate_frame")).isEqualTo(ResultWriter.FRAME);
        Map<?, ?> settings = (Map<?, ?>) doc.get("settings");
        assertThat(settings.get("seed")).isEqualTo(0L);
        assertThat(settings.get("steps")).isEqualTo(20L);
        assertThat(settings.get("hypotheses")).isEqualTo((long) hypotheses);
        assertThat(settings.get("sampler")).isEqualTo(sampler);
        assertThat(settings.get("weights_sha256")).isEqualTo(WeightsOption.sha256(model));
        List<?> list = (List<?>) doc.get("poses");
        assertThat(list).hasSize(poses);
        for (int p = 0; p < poses; p++) {
            Map<?, ?> pose = (Map<?, ?>) list.get(p);
            assertThat(pose.get("index")).isEqualTo((long) p);
            List<?> hyps = (List<?>) pose.get("hypotheses");
            assertThat(hyps).hasSize(hypotheses);
            for (Object h : hyps) {
                Map<?, ?> joints = (Map<?, ?>) h;
                assertThat(joints.keySet()).hasSize(Skeleton.JOINTS);
                for (int j = 0; j < Skeleton.JOINTS; j++) {
                    List<?> xyz = (List<?>) joints.get(Skeleton.name(j));
                    assertThat(xyz).hasSize(3);
                    for (Object v : xyz) assertThat(((Number) v).doubleValue()).isFinite();
                }
            }
        }
        return list;
    }

    @Test
    void generateWritesCountTimesHypotheses() throws Exception {
        Path out = dir.resolve("gen.json");
        Map<?, ?> doc = ok(out, "generate", "--count", "2", "--hypotheses", "3", "-o", out.toString());
        checkDocument(doc, "generate", 2, 3, "dpm2m-sde");
        assertThat(doc.get("image_size")).isEqualTo(List.of(1000L, 1000L));
    }

    @Test
    void estimateNamedAndArrayKeypointsWithMissingJoints() throws Exception {
        String input = "{\"image_size\": [1000, 1000], \"poses\": ["
                + "{\"id\": \"named\", \"keypoints\": {\"pelvis\": [500, 500], \"r_hip\": [540, 500, 0.9], "
                + "\"l_hip\": [460, 500, 0.05], \"thorax\": [500, 340], \"head\": [500, 270]}},"
                + "{\"id\": 2, \"keypoints\": " + keypoints(false) + "}]}";
        Files.writeString(dir.resolve("in.json"), input);
        Path out = dir.resolve("est.json");
        Map<?, ?> doc = ok(out, "estimate", "-i", "in.json", "-o", out.toString(), "--hypotheses", "2",
                "--min-confidence", "0.1");
        List<?> poses = checkDocument(doc, "estimate", 2, 2, "dpm2m-sde");
        Map<?, ?> first = (Map<?, ?>) poses.get(0);
        assertThat(first.get("id")).isEqualTo("named");
        assertThat(missing(first)).contains("l_hip", "l_wrist").doesNotContain("pelvis", "r_hip");
        Map<?, ?> second = (Map<?, ?>) poses.get(1);
        assertThat(second.get("id")).isEqualTo(2L);
        assertThat(second.containsKey("missing")).isFalse();
        // several hypotheses: one answer per pose, each joint's spread, and the hypothesis nearest to the answer
        for (Object o : poses) {
            Map<?, ?> pose = (Map<?, ?>) o;
            assertThat(((Map<?, ?>) pose.get("consensus")).keySet()).hasSize(Skeleton.JOINTS);
            Map<?, ?> spread = (Map<?, ?>) pose.get("spread_px");
            assertThat(spread.keySet()).hasSize(Skeleton.JOINTS);
            for (Object v : spread.values()) assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) pose.get("closest_hypothesis")).intValue()).isBetween(0, 1);
        }
    }

    @Test
    void estimateReadsStdinAndWritesStdout() throws Exception {
        String input = "{\"poses\": [{\"keypoints\": " + keypoints(false) + "}]}";
        Launcher.Result r = Launcher.runWithStdin(dir, input, args("estimate", "-i", "-"));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exit()).isZero();
        checkDocument((Map<?, ?>) Json.parse(r.stdout(), "stdout"), "estimate", 1, 1, "dpm2m");
    }

    @Test
    void completeTwoAndThreeDimensional() throws Exception {
        Files.writeString(dir.resolve("in2.json"), "{\"poses\": [{\"keypoints\": " + keypoints(false, 12, 13) + "}]}");
        Files.writeString(dir.resolve("in3.json"), "{\"poses\": [{\"keypoints\": " + keypoints(true, 1, 2, 3) + "}]}");
        Path out2 = dir.resolve("c2.json");
        Path out3 = dir.resolve("c3.json");
        List<?> p2 = checkDocument(ok(out2, "complete", "-i", "in2.json", "-o", out2.toString()), "complete", 1, 1,
                "dpm2m");
        assertThat(missing(p2.get(0))).containsExactly("l_elbow", "l_wrist");
        List<?> p3 = checkDocument(ok(out3, "complete", "-i", "in3.json", "-o", out3.toString(), "--sampler", "ode"),
                "complete", 1, 1, "ode");
        assertThat(missing(p3.get(0))).containsExactly("r_hip", "r_knee", "r_ankle");
    }

    @Test
    void denoiseStartsFromT0() throws Exception {
        Files.writeString(dir.resolve("in.json"), "{\"poses\": [{\"id\": \"n\", \"keypoints\": " + keypoints(true) + "}]}");
        Path out = dir.resolve("den.json");
        Map<?, ?> doc = ok(out, "denoise", "-i", "in.json", "-o", out.toString(), "--t0", "0.05");
        checkDocument(doc, "denoise", 1, 1, "dpm2m");
        assertThat(((Map<?, ?>) doc.get("settings")).get("t_start")).isEqualTo(0.05);
        // without --t0 the start matches --sigma: 10 px in a 2000-px-wide image is 5 px of GFPose's frame (t0 0.168)
        Files.writeString(dir.resolve("in2.json"), "{\"image_size\": [2000, 2000], \"poses\": [{\"keypoints\": " + keypoints(true) + "}]}");
        Path out2 = dir.resolve("den2.json");
        doc = ok(out2, "denoise", "-i", "in2.json", "-o", out2.toString(), "--sigma", "10");
        assertThat(((Number) ((Map<?, ?>) doc.get("settings")).get("t_start")).doubleValue()).isBetween(0.167, 0.169);
    }

    @Test
    void infoPrintsConfigurationParametersAndSha() throws Exception {
        Launcher.Result r = Launcher.run(dir, "info", "--weights", model.toString());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).contains("sha256:      " + WeightsOption.sha256(model), "hidden:      64",
                "embed:       32", "blocks:      1", "groups:      8", String.format("parameters:  %,d", parameters));
        assertThat(r.stdout()).containsPattern("backend:     (vector-(512|256|128)|scalar) .*\n");
        assertThat(r.stdout()).containsPattern("gemm tile:   (4x2|4x4|8x2|scalar)\n");
    }

    @Test
    void resultsDependOnTheSeedOnlyNotOnThreads() throws Exception {
        String[] gen = {"generate", "--count", "2", "--hypotheses", "2"};
        Launcher.Result a = Launcher.run(dir, args(gen));
        Launcher.Result b = Launcher.run(dir, withThreads(args(gen), "1"));
        String[] other = Arrays.copyOf(gen, gen.length + 2);
        other[gen.length] = "--seed";
        other[gen.length + 1] = "7";
        Launcher.Result c = Launcher.run(dir, args(other));
        assertThat(a.exit()).isZero();
        assertThat(b.stdout()).isEqualTo(a.stdout());
        assertThat(poses(c.stdout())).isNotEqualTo(poses(a.stdout()));
    }

    @Test
    void mirrorIsRecordedAndCostsTwiceTheEvaluations() throws Exception {
        Map<?, ?> plain = ok(null, "generate", "--count", "2");
        Map<?, ?> mirrored = ok(null, "generate", "--count", "2", "--mirror");
        checkDocument(mirrored, "generate", 2, 1, "dpm2m");
        Map<?, ?> a = (Map<?, ?>) plain.get("settings"), b = (Map<?, ?>) mirrored.get("settings");
        assertThat(a.containsKey("mirror")).isFalse();
        assertThat(b.get("mirror")).isEqualTo(true);
        assertThat((Long) b.get("nfe")).isEqualTo(2 * (Long) a.get("nfe"));
        assertThat(mirrored.get("poses")).isNotEqualTo(plain.get("poses"));
    }

    private static String[] withThreads(String[] a, String n) {
        String[] copy = a.clone();
        copy[Arrays.asList(copy).indexOf("--threads") + 1] = n;
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> missing(Object pose) {
        return (List<Object>) ((Map<?, ?>) pose).get("missing");
    }

    private static Object poses(String stdout) {
        return ((Map<?, ?>) Json.parse(stdout, "stdout")).get("poses");
    }

    @Test
    void truncatedWeightsFailWithOneLineAndNoOutput() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path broken = Files.write(dir.resolve("broken.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(dir.resolve("in.json"), "{\"poses\": [{\"keypoints\": " + keypoints(false) + "}]}");
        Path out = dir.resolve("out.json");
        Launcher.Result r = Launcher.run(dir, "estimate", "-i", "in.json", "-o", out.toString(), "--weights",
                broken.toString(), "--steps", "20").assertOneLineError(1);
        assertThat(r.error()).contains("broken.safetensors");
        assertThat(out).doesNotExist();
        assertThat(Launcher.run(dir, "info", "--weights", broken.toString()).assertOneLineError(1).error())
                .contains("broken.safetensors");
    }

    @Test
    void badInputWithARealModelLeavesNoOutput() throws Exception {
        Files.writeString(dir.resolve("in.json"), "{\"poses\": [{\"keypoints\": " + keypoints(false).substring(1) + "}]}");
        Path out = dir.resolve("out.json");
        Launcher.Result r = Launcher.run(dir, args("estimate", "-i", "in.json", "-o", out.toString()))
                .assertOneLineError(1);
        assertThat(r.error()).contains("in.json: malformed JSON at line 1");
        assertThat(out).doesNotExist();
    }
}
