package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.sampling.SamplerKind;
import gfpose.sde.Sde;
import gfpose.sde.SubVpSde;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The task layer with an analytic "network": per entry, the diffused score of N(target, σ0²) where target = c on
 * entries the mask keeps and 0 elsewhere. Checks masks, initialisation, imputation, grids and determinism.
 */
class PosePriorTest {
    static final Sde SDE = SubVpSde.GFPOSE;
    static final double S0 = 0.5;
    static final ImageSize SIZE = ImageSize.GFPOSE;

    /** Records the cond/mask batches it was bound to. */
    static final class Fake implements TaskSampler.ConditionalScore {
        final List<float[]> conds = new ArrayList<>(), masks = new ArrayList<>();

        @Override public gfpose.sde.ScoreFunction bind(float[] cond, float[] mask, int rows, gfpose.kernel.ThreadPool pool) {
            conds.add(cond.clone());
            masks.add(mask.clone());
            return (x, n, t, out) -> {
                double m = SDE.meanCoeff(t), s = SDE.std(t), v = m * m * S0 * S0 + s * s;
                for (int i = 0; i < n * 51; i++) out[i] = (float) (-(x[i] - m * (mask[i] != 0 ? cond[i] : 0)) / v);
            };
        }
    }

    static SampleOptions opt(SamplerKind k) { return SampleOptions.defaults().withSteps(60).withSampler(k).withThreads(1).withSeed(5); }

    static float[][] uv(int n, long seed) {
        gfpose.kernel.Rng r = new gfpose.kernel.Rng(seed);
        float[][] a = new float[n][34];
        for (float[] p : a) for (int i = 0; i < 34; i++) p[i] = (float) (300 + 400 * r.nextDouble());
        return a;
    }

    @Test
    void mirrorAveragingLeavesASymmetricModelAsItIsAndChangesALopsidedOne() {
        float[][] in = uv(2, 4);
        SampleOptions o = opt(SamplerKind.SDE).withHypotheses(2);
        try (PosePrior plain = PosePrior.of(SDE, new Fake()); PosePrior mirrored = plain.mirrorAveraged()) {
            // the analytic score is mirror-equivariant entry by entry, so ½ (s + M s(M·)) = s bit for bit
            assertThat(mirrored.estimate(in, null, SIZE, o)).isDeepEqualTo(plain.estimate(in, null, SIZE, o));
        }
        TaskSampler.ConditionalScore lopsided = (c, m, rows, pool) -> {
            gfpose.sde.ScoreFunction f = new Fake().bind(c, m, rows, pool);
            return (x, n, t, out) -> {
                f.score(x, n, t, out);
                for (int p = 0; p < n; p++) out[p * 51 + 3 * gfpose.skeleton.Skeleton.left()[0]] += 1f; // pushes the left hip's x
            };
        };
        try (PosePrior plain = PosePrior.of(SDE, lopsided); PosePrior mirrored = plain.mirrorAveraged()) {
            assertThat(java.util.Arrays.deepEquals(mirrored.estimate(in, null, SIZE, o), plain.estimate(in, null, SIZE, o))).isFalse();
        }
    }

    @Test
    void estimateMasksDepthAndConditionsOnUv() {
        Fake f = new Fake();
        float[][] in = uv(2, 1);
        float[][][] out = PosePrior.of(SDE, f).estimate(in, null, SIZE, opt(SamplerKind.DETERMINISTIC).withHypotheses(2));
        assertThat(out).hasDimensions(2, 2);
        float[] mask = f.masks.get(0), cond = f.conds.get(0);
        for (int j = 0; j < 17; j++) {
            assertThat(mask[3 * j]).isEqualTo(1f);
            assertThat(mask[3 * j + 1]).isEqualTo(1f);
            assertThat(mask[3 * j + 2]).isZero();
            assertThat(cond[3 * j + 2]).isZero();
        }
        // the analytic network pulls u, v to the 2-D input (within its σ0 = 0.5 network units ≈ 8 px spread)
        for (int j = 0; j < 17; j++) assertThat(out[1][0][3 * j]).isCloseTo(in[1][2 * j], within(40f));
    }

