package gfpose.eval;

import gfpose.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.data.ImageFrame;
import gfpose.data.Input2d;
import gfpose.data.Sample;
import gfpose.data.Sequence;
import gfpose.io.Json;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on synthetic samples (a made-up camera; no Human3.6M data needed). */
class EvaluatorTest {
    static final EvalConfig.ModelInfo MODEL = new EvalConfig.ModelInfo(2, 1000, "euler-maruyama", "w.safetensors", "abc123");

    static List<Sample> samples(int n) {
        Random r = new Random(1);
        List<Sample> out = new ArrayList<>();
        String[] seqs = {"S9/Walking 1", "S9/Sitting", "S11/Eating 1"};
        for (int i = 0; i < n; i++) {
            double[] cam = new double[Skeleton.DIM];
            for (int j = 0; j < Skeleton.JOINTS; j++) {
                cam[3 * j] = r.nextGaussian() * 300;
                cam[3 * j + 1] = r.nextGaussian() * 500;
                cam[3 * j + 2] = 5000 + (j == 0 ? 0 : r.nextGaussian() * 200);
            }
            ImageFrame.Params p = ImageFrame.params(cam, 1145, 1144, 512, 515);
            double[] img = ImageFrame.fromCamera(cam, p);
            float[] pose = new float[Skeleton.DIM], uv = new float[34];
            for (int k = 0; k < pose.length; k++) pose[k] = (float) img[k];
            for (int j = 0; j < 17; j++) { uv[2 * j] = pose[3 * j]; uv[2 * j + 1] = pose[3 * j + 1]; }
            boolean[] obs = new boolean[17];
            Arrays.fill(obs, true);
            obs[Skeleton.SPINE] = false;
            out.add(new Sample(Sequence.parse(seqs[i % 3]), "54138969", i, pose, uv, uv.clone(), obs, cam, p));
        }
        return out;
    }

    static EvalConfig cfg(EvalTask task, MissingJoints missing, double noise) {
        return new EvalConfig(task, Input2d.GT, 1, 0, 4, missing, noise, 9, Procrustes.Variant.REFLECTION, MODEL);
    }

