package gfpose.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import org.junit.jupiter.api.Test;

class RigTest {
    @Test
    void forwardOfInverseReproducesArbitraryPosesWithTheirOwnBoneLengths() {
        for (long seed = 0; seed < 300; seed++) {
            float[] pose = TestPoses.random(seed);
            Rig rig = Rig.fromPose(pose);
            float[] back = rig.forward(rig.inverse(pose));
            assertThat(TestPoses.maxJointError(pose, back)).as("seed " + seed).isLessThan(1e-3);
        }
    }

    @Test
    void meanLengthRigKeepsBoneDirectionsAndTakesItsOwnLengths() {
        float[] pose = TestPoses.random(7);
        Rig rig = Rig.meanH36m();
        float[] out = rig.forward(rig.inverse(pose));
        double[] want = rig.boneLengths(), got = Rig.boneLengths(out);
        assertThat(got).containsExactly(want, within(1e-3));
        for (int j = 1; j < Skeleton.JOINTS; j++) {
            int p = Skeleton.parent(j);
            double[] a = dir(pose, p, j), b = dir(out, p, j);
            assertThat(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).as(Skeleton.name(j)).isGreaterThan(1 - 1e-6);
        }
    }

    @Test
    void restPoseHasIdentityRotationsAndTheDocumentedShape() {
        Rig rig = Rig.meanH36m();
        float[] rest = rig.restPose();
        RotationalPose rp = rig.inverse(rest);
        for (Quat q : rp.local()) assertThat(q.angleTo(Quat.IDENTITY)).isLessThan(1e-6);
        assertThat(rest[3 * Skeleton.L_WRIST]).isGreaterThan(500); // left arm along +X
        assertThat(rest[3 * Skeleton.HEAD + 1]).isGreaterThan(700); // head up
        assertThat(rest[3 * Skeleton.R_ANKLE + 1]).isLessThan(-800); // feet down
    }

    @Test
    void singleChildJointsHaveNoTwist() {
        float[] pose = TestPoses.random(3);
        Rig rig = Rig.fromPose(pose);
        RotationalPose rp = rig.inverse(pose);
        // a swing from the rest direction d leaves vectors along d's perpendicular-to-both axis fixed: q.d has w >= 0
        // and its rotation axis is perpendicular to the rest bone direction
        for (int j : new int[] {Skeleton.R_KNEE, Skeleton.L_ELBOW, Skeleton.SPINE}) {
            Quat q = rp.local()[Rig.nodeOf(j)];
            double[] d = Rig.restDirection(j + 1);
            assertThat(q.x() * d[0] + q.y() * d[1] + q.z() * d[2]).as(Skeleton.name(j)).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void axesConversionsAreInverseRotations() {
        float[] pose = TestPoses.random(5);
        for (Axes a : Axes.values()) {
            float[] back = a.fromYUp(a.toYUp(pose));
            assertThat(back).containsExactly(pose, within(0f));
            assertThat(Rig.boneLengths(a.toYUp(pose))).containsExactly(Rig.boneLengths(pose), within(1e-3));
        }
    }

    @Test
    void badPosesAreRejectedNamingTheJoint() {
        float[] pose = TestPoses.random(1);
        pose[3 * Skeleton.L_KNEE + 1] = Float.NaN;
        assertThatThrownBy(() -> Rig.fromPose(pose)).isInstanceOf(GfposeException.class).hasMessageContaining("l_knee");
        assertThatThrownBy(() -> Rig.meanH36m().inverse(new float[50])).hasMessageContaining("51");
    }

    private static double[] dir(float[] p, int a, int b) {
        double x = p[3 * b] - p[3 * a], y = p[3 * b + 1] - p[3 * a + 1], z = p[3 * b + 2] - p[3 * a + 2];
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
