package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.kernel.Rng;
import gfpose.nn.ModelConfig;
import gfpose.skeleton.Skeleton;
import org.junit.jupiter.api.Test;

/** The per-row data path: normalisation, flipping condition and target together, masking. */
class TrainSampleTest {
    static final int D = Skeleton.DIM;

    @Test
    void flipMirrorsConditionAndTargetTogether() {
        TrainConfig cfg = TrainConfig.defaults(ModelConfig.of(8, 4, 0, 4)).withMasking(0, 0, 0).withConditions(0f, 1f, true);
        SyntheticSource src = new SyntheticSource(10, 4);
        SampleMaker mk = new SampleMaker(cfg, src);
        SampleMaker.Scratch s = new SampleMaker.Scratch();
        float[] xt = new float[D], tau = new float[1], cond = new float[D], mask = new float[D], z = new float[D];
        float[] pose = new float[D], det = new float[34], gt = new float[34];
        boolean[] obs = new boolean[17];
        int flipped = 0, plain = 0;
        for (int i = 0; i < 40; i++) {
            mk.make(i % 10, Rng.stream(1, i), s, 0, xt, tau, cond, mask, z);
            src.item(i % 10, pose, det, gt, obs);
            boolean f = s.x0[3] != SampleMaker.normalise(pose[3], 0) * 30f;
            if (f) flipped++; else plain++;
            for (int j = 0; j < 17; j++) {
                int from = f ? Skeleton.mirror(j) : j;
                assertThat(s.x0[3 * j]).isEqualTo(SampleMaker.normalise(pose[3 * from], 0) * (f ? -30f : 30f));
                assertThat(s.x0[3 * j + 2]).isEqualTo(SampleMaker.normalise(pose[3 * from + 2], 2) * 30f);
                // GT 2-D condition = the target's (x, y), in the same frame
                assertThat(cond[3 * j]).isEqualTo(s.x0[3 * j]);
                assertThat(cond[3 * j + 1]).isEqualTo(s.x0[3 * j + 1]);
                assertThat(cond[3 * j + 2]).isZero();
            }
            assertThat(mask).containsOnly(1f);
        }
        assertThat(flipped).isPositive();
        assertThat(plain).isPositive();
    }

    @Test
    void detectedConditionMasksUndetectedJointsAndMaskingRatesAreRight() {
        TrainConfig cfg = TrainConfig.defaults(ModelConfig.of(8, 4, 0, 4)).withConditions(0f, 0f, false);
        SampleMaker mk = new SampleMaker(cfg, new SyntheticSource(10, 4));
        SampleMaker.Scratch s = new SampleMaker.Scratch();
        float[] xt = new float[D], tau = new float[1], cond = new float[D], mask = new float[D], z = new float[D];
        int n = 4000, whole = 0;
        long joints = 0;
        for (int i = 0; i < n; i++) {
            mk.make(i % 10, Rng.stream(2, i), s, 0, xt, tau, cond, mask, z);
            assertThat(mask[3 * Skeleton.SPINE]).isZero(); // the detector never gives the spine
            assertThat(tau[0]).isBetween(999f * 1e-5f, 999f);
            int kept = 0;
            for (int j = 0; j < 17; j++) if (mask[3 * j] == 1f) kept++;
            if (kept == 0) whole++;
            joints += kept;
        }
        // P(joint kept | pose not masked) = 0.9 (part) × 0.9 (joint) for the 16 detected joints
        double expectJoints = 0.9 * 16 * 0.81;
        assertThat((double) joints / n).isCloseTo(expectJoints, org.assertj.core.data.Offset.offset(0.3));
        assertThat((double) whole / n).isBetween(0.08, 0.13);
    }

    @Test
    void gt2dNoiseMovesOnlyTheGroundTruthConditionsAndKeepsEveryOtherDraw() {
        TrainConfig plain = TrainConfig.defaults(ModelConfig.of(8, 4, 0, 4)).withConditions(0.2f, 0.5f, true);
        TrainConfig noisy = plain.withAugmentation(6f);
        SyntheticSource src = new SyntheticSource(10, 4);
        SampleMaker a = new SampleMaker(plain, src), b = new SampleMaker(noisy, src);
        SampleMaker.Scratch sa = new SampleMaker.Scratch(), sb = new SampleMaker.Scratch();
        float[][] ra = rows(), rb = rows();
        double sum2 = 0;
        int moved = 0, n = 0;
        for (int i = 0; i < 600; i++) {
            Rng ga = Rng.stream(3, i), gb = Rng.stream(3, i);
            a.make(i % 10, ga, sa, 0, ra[0], ra[1], ra[2], ra[3], ra[4]);
            b.make(i % 10, gb, sb, 0, rb[0], rb[1], rb[2], rb[3], rb[4]);
            for (int k : new int[] {0, 1, 3, 4}) assertThat(rb[k]).isEqualTo(ra[k]); // x_t, tau, mask, z
            boolean changed = false;
            for (int j = 0; j < 17; j++) {
                assertThat(rb[2][3 * j + 2]).isEqualTo(ra[2][3 * j + 2]);
                for (int c = 0; c < 2; c++) {
                    float d = rb[2][3 * j + c] - ra[2][3 * j + c];
                    if (d != 0) changed = true;
                    sum2 += d * d;
                }
            }
            if (changed) {
                moved++;
                n += 34;
                // a GT-2-D row: the noise-free condition is the target's (x, y)
                for (int j = 0; j < 17; j++) assertThat(ra[2][3 * j]).isEqualTo(sa.x0[3 * j]);
            } else {
                assertThat(gb.nextLong()).isEqualTo(ga.nextLong()); // rows without noise drew nothing extra
            }
        }
        // P(GT 2-D and not 3-D) = 0.5 x 0.8; sigma 6 px = 6 / 1000 x 2 x 30 network units
        assertThat(moved).isBetween(200, 280);
        assertThat(Math.sqrt(sum2 / n)).isCloseTo(0.36, org.assertj.core.data.Offset.offset(0.02));
    }

    private static float[][] rows() { return new float[][] {new float[D], new float[1], new float[D], new float[D], new float[D]}; }
}