    @Test
    void missingJointsSwitchToComp2dWithImputationWhenAsked() {
        Fake f = new Fake();
        float[][] in = uv(2, 2);
        boolean[][] obs = new boolean[2][17];
        for (boolean[] o : obs) java.util.Arrays.fill(o, true);
        obs[0][5] = false;
        in[0][10] = Float.NaN;  // a missing joint's value is ignored
        // the default only masks the missing joint: nothing is imputed, so observed u, v are sampled too
        float[][][] plain = PosePrior.of(SDE, new Fake()).estimate(in, obs, SIZE, opt(SamplerKind.SDE).withHypotheses(3));
        float[][][] out = PosePrior.of(SDE, f).estimate(in, obs, SIZE, opt(SamplerKind.SDE).withHypotheses(3).withImpute2d(true));
        float[] mask = f.masks.get(0);
        assertThat(mask[15]).isZero();
        assertThat(mask[16]).isZero();
        PoseSpace s = new PoseSpace(SIZE);
        float[] c = new float[51], mc = new float[51];
        s.uvToNetwork(in[0], 0, c, 0);
        for (int i = 0; i < 51; i++) mc[i] = (float) (SDE.meanCoeff(1e-3) * c[i]);
        float[] expect = s.toImage(mc);
        for (int h = 0; h < 3; h++) {
            for (int j = 0; j < 17; j++) {
                if (j == 5) continue;  // observed u, v come back as the imputed x_mean m(t_end)·c
                assertThat(out[0][h][3 * j]).isEqualTo(expect[3 * j]);
                assertThat(out[0][h][3 * j + 1]).isEqualTo(expect[3 * j + 1]);
            }
            assertThat(out[0][h][15]).isFinite();
        }
        assertThat(plain[0][0][0]).isNotEqualTo(expect[0]);
        assertThat(plain[0][0][15]).isFinite();
        // pose 1 has every joint: plain est, its u, v are sampled, not imputed
        float[] c1 = new float[51];
        s.uvToNetwork(in[1], 0, c1, 0);
        assertThat(out[1][0][0]).isNotEqualTo(s.toImage(c1)[0]);
    }

    @Test
    void complete3dConditionsAndImputesXyzOfObservedJoints() {
        Fake f = new Fake();
        float[][] xyz = {new PoseSpace(SIZE).toImage(new float[51])};
        xyz[0][2] = 40;
        boolean[][] obs = {new boolean[17]};
        java.util.Arrays.fill(obs[0], true);
        obs[0][3] = false;
        float[][][] out = PosePrior.of(SDE, f).complete3d(xyz, obs, SIZE, opt(SamplerKind.DETERMINISTIC));
        float[] mask = f.masks.get(0);
        assertThat(mask[2]).isEqualTo(1f);
        assertThat(mask[9]).isZero();
        assertThat(mask[11]).isZero();
        assertThat(out[0][0][2]).isCloseTo(40f, within(0.01f));
    }

    @Test
    void denoiseStartsFromThePoseWithGfposeDtOrTheGridSpacing() {
        // with a zero score only the drift acts: x ← x (1 − a(t_i)·dt) on the grid [0.05, 1e-3]
        PosePrior prior = PosePrior.of(SDE, (c, m, rows, pool) -> (x, n, t, out) -> java.util.Arrays.fill(out, 0, n * 51, 0f));
        PoseSpace s = new PoseSpace(SIZE);
        float[] net = new float[51];
        for (int i = 0; i < 51; i++) net[i] = (float) (0.3 * (i - 25));
        gfpose.sampling.TimeGrid g = gfpose.sampling.TimeGrid.linspace(0.05, 1e-3, 50);
        for (boolean literal : new boolean[] {true, false}) {
            SampleOptions o = SampleOptions.denoiseDefaults().withSteps(50).withThreads(1).withGfposeDenoiseDt(literal);
            float[][][] out = prior.denoise(new float[][] {s.toImage(net)}, SIZE, o);
            // GFPose starts from the pose; the default from the pose scaled into the t0 marginal, m(t0)·y
            double dt = literal ? 1.0 / 50 : (0.05 - 1e-3) / 49, gain = literal ? 1 : SDE.meanCoeff(0.05);
            for (int i = 0; i < 50; i++) gain *= 1 - SDE.driftCoeff(g.t(i)) * dt;
            float[] got = s.toNetwork(out[0][0]);
            for (int i = 0; i < 51; i++) assertThat(got[i]).isCloseTo((float) (net[i] * gain), within(1e-3f));
        }
    }

