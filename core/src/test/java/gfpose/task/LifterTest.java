package gfpose.task;

import static gfpose.task.TestKeypoints.move;
import static gfpose.task.TestKeypoints.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import gfpose.sampling.SamplerKind;
import gfpose.skeleton.Skeleton;
import gfpose.skeleton.TestPoses;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifterTest {
    private static final PosePrior PRIOR = new PosePrior(ScoreNet.random(ModelConfig.of(64, 32, 1, 8), 1));
    private static final SampleOptions OPT = SampleOptions.defaults().withSteps(5).withThreads(2)
            .withSampler(SamplerKind.DETERMINISTIC).withSeed(3);

    @Test
    void sameTwoDPoseAnywhereInAnyImageLiftsToTheSamePose() {
        Keypoints2D base = project(TestPoses.random(5), 1145, 512, 515, 1000, 1000);
        double[][] moves = {{1, 0, 0}, {1.92, 300, -40}, {0.3, 10, 5}, {0.5, -200, 400}};
        int[][] sizes = {{1000, 1000}, {1920, 1080}, {640, 480}, {640, 480}};
        // one call each: the starting noise depends on the pose's index in the call (Rng.stream(seed, id))
        List<Lifter.Lifted> out = new java.util.ArrayList<>();
        for (int i = 0; i < moves.length; i++) {
            Keypoints2D k = move(base, moves[i][0], moves[i][1], moves[i][2], sizes[i][0], sizes[i][1]);
            out.add(Lifter.lift(PRIOR, List.of(k), null, OPT.withHypotheses(2)).get(0));
        }

        for (int i = 1; i < moves.length; i++) {
            for (int h = 0; h < 2; h++) {
                // the network saw the same input, so millimetres agree up to float rounding
                assertThat(TestPoses.maxJointError(out.get(i).mm()[h], out.get(0).mm()[h])).isLessThan(0.05);
                // the source-image frame is the same pose scaled by a and moved by (bx, by) (depth scaled only)
                float[] expect = out.get(0).image()[h].clone();
                for (int k = 0; k < Skeleton.DIM; k += 3) {
                    expect[k] = (float) (moves[i][0] * expect[k] + moves[i][1]);
                    expect[k + 1] = (float) (moves[i][0] * expect[k + 1] + moves[i][2]);
                    expect[k + 2] = (float) (moves[i][0] * expect[k + 2]);
                }
                assertThat(TestPoses.maxJointError(out.get(i).image()[h], expect)).isLessThan(1e-3 * Math.max(1, moves[i][0]) * 10);
            }
        }
    }

    @Test
    void millimetresArePelvisRelativeAndMatchThePixelScale() {
        Keypoints2D k = project(TestPoses.standing(), 1145, 512, 515, 1000, 1000);
        Lifter.Lifted l = Lifter.lift(PRIOR, List.of(k), null, OPT).get(0);
        float[] mm = l.mm()[0];
        assertThat(mm[0]).isZero();
        assertThat(mm[1]).isZero();
        assertThat(mm[2]).isZero();
        // a joint at the pelvis depth: mm offsets are px offsets divided by PX_PER_MM
        float[] p = new float[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            p[3 * j] = (float) Framing.CX;
            p[3 * j + 1] = (float) Framing.CY;
        }
        p[3] += 100; // r_hip 100 px to the right at the root depth
        assertThat(Lifter.toMillimetres(p)[3]).isCloseTo((float) (100 / Framing.PX_PER_MM), org.assertj.core.api.Assertions.within(1e-2f));
        assertThat(Lifter.ROOT_DEPTH_MM).isBetween(4900.0, 5100.0);
    }

    @Test
    void aPersonWithoutAnyBoneIsNamed() {
        Keypoints2D ok = project(TestPoses.standing(), 1145, 512, 515, 1000, 1000);
        boolean[] one = new boolean[Skeleton.JOINTS];
        one[0] = true;
        Keypoints2D lonely = new Keypoints2D(ok.uv(), one, new float[Skeleton.JOINTS], 0, 0);
        assertThatThrownBy(() -> Lifter.lift(PRIOR, List.of(ok, lonely), null, OPT, i -> "walk.jsonl: frame " + i))
                .isInstanceOf(GfposeException.class).hasMessageStartingWith("walk.jsonl: frame 1: framing: no bone");
        assertThatThrownBy(() -> Lifter.lift(PRIOR, List.of(), null, OPT)).isInstanceOf(GfposeException.class);
    }

    @Test
    void aWarmStartedTrackStartsLikeLiftAndDependsOnNeitherThreadsNorChunks() {
        List<Keypoints2D> track = new java.util.ArrayList<>();
        for (int f = 0; f < 4; f++) track.add(move(project(TestPoses.random(7), 1145, 512, 515, 1000, 1000), 1, 4 * f, 0, 1000, 1000));
        SampleOptions first = OPT.withSampler(SamplerKind.DPM2M).withSteps(6).withHypotheses(2);
        SampleOptions warm = first.withTStart(0.3).withSteps(3);
        List<Lifter.Lifted> a = Lifter.liftTrack(PRIOR, track, null, first, warm, i -> "frame " + i, 0);
        List<Lifter.Lifted> b = Lifter.liftTrack(PRIOR, track, null, first.withThreads(1), warm.withThreads(1), i -> "frame " + i, 0);
        assertThat(a).hasSize(4);
        for (int f = 0; f < 4; f++) assertThat(a.get(f).framed()).isDeepEqualTo(b.get(f).framed());
        // frame 0 is lifted from the prior exactly as lift() does it
        assertThat(a.get(0).framed()).isDeepEqualTo(Lifter.lift(PRIOR, track.subList(0, 1), null, first).get(0).framed());
        assertThatThrownBy(() -> Lifter.liftTrack(PRIOR, track, null, first, first, i -> "frame " + i, 0))
                .isInstanceOf(GfposeException.class).hasMessageContaining("start time below 1");
    }
}
