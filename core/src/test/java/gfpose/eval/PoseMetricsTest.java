package gfpose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoseMetricsTest {
    static double[] shifted(double[] p, double dx) {
        double[] q = p.clone();
        for (int j = 0; j < q.length / 3; j++) q[3 * j] += dx;
        return q;
    }

    static double[] pose() {
        double[] p = new double[51];
        for (int i = 0; i < p.length; i++) p[i] = (i * 37 % 11) * 40.0;
        return p;
    }

    @Test
    void mpjpeHasNoRootAlignmentButTheRootRelativeVariantDoes() {
        double[] gt = pose(), pred = shifted(gt, 30);
        assertThat(PoseMetrics.mpjpe(pred, gt)).isCloseTo(30, within(1e-12));
        assertThat(PoseMetrics.mpjpeRootRelative(pred, gt)).isCloseTo(0, within(1e-12));
    }

    @Test
    void nMpjpeRemovesScaleOnly() {
        double[] gt = PoseMetrics.rootRelative(pose());
        double[] pred = gt.clone();
        for (int i = 0; i < pred.length; i++) pred[i] *= 1.3;
        assertThat(PoseMetrics.nMpjpe(pred, gt)).isCloseTo(0, within(1e-9));
        assertThat(PoseMetrics.mpjpe(pred, gt)).isGreaterThan(1);
    }

    @Test
    void pckAndAucCountTheFourteenJoints() {
        double[] gt = pose(), pred = gt.clone();
        // move two PCK joints by 200 mm, and the spine (not in the set) by 1000 mm
        pred[3 * 3] += 200;
        pred[3 * 16] += 200;
        pred[3 * 7] += 1000;
        assertThat(PoseMetrics.pck(pred, gt, 150)).isCloseTo(12 / 14.0, within(1e-12));
        assertThat(PoseMetrics.auc(pred, gt)).isCloseTo(12 / 14.0, within(1e-12));
        double[] off = shifted(gt, 0);
        for (int j = 1; j < 17; j++) off[3 * j + 1] += 72.5; // every joint 72.5 mm off: passes thresholds 75..150
        assertThat(PoseMetrics.auc(off, gt)).isCloseTo(16 / 31.0, within(1e-12));
    }

    @Test
    void minOfKPicksPerPoseNotPerBatch() {
        // pose A: hypothesis 0 good (1) and 1 bad (9); pose B the other way round
        double[][] errors = {{1, 9}, {9, 1}};
        double perPose = (HypothesisStats.of(errors[0]).min() + HypothesisStats.of(errors[1]).min()) / 2;
        double perBatch = Math.min((errors[0][0] + errors[1][0]) / 2, (errors[0][1] + errors[1][1]) / 2);
        assertThat(perPose).isEqualTo(1);
        assertThat(perBatch).isEqualTo(5);
        HypothesisStats s = HypothesisStats.of(new double[] {4, 2, 8, 6});
        assertThat(s.min()).isEqualTo(2);
        assertThat(s.argmin()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(5);
        assertThat(HypothesisStats.of(new double[] {3, 1, 2}).median()).isEqualTo(2);
    }

    @Test
    void actionWiseAndFrameWiseDifferOnUnbalancedActions() {
        ActionAverage a = new ActionAverage();
        for (int i = 0; i < 9; i++) a.add("Walking", 10);
        a.add("Sitting", 50);
        assertThat(a.frameWise()).isCloseTo(14, within(1e-12));
        assertThat(a.actionWise()).isCloseTo(30, within(1e-12));
        assertThat(a.perAction()).containsEntry("Sitting", 50.0).containsEntry("Walking", 10.0);
        assertThat(a.perAction().keySet()).containsExactly("Sitting", "Walking"); // action-id order
    }
}