    @Test
    void groundTruthAsPredictionScoresZero() {
        EvalResult r = new Evaluator(cfg(EvalTask.COMPLETE3D, MissingJoints.none(), 0)).run(samples(10), Baselines.identity(), ProgressListener.none());
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.mpjpe()).isCloseTo(0, within(1e-3));
        assertThat(r.paMpjpe()).isCloseTo(0, within(1e-3));
        assertThat(r.metric("pck").actionWise()).isEqualTo(1.0);
    }

    @Test
    void minOverHypothesesIsTakenPerPose() {
        List<Sample> s = samples(6);
        // hypothesis 0 is exact for even poses, hypothesis 1 for odd poses; the other is 100 px off in u
        PoseModel p = (first, cond, obs) -> {
            int n = obs.length / 17;
            float[][][] out = new float[n][2][];
            for (int i = 0; i < n; i++) {
                Sample x = s.get((int) first + i);
                float[] good = x.pose3d().clone(), bad = x.pose3d().clone();
                for (int j = 0; j < 17; j++) bad[3 * j] += 100;
                out[i][(int) (first + i) % 2] = good;
                out[i][1 - (int) (first + i) % 2] = bad;
            }
            return out;
        };
        EvalResult r = new Evaluator(cfg(EvalTask.ESTIMATE, MissingJoints.none(), 0)).run(s, p, ProgressListener.none());
        assertThat(r.hypotheses()).isEqualTo(2);
        assertThat(r.mpjpe()).isCloseTo(0, within(1e-3));
        assertThat(r.metric("mpjpe_mean").actionWise()).isGreaterThan(10);
    }

    @Test
    void missingJointsAreScoredApartFromTheObservedOnes() {
        List<Sample> s = samples(6);
        // the predictor copies the observed joints and puts every missing joint 100 px to the right of the truth
        PoseModel p = (first, cond, obs) -> {
            int n = obs.length / 17;
            float[][][] out = new float[n][1][];
            for (int i = 0; i < n; i++) {
                float[] x = s.get((int) first + i).pose3d().clone();
                for (int j = 0; j < 17; j++) if (!obs[17 * i + j]) x[3 * j] += 100;
                out[i][0] = x;
            }
            return out;
        };
        EvalResult r = new Evaluator(cfg(EvalTask.COMPLETE3D, MissingJoints.parse("l_elbow,r_knee"), 0)).run(s, p, ProgressListener.none());
        assertThat(r.metric("observed_min").actionWise()).isCloseTo(0, within(1e-3));
        double missing = r.metric("missing_min").actionWise();
        assertThat(missing).isGreaterThan(50);
        // two of 17 joints are off: the all-joint figure is the missing-joint figure diluted by 2/17
        assertThat(r.mpjpe()).isCloseTo(missing * 2 / 17, within(1e-6 * missing));
        assertThat(r.toJson()).containsKey("missing_joints_mpjpe_mm");
        assertThat(r.markdown()).contains("Missing joints");
        EvalResult none = new Evaluator(cfg(EvalTask.COMPLETE3D, MissingJoints.none(), 0)).run(s, p, ProgressListener.none());
        assertThat(none.toJson()).doesNotContainKey("missing_joints_mpjpe_mm");
    }

    @Test
    void imageErrorComparesTheInputAndTheEstimateWithTheProjectedTruth() {
        List<Sample> s = samples(6);
        for (Sample x : s) for (int j = 0; j < 17; j++) x.sh2d()[2 * j + 1] += 4; // detections 4 px low
        // the estimate is the truth 3 px to the right; the input's error counts its observed joints only
        PoseModel p = (first, cond, obs) -> {
            int n = obs.length / 17;
            float[][][] out = new float[n][1][];
            for (int i = 0; i < n; i++) {
                float[] x = s.get((int) first + i).pose3d().clone();
                for (int j = 0; j < 17; j++) x[3 * j] += 3;
                out[i][0] = x;
            }
            return out;
        };
        EvalConfig sh = new EvalConfig(EvalTask.ESTIMATE, Input2d.SH, 1, 0, 4, MissingJoints.none(), 0, 9, Procrustes.Variant.REFLECTION, MODEL);
        EvalResult r = new Evaluator(sh).run(s, p, ProgressListener.none());
        assertThat(r.metric("image_input").actionWise()).isCloseTo(4, within(1e-4));
        assertThat(r.metric("image_estimate").actionWise()).isCloseTo(3, within(1e-4));
        assertThat(((Map<?, ?>) r.toJson().get("image_error")).get("estimate_px")).isEqualTo(3.0);
        assertThat(r.markdown()).contains("input 4.0 over its observed joints, estimate 3.0");
        // 3-D tasks have no 2-D input: nothing is reported
        EvalResult c3 = new Evaluator(cfg(EvalTask.COMPLETE3D, MissingJoints.none(), 0)).run(s, p, ProgressListener.none());
        assertThat(c3.toJson()).doesNotContainKey("image_error");
    }

    @Test
    void conditionsFollowTheTask() {
        Sample s = samples(1).get(0);
        float[] c = new float[51];
        boolean[] o = new boolean[17];
        new Evaluator(cfg(EvalTask.ESTIMATE, MissingJoints.none(), 0)).condition(s, 0, c, 0, o, 0);
        assertThat(c[3]).isEqualTo(s.pose3d()[3]);
        assertThat(c[5]).isZero(); // 2-D condition: z = 0
        assertThat(o).containsOnly(true);

        new Evaluator(cfg(EvalTask.COMPLETE3D, MissingJoints.parse("l_elbow,13"), 0)).condition(s, 0, c = new float[51], 0, o = new boolean[17], 0);
        assertThat(o[12]).isFalse();
        assertThat(o[13]).isFalse();
        assertThat(c[3 * 12]).isZero();
        assertThat(c[3 * 2 + 2]).isEqualTo(s.pose3d()[3 * 2 + 2]);

        new Evaluator(cfg(EvalTask.DENOISE, MissingJoints.none(), 5)).condition(s, 0, c = new float[51], 0, o = new boolean[17], 0);
        double rms = 0;
        for (int i = 0; i < 51; i++) rms += Math.pow(c[i] - s.pose3d()[i], 2);
        assertThat(Math.sqrt(rms / 51)).isBetween(2.0, 9.0);

        new Evaluator(cfg(EvalTask.GENERATE, MissingJoints.none(), 0)).condition(s, 0, c = new float[51], 0, o = new boolean[17], 0);
        assertThat(c).containsOnly(0f);
        assertThat(o).containsOnly(false);
    }

    @Test
    void randomMissingDrawsDistinctLimbJointsReproducibly() {
        MissingJoints m = MissingJoints.parse("random:3");
        boolean[] a = m.draw(Rng.stream(4, 17)), b = m.draw(Rng.stream(4, 17));
        assertThat(a).isEqualTo(b);
        int count = 0;
        for (int j = 0; j < 17; j++) if (a[j]) { count++; assertThat(Skeleton.limbJoints()).contains(j); }
        assertThat(count).isEqualTo(3);
        assertThatThrownBy(() -> MissingJoints.parse("random:9")).isInstanceOf(GfposeException.class);
        assertThatThrownBy(() -> MissingJoints.parse("elbow")).isInstanceOf(GfposeException.class).hasMessageContaining("elbow");
    }

    @Test
    void writesJsonWithProtocolAndMarkdown(@TempDir Path dir) throws Exception {
        EvalResult r = new Evaluator(cfg(EvalTask.ESTIMATE, MissingJoints.none(), 0)).run(samples(9), Baselines.flat(), ProgressListener.none());
        Path f = dir.resolve("out/result.json");
        r.writeJson(f);
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(f), f.toString());
        Map<?, ?> proto = (Map<?, ?>) doc.get("protocol");
        assertThat(proto.get("joint_set")).isEqualTo("h36m17");
        assertThat(proto.get("weights_sha256")).isEqualTo("abc123");
        assertThat(proto.get("stride")).isEqualTo(1L);
        assertThat(((Map<?, ?>) doc.get("per_action")).keySet().stream().map(String::valueOf).toList()).containsExactly("Eating", "Sitting", "Walking");
        assertThat(((Number) doc.get("mpjpe_mm")).doubleValue()).isCloseTo(r.mpjpe(), within(1e-3));
        assertThat(r.markdown()).contains("| **average (action-wise)** |").contains("stride 1").contains("h36m17");
    }

    @Test
    void badPredictorOutputAndOptionsAreOneLineErrors() {
        Evaluator e = new Evaluator(cfg(EvalTask.ESTIMATE, MissingJoints.none(), 0));
        assertThatThrownBy(() -> e.run(samples(3), (f, c, o) -> new float[1][1][51], ProgressListener.none()))
                .isInstanceOf(GfposeException.class).hasMessageContaining("batch of 3");
        assertThatThrownBy(() -> e.run(samples(3), (f, c, o) -> new float[3][1][50], ProgressListener.none()))
                .isInstanceOf(GfposeException.class).hasMessageContaining("51");
        assertThatThrownBy(() -> new EvalConfig(EvalTask.ESTIMATE, Input2d.SH, 0, 0, 1, null, 0, 0, Procrustes.Variant.PROPER, MODEL))
                .isInstanceOf(GfposeException.class).hasMessageContaining("stride");
        assertThatThrownBy(() -> EvalTask.parse("fly")).isInstanceOf(GfposeException.class).hasMessageContaining("fly");
        assertThatThrownBy(() -> Input2d.parse("cpn")).isInstanceOf(GfposeException.class).hasMessageContaining("cpn");
    }

    @Test
    void progressIsReportedPerBatch() {
        List<long[]> calls = new ArrayList<>();
        new Evaluator(cfg(EvalTask.ESTIMATE, MissingJoints.none(), 0)).run(samples(10), Baselines.flat(), (d, t) -> calls.add(new long[] {d, t}));
        assertThat(calls).extracting(c -> c[0]).containsExactly(4L, 8L, 10L);
        assertThat(calls).extracting(c -> c[1]).containsOnly(10L);
    }
}
