package gfpose.task;

import static gfpose.task.TestKeypoints.move;
import static gfpose.task.TestKeypoints.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;
import gfpose.skeleton.TestPoses;
import org.junit.jupiter.api.Test;

class FramingTest {
    @Test
    void sameTwoDPoseInDifferentImagesFramesTheSame() {
        Keypoints2D base = project(TestPoses.random(3), 1145, 512, 515, 1000, 1000);
        Keypoints2D framed = Framing.fit(base).apply(base);
        Keypoints2D[] variants = {
            move(base, 1.92, 300, -40, 1920, 1080), move(base, 0.3, 10, 5, 640, 480), move(base, 0.5, -200, 400, 640, 480)
        };
        for (Keypoints2D v : variants) {
            Keypoints2D f = Framing.fit(v).apply(v);
            assertThat(f.uv()).containsExactly(framed.uv(), within(2e-3f));
            assertThat(f.width()).isEqualTo(1000);
        }
        assertThat(framed.u(Skeleton.PELVIS)).isCloseTo((float) Framing.ROOT_U, within(1e-3f));
    }

    @Test
    void inverseMapsBackExactlyIncludingDepth() {
        Keypoints2D k = move(project(TestPoses.random(4), 1145, 512, 515, 0, 0), 1.7, 800, 20, 1920, 1080);
        FramingTransform t = Framing.fit(k);
        float[] pose = new float[51];
        for (int j = 0; j < 17; j++) { pose[3 * j] = k.u(j); pose[3 * j + 1] = k.v(j); pose[3 * j + 2] = 10 * j - 80; }
        float[] back = t.invertPose(t.applyPose(pose));
        assertThat(back).containsExactly(pose, within(1e-3f));
        assertThat(t.applyPose(pose)[5]).isCloseTo((float) (t.sx() * pose[5]), within(1e-4f));
        assertThat(t.invert(t.apply(k), 1920, 1080).uv()).containsExactly(k.uv(), within(1e-3f));
    }

    @Test
    void aTrainingLikePersonIsBarelyRescaled() {
        Keypoints2D k = project(TestPoses.standing(), Framing.FOCAL, Framing.CX, Framing.CY, 1000, 1000);
        double s = Framing.fit(k).sx();
        assertThat(s).isBetween(0.8, 1.2);
    }

    @Test
    void missingJointsAreIgnoredAndThePelvisFallsBackToTheCentroid() {
        Keypoints2D full = project(TestPoses.random(9), 1145, 512, 515, 1000, 1000);
        boolean[] obs = full.observed().clone();
        obs[Skeleton.PELVIS] = false;
        obs[Skeleton.HEAD] = false;
        Keypoints2D part = new Keypoints2D(full.uv(), obs, full.confidence(), 1000, 1000);
        Keypoints2D moved = move(part, 2, 100, 100, 2000, 2000);
        assertThat(Framing.fit(moved).apply(moved).uv()).containsExactly(Framing.fit(part).apply(part).uv(), within(2e-3f));
        assertThat(Framing.fit(part).apply(part).u(Skeleton.PELVIS)).isZero();
    }

    @Test
    void intrinsicsGiveTheSameFramingAtAnyResolutionAndFixNonSquarePixels() {
        float[] cam = TestPoses.random(5);
        Keypoints2D hd = project(cam, 1500, 960, 540, 1920, 1080);
        Keypoints2D sd = project(cam, 500, 320, 180, 640, 360);
        Keypoints2D a = Framing.fit(hd, new FramingIntrinsics(1500, 1500, 960, 540)).apply(hd);
        Keypoints2D b = Framing.fit(sd, new FramingIntrinsics(500, 500, 320, 180)).apply(sd);
        assertThat(a.uv()).containsExactly(b.uv(), within(2e-3f));
        // stretched pixels (fy = 2 fx): the virtual camera undoes the stretch
        float[] uv = hd.uv().clone();
        for (int j = 0; j < 17; j++) uv[2 * j + 1] = (float) (2 * (uv[2 * j + 1] - 540) + 540);
        Keypoints2D tall = new Keypoints2D(uv, hd.observed(), hd.confidence(), 1920, 2160);
        Keypoints2D c = Framing.fit(tall, new FramingIntrinsics(1500, 3000, 960, 540)).apply(tall);
        assertThat(c.uv()).containsExactly(a.uv(), within(2e-3f));
    }

    @Test
    void tooFewJointsIsAClearError() {
        boolean[] obs = new boolean[17];
        obs[3] = true;
        Keypoints2D one = new Keypoints2D(new float[34], obs, new float[17], 0, 0);
        assertThatThrownBy(() -> Framing.fit(one)).isInstanceOf(GfposeException.class).hasMessageContaining("no bone");
    }
}