    @Test
    void loadWithoutAPathFindsTheDefaultModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String before = System.getProperty("gfpose.weights");
        try {
            java.nio.file.Path f = dir.resolve("m.safetensors");
            System.setProperty("gfpose.weights", f.toString());
            assertThat(PosePrior.defaultWeights()).isEqualTo(f);
            assertThatThrownBy(PosePrior::load).isInstanceOf(gfpose.GfposeException.class).hasMessageContaining("m.safetensors");
            gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(16, 8, 1, 4), 1).save(f);
            try (PosePrior p = PosePrior.load()) {
                assertThat(p.network().config().hidden()).isEqualTo(16);
            }
        } finally {
            if (before == null) System.clearProperty("gfpose.weights"); else System.setProperty("gfpose.weights", before);
        }
    }

    @Test
    void denoiseStartMatchesTheMarginalToThePixelNoise() {
        PosePrior prior = PosePrior.of(SDE, (c, m, rows, pool) -> (x, n, t, out) -> java.util.Arrays.fill(out, 0, n * 51, 0f));
        for (double px : new double[] {1, 5, 10}) {
            double t0 = prior.denoiseStart(px, SIZE), sigma = px / new PoseSpace(SIZE).pixelsPerUnit();
            assertThat(SDE.std(t0)).isCloseTo(SDE.meanCoeff(t0) * sigma, within(1e-9));
        }
        assertThat(prior.denoiseStart(5, ImageSize.GFPOSE)).isCloseTo(0.168, within(0.001));
        assertThat(prior.denoiseStart(10, SIZE)).isGreaterThan(prior.denoiseStart(5, SIZE));
        assertThatThrownBy(() -> prior.denoiseStart(0, SIZE)).isInstanceOf(gfpose.GfposeException.class).hasMessageContaining("sigma");
    }

    @Test
    void generateUsesZeroConditionAndMask() {
        Fake f = new Fake();
        float[][][] out = PosePrior.of(SDE, f).generate(3, SIZE, opt(SamplerKind.SDE).withHypotheses(2));
        assertThat(out).hasDimensions(3, 2);
        for (float v : f.masks.get(0)) assertThat(v).isZero();
        for (float v : f.conds.get(0)) assertThat(v).isZero();
    }

    @Test
    void resultsDependNeitherOnThreadsNorOnTheRestOfTheBatch() {
        SampleOptions o = opt(SamplerKind.PC).withHypotheses(3);
        float[][] a = uv(3, 3), b = uv(3, 4);
        b[0] = a[0];
        float[][][] r1 = PosePrior.of(SDE, new Fake()).estimate(a, null, SIZE, o);
        float[][][] r2 = PosePrior.of(SDE, new Fake()).estimate(a, null, SIZE, o.withThreads(2));
        float[][][] r3 = PosePrior.of(SDE, new Fake()).estimate(b, null, SIZE, o.withThreads(2));
        // one pose per network call instead of all three
        TaskSampler small = new TaskSampler(SDE, new Fake(), 3);
        List<TaskSampler.Job> jobs = new ArrayList<>();
        PoseSpace s = new PoseSpace(SIZE);
        for (float[] p : a) {
            float[] c = new float[51], m = new float[51];
            s.uvToNetwork(p, 0, c, 0);
            for (int j = 0; j < 17; j++) { m[3 * j] = 1; m[3 * j + 1] = 1; }
            jobs.add(new TaskSampler.Job(c, m, null, null));
        }
        float[][][] r4 = small.run(jobs, o, gfpose.sampling.TimeGrid.linspace(1, 1e-3, 60));
        assertThat(r2).isDeepEqualTo(r1);
        assertThat(r3[0]).isDeepEqualTo(r1[0]);
        assertThat(r3[1]).isNotEqualTo(r1[1]);
        for (int p = 0; p < 3; p++) for (int h = 0; h < 3; h++) assertThat(s.toImage(r4[p][h])).containsExactly(r1[p][h]);
        assertThat(r1[0][0]).isNotEqualTo(r1[0][1]);
        // another seed gives other samples
        assertThat(PosePrior.of(SDE, new Fake()).estimate(a, null, SIZE, o.withSeed(6))[0][0]).isNotEqualTo(r1[0][0]);
    }

    /** Poses [0, 5) in one call, and in two calls [0, 2) + [2, 5) with firstPose 2. */
    interface Task { float[][][] run(PosePrior prior, int from, int to, long firstPose); }

    static void assertSplitMatchesOneCall(Task task) { assertSplitMatchesOneCall(task, true); }

    static void assertSplitMatchesOneCall(Task task, boolean random) {
        PosePrior prior = PosePrior.of(SDE, new Fake());
        float[][][] whole = task.run(prior, 0, 5, 0);
        float[][][] head = task.run(prior, 0, 2, 0), tail = task.run(prior, 2, 5, 2);
        assertThat(head).isDeepEqualTo(java.util.Arrays.copyOfRange(whole, 0, 2));
        assertThat(tail).isDeepEqualTo(java.util.Arrays.copyOfRange(whole, 2, 5));
        // without the global index the tail would reuse the head's streams
        if (random) assertThat(task.run(prior, 2, 5, 0)[0][0]).isNotEqualTo(whole[2][0]);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(names = {"SDE", "DPM2M_SDE", "HEUN"})
    void firstPoseMakesResultsIndependentOfHowPosesAreSplitIntoCalls(SamplerKind kind) {
        SampleOptions o = opt(kind).withHypotheses(2).withThreads(2).withSteps(kind.solver() ? 12 : 60);
        float[][] uv = uv(5, 7), xyz = new float[5][];
        boolean[][] obs = new boolean[5][17];
        for (int p = 0; p < 5; p++) {
            java.util.Arrays.fill(obs[p], true);
            obs[p][p + 3] = false; // a missing joint: imputation draws from the streams too
            xyz[p] = new PoseSpace(SIZE).toImage(new float[51]);
            for (int i = 0; i < 51; i++) xyz[p][i] += (float) (10 * Math.sin(p + i));
        }
        assertSplitMatchesOneCall((pr, a, b, first) -> pr.estimate(java.util.Arrays.copyOfRange(uv, a, b),
                java.util.Arrays.copyOfRange(obs, a, b), SIZE, o, first));
        assertSplitMatchesOneCall((pr, a, b, first) -> pr.complete3d(java.util.Arrays.copyOfRange(xyz, a, b),
                java.util.Arrays.copyOfRange(obs, a, b), SIZE, o, first));
        assertSplitMatchesOneCall((pr, a, b, first) -> pr.denoise(java.util.Arrays.copyOfRange(xyz, a, b), SIZE,
                o.withTStart(0.05), first), kind.stochastic()); // deterministic denoising draws nothing
        assertSplitMatchesOneCall((pr, a, b, first) -> pr.generate(b - a, SIZE, o, first));
    }

    @Test
    void rowBlocksMayCutThroughAPosesHypothesesWithoutChangingAnything() {
        SampleOptions o = opt(SamplerKind.SDE).withHypotheses(5);
        float[][] uv = uv(4, 3);
        boolean[][] obs = new boolean[4][17];
        for (boolean[] b : obs) java.util.Arrays.fill(b, true);
        obs[1][4] = false;
        java.util.function.IntFunction<float[][][]> run = maxRows -> {
            TaskSampler t = new TaskSampler(SDE, new Fake(), maxRows);
            List<TaskSampler.Job> jobs = new ArrayList<>();
            PoseSpace s = new PoseSpace(SIZE);
            for (int p = 0; p < 4; p++) {
                float[] c = new float[51], m = new float[51];
                s.uvToNetwork(uv[p], 0, c, 0);
                for (int j = 0; j < 17; j++) if (obs[p][j]) { m[3 * j] = 1; m[3 * j + 1] = 1; }
                jobs.add(new TaskSampler.Job(c, m, p == 1 ? m : null, null));
            }
            return t.run(jobs, o, gfpose.sampling.TimeGrid.linspace(1, 1e-3, 60), 7);
        };
        float[][][] whole = run.apply(4096);
        for (int maxRows : new int[] {1, 3, 7}) assertThat(run.apply(maxRows)).isDeepEqualTo(whole);
    }

    @Test
    void aResultThatCannotFitIsRefusedBeforeAnythingIsAllocated() {
        PosePrior prior = PosePrior.of(SDE, new Fake());
        long heap = Runtime.getRuntime().maxMemory();
        int hyp = (int) Math.min(Integer.MAX_VALUE, heap / 200); // about 236 bytes a result: more than half the heap
        assertThatThrownBy(() -> prior.generate(1, SIZE, opt(SamplerKind.SDE).withHypotheses(hyp)))
                .isInstanceOf(gfpose.GfposeException.class).hasMessageContaining(hyp + " hypotheses").hasMessageContaining("-Xmx");
        assertThatThrownBy(() -> prior.generate(Integer.MAX_VALUE, SIZE, opt(SamplerKind.SDE)))
                .isInstanceOf(gfpose.GfposeException.class).hasMessageContaining("MB");
    }

    @Test
    void badInputNamesThePoseAndJoint() {
        float[][] in = uv(2, 1);
        in[1][7] = Float.NaN;
        assertThatThrownBy(() -> PosePrior.of(SDE, new Fake()).estimate(in, null, SIZE, opt(SamplerKind.SDE)))
                .isInstanceOf(GfposeException.class).hasMessageContaining("pose 1, joint 3");
        assertThatThrownBy(() -> PosePrior.of(SDE, new Fake()).estimate(new float[][] {new float[30]}, null, SIZE, opt(SamplerKind.SDE)))
                .isInstanceOf(GfposeException.class).hasMessageContaining("pose 0");
    }

    @Test
    void aWarmStartBeginsAtTStartAroundEachHypothesisOwnGuess() {
        // a model without opinion (score 0): DDIM on the drift then keeps x/m(t) fixed, so each hypothesis ends at its
        // guess plus the start noise std(t0)/m(t0)·z, which is tiny at t0 = 0.01
        TaskSampler.ConditionalScore none = (c, m, rows, pool) -> (x, n, t, out) -> java.util.Arrays.fill(out, 0, n * 51, 0f);
        PosePrior prior = PosePrior.of(SDE, none);
        float[][] uv = uv(1, 4);
        float[][][] guess = new float[1][2][51];
        for (int i = 0; i < 51; i++) { guess[0][0][i] = 400 + i; guess[0][1][i] = 600 - i; }
        SampleOptions o = opt(SamplerKind.DDIM).withHypotheses(2).withSteps(4).withTStart(0.01);
        float[][][] out = prior.estimate(uv, null, SIZE, o, 0, guess);
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 51; i++) assertThat(out[0][h][i]).isCloseTo(guess[0][h][i], within(0.5f));
            assertThat(out[0][h]).isNotEqualTo(guess[0][h]);  // the start noise was added
        }
        // the same start for every hypothesis when one guess is given; a wrong count is refused
        float[][][] one = prior.estimate(uv, null, SIZE, o, 0, new float[][][] {{guess[0][0]}});
        for (int i = 0; i < 51; i++) assertThat(one[0][1][i]).isCloseTo(guess[0][0][i], within(0.5f));
        assertThatThrownBy(() -> prior.estimate(uv, null, SIZE, o, 0, new float[1][3][51])).isInstanceOf(GfposeException.class)
                .hasMessageContaining("needs 1 or 2 guesses");
        // no guess but t_start < 1: the informed start from the 2-D input itself, depth 0, a missing joint at the mean
        boolean[][] obs = new boolean[1][17];
        java.util.Arrays.fill(obs[0], true);
        obs[0][7] = false;
        float[][][] informed = prior.estimate(uv, obs, SIZE, o, 0, null);
        double mu = 0;
        for (int j = 0; j < 17; j++) if (j != 7) mu += uv[0][2 * j] / 16;
        for (int j = 0; j < 17; j++) {
            assertThat(informed[0][0][3 * j]).isCloseTo(j == 7 ? (float) mu : uv[0][2 * j], within(0.5f));
            assertThat(informed[0][0][3 * j + 2]).isCloseTo(0f, within(0.5f));
        }
    }

    @Test
    void progressCountsNetworkEvaluationsAnInterruptCancelsAndCloseEndsThePrior() {
        PosePrior prior = PosePrior.of(SDE, new Fake());
        List<long[]> seen = new ArrayList<>();
        prior.setProgressListener((done, total) -> seen.add(new long[] {done, total}));
        prior.generate(3, SIZE, opt(SamplerKind.DPM2M).withSteps(7).withHypotheses(2));
        assertThat(seen).hasSize(7);
        assertThat(seen.get(6)).containsExactly(7, 7);
        prior.setProgressListener(null);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> prior.generate(3, SIZE, opt(SamplerKind.DPM2M)))
                    .isInstanceOf(java.util.concurrent.CancellationException.class).hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();  // clear the flag for the other tests
        }
        prior.close();
        assertThatThrownBy(() -> prior.generate(1, SIZE, opt(SamplerKind.DPM2M))).isInstanceOf(IllegalStateException.class)
                .hasMessage("this prior is closed");
    }

    @Test
    void aBorrowedExecutorGivesTheSameBitsAndIsNeverShutDown() {
        gfpose.nn.ScoreNet net = gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(64, 32, 1, 8), 7);
        SampleOptions o = SampleOptions.defaults().withHypotheses(5).withThreads(2).withSeed(3);
        float[][] a = uv(4, 9);
        float[][][] own;
        try (PosePrior p = new PosePrior(net)) {
            own = p.estimate(a, null, SIZE, o);
        }
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            PosePrior p = new PosePrior(net);
            p.setExecutor(ex);
            assertThat(p.estimate(a, null, SIZE, o)).isDeepEqualTo(own);
            assertThat(p.estimate(a, null, SIZE, o.withThreads(3))).isDeepEqualTo(own);
            p.close();
            assertThat(ex.isShutdown()).isFalse();
            assertThatThrownBy(() -> p.setExecutor(ex)).isInstanceOf(IllegalStateException.class);
        } finally {
            ex.shutdownNow();
        }
    }
}
