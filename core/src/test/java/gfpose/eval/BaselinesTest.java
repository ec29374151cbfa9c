package gfpose.eval;

import gfpose.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gfpose.data.H36mDataset;
import gfpose.data.H36mFixture;
import gfpose.data.Input2d;
import gfpose.data.Split;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Network-free sanity numbers on the real test split (stride 640 = GFPose's --sample; 803 items here).
 * Skipped when the data are absent. Values measured once and pinned loosely.
 */
class BaselinesTest {
    static H36mDataset data;
    static final EvalConfig.ModelInfo NONE = new EvalConfig.ModelInfo(1, 0, "none", "none", "none");

    @BeforeAll
    static void open() { data = H36mFixture.openIfPresent(); }

    @AfterAll
    static void close() { if (data != null) data.close(); }

    static EvalConfig cfg(EvalTask t, Input2d in) {
        return new EvalConfig(t, in, 640, 0, 128, MissingJoints.none(), 0, 0, Procrustes.Variant.REFLECTION, NONE);
    }

    @Test
    void groundTruthScoresZeroAndTheFlatLiftHasAFixedError() {
        H36mFixture.assumePresent(data);
        EvalResult gt = new Evaluator(cfg(EvalTask.COMPLETE3D, Input2d.GT)).run(data, Baselines.identity(), ProgressListener.none());
        assertThat(gt.count()).isEqualTo(803);
        assertThat(gt.mpjpe()).isCloseTo(0, within(1e-3));
        assertThat(gt.paMpjpe()).isCloseTo(0, within(1e-3));
        EvalResult flat = new Evaluator(cfg(EvalTask.ESTIMATE, Input2d.GT)).run(data, Baselines.flat(), ProgressListener.none());
        assertThat(flat.mpjpe()).isCloseTo(161.75, within(0.05));
        assertThat(flat.paMpjpe()).isCloseTo(106.88, within(0.05));
    }

    @Test
    void nearestFindsTheLibraryPoseUnderAShiftAndAveragesItsNeighbours() {
        java.util.Random rnd = new java.util.Random(3);
        int m = 50, d = gfpose.skeleton.Skeleton.DIM, j = gfpose.skeleton.Skeleton.JOINTS;
        float[] lib = new float[m * d];
        for (int i = 0; i < lib.length; i++) lib[i] = (float) rnd.nextGaussian() * 100;
        // the query: library pose 7 moved by (30, -20, 5), joints 3 and 13 missing
        float[] cond = new float[d];
        boolean[] obs = new boolean[j];
        java.util.Arrays.fill(obs, true);
        obs[3] = obs[13] = false;
        float[] shift = {30, -20, 5};
        for (int q = 0; q < j; q++) for (int a = 0; a < 3; a++) cond[3 * q + a] = obs[q] ? lib[7 * d + 3 * q + a] + shift[a] : 0;
        float[] one = Baselines.nearest(lib, 1, true, null).predict(0, cond, obs)[0][0];
        for (int q = 0; q < j; q++) {
            for (int a = 0; a < 3; a++) assertThat(one[3 * q + a]).isCloseTo(lib[7 * d + 3 * q + a] + shift[a], within(1e-3f));
        }
        // 2-D: u, v kept where observed, depth from the neighbour; two neighbours are averaged
        float[] flat = cond.clone();
        for (int q = 0; q < j; q++) flat[3 * q + 2] = 0;
        float[] two = Baselines.nearest(lib, 2, false, null).predict(0, flat, obs)[0][0];
        assertThat(two[3 * 5]).isEqualTo(flat[3 * 5]);
        float[] lone = Baselines.nearest(lib, 1, false, null).predict(0, flat, obs)[0][0];
        assertThat(lone[3 * 5 + 2]).isCloseTo(lib[7 * d + 3 * 5 + 2], within(1e-3f));
        assertThat(two[3 * 5 + 2]).isNotCloseTo(lone[3 * 5 + 2], within(1e-3f));
        try (gfpose.kernel.ThreadPool pool = new gfpose.kernel.ThreadPool(2)) {
            float[] pooled = Baselines.nearest(lib, 2, false, pool).predict(0, flat, obs)[0][0];
            assertThat(pooled).containsExactly(two);
        }
    }

    @Test
    void detectionPixelErrorMatchesTheReadme() {
        H36mFixture.assumePresent(data);
        Baselines.PixelError e = Baselines.detectionError(data, Split.TEST, 640, 0);
        assertThat(e.joints()).isEqualTo(803 * 16);
        assertThat(e.mean()).isBetween(12.5, 15.0); // full test set: 13.7 px
        assertThat(e.median()).isBetween(9.0, 11.0);
        assertThat(e.fractionOver50()).isBetween(0.015, 0.035);
    }
}
