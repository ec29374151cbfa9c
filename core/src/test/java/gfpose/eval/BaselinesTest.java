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
    void detectionPixelErrorMatchesTheReadme() {
        H36mFixture.assumePresent(data);
        Baselines.PixelError e = Baselines.detectionError(data, Split.TEST, 640, 0);
        assertThat(e.joints()).isEqualTo(803 * 16);
        assertThat(e.mean()).isBetween(12.5, 15.0); // full test set: 13.7 px
        assertThat(e.median()).isBetween(9.0, 11.0);
        assertThat(e.fractionOver50()).isBetween(0.015, 0.035);
    }
}
