package gfpose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gfpose.skeleton.Skeleton;
import gfpose.skeleton.TestPoses;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationMetricsTest {
    static double[] d(float[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i];
        return r;
    }

    @Test
    void aTrainingPoseScoresZeroWhereverItStandsAndWhateverItsSize() {
        double[] a = d(TestPoses.random(1)), b = d(TestPoses.random(2));
        GenerationMetrics m = new GenerationMetrics(List.of(a), List.of(b, a));
        double[] moved = a.clone();
        for (int j = 0; j < 17; j++) for (int k = 0; k < 3; k++) moved[3 * j + k] = 0.3 * a[3 * j + k] + (k == 0 ? 500 : 40);
        GenerationMetrics.Result r = m.measure(List.of(a, moved));
        assertThat(r.boneErrorMm()).isCloseTo(0, within(1e-9));
        assertThat(r.nearestMm()).isCloseTo(0, within(1e-4)); // references are stored as float
        assertThat(r.references()).isEqualTo(2);
    }

    @Test
    void asymmetryAndBoneErrorMeasureWhatTheySay() {
        double[] a = d(TestPoses.standing());
        GenerationMetrics m = new GenerationMetrics(List.of(a), List.of(a));
        double total = java.util.Arrays.stream(m.meanBones()).sum();
        // stretch the left forearm (elbow -> wrist) by 100 mm: after rescaling to the same total, the asymmetry
        // of that pair and the bone error are exactly computable
        double[] p = a.clone();
        int e = Skeleton.L_ELBOW, w = Skeleton.L_WRIST;
        double[] dir = new double[3];
        double len = 0;
        for (int k = 0; k < 3; k++) { dir[k] = a[3 * w + k] - a[3 * e + k]; len += dir[k] * dir[k]; }
        len = Math.sqrt(len);
        for (int k = 0; k < 3; k++) p[3 * w + k] += 100 * dir[k] / len;
        GenerationMetrics.Result r = m.measure(List.of(p));
        double s = total / (total + 100); // the rescaling
        double[] bones = m.meanBones();
        double expectBone = 0;
        for (int b = 0; b < bones.length; b++) expectBone += Math.abs((b + 1 == w ? bones[b] + 100 : bones[b]) * s - bones[b]);
        assertThat(r.boneErrorMm()).isCloseTo(expectBone / 16, within(1e-6));
        double expectSym = 0;
        int[] left = Skeleton.left(), right = Skeleton.right();
        for (int k = 0; k < 6; k++) {
            double l = bones[left[k] - 1] + (left[k] == w ? 100 : 0), rr = bones[right[k] - 1];
            expectSym += Math.abs(l - rr) * s;
        }
        assertThat(r.symmetryMm()).isCloseTo(expectSym / 6, within(1e-6));
        assertThat(r.nearestMm()).isGreaterThan(0);
    }
}
