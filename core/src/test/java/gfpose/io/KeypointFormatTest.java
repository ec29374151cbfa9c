package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import org.junit.jupiter.api.Test;

class KeypointFormatTest {
    /** COCO joint k at (10k, 100 + k). */
    private static float[] cocoXy() {
        float[] xy = new float[34];
        for (int k = 0; k < 17; k++) { xy[2 * k] = 10 * k; xy[2 * k + 1] = 100 + k; }
        return xy;
    }

    @Test
    void cocoMapsDirectAndDerivedJoints() {
        float[] conf = new float[17];
        java.util.Arrays.fill(conf, 0.9f);
        conf[5] = 0.8f;
        Keypoints2D k = KeypointFormat.COCO_17.toH36m(cocoXy(), conf, KeypointOptions.DEFAULT, 640, 480, "t");
        assertThat(k.u(Skeleton.PELVIS)).isEqualTo(115f); // mid of hips 11, 12
        assertThat(k.u(Skeleton.THORAX)).isEqualTo(55f); // mid of shoulders 5, 6
        assertThat(k.confidence()[Skeleton.THORAX]).isEqualTo(0.8f);
        assertThat(k.u(Skeleton.R_WRIST)).isEqualTo(100f);
        assertThat(k.u(Skeleton.L_ANKLE)).isEqualTo(150f);
        assertThat(k.u(Skeleton.NECK)).isEqualTo(0f);
        assertThat(k.isObserved(Skeleton.HEAD)).isFalse();
        assertThat(k.isObserved(Skeleton.SPINE)).isFalse();
        assertThat(k.observedCount()).isEqualTo(15);
        assertThat(k.width()).isEqualTo(640);
        Keypoints2D s = KeypointFormat.COCO_17.toH36m(cocoXy(), conf, KeypointOptions.DEFAULT.withDeriveSpine(true), 0, 0, "t");
        assertThat(s.isObserved(Skeleton.SPINE)).isTrue();
        assertThat(s.v(Skeleton.SPINE)).isCloseTo((s.v(0) + s.v(8)) / 2, within(1e-4f));
    }

    @Test
    void confidenceZeroOrBelowIsMissingEvenWithThresholdZero() {
        float[] conf = new float[17], xy = cocoXy();
        java.util.Arrays.fill(conf, 1e-6f);
        conf[10] = 0;       // COCO right wrist: visibility 0 = not labelled
        conf[9] = -1;       // left wrist
        xy[2 * 10] = Float.NaN; // the position of a missing joint is ignored, not an error
        KeypointOptions zero = KeypointOptions.DEFAULT.withMinConfidence(0);
        Keypoints2D k = KeypointFormat.COCO_17.toH36m(xy, conf, zero, 0, 0, "t");
        assertThat(k.isObserved(Skeleton.R_WRIST)).isFalse();
        assertThat(k.isObserved(Skeleton.L_WRIST)).isFalse();
        assertThat(k.isObserved(Skeleton.R_ELBOW)).isTrue(); // any positive confidence passes threshold 0
        assertThat(KeypointOptions.observed(0, 0)).isFalse();
        assertThat(KeypointOptions.observed(0.3, 0.3)).isTrue();
        assertThat(KeypointOptions.observed(Double.NaN, 0)).isFalse();
    }

    @Test
    void lowConfidenceMarksMissingAndDerivedJointsNeedAllSources() {
        float[] conf = new float[17];
        java.util.Arrays.fill(conf, 1f);
        conf[12] = 0.1f; // r_hip
        Keypoints2D k = KeypointFormat.COCO_17.toH36m(cocoXy(), conf, KeypointOptions.DEFAULT.withDeriveSpine(true), 0, 0, "t");
        assertThat(k.isObserved(Skeleton.R_HIP)).isFalse();
        assertThat(k.isObserved(Skeleton.PELVIS)).isFalse();
        assertThat(k.isObserved(Skeleton.SPINE)).isFalse();
        assertThat(k.u(Skeleton.PELVIS)).isZero();
        assertThat(k.isObserved(Skeleton.L_HIP)).isTrue();
    }

    @Test
    void mpiiFollowsTheReadmeMappingAndOpenPoseUsesMidHipAndNeck() {
        float[] xy = new float[32];
        for (int k = 0; k < 16; k++) { xy[2 * k] = k; xy[2 * k + 1] = -k; }
        Keypoints2D m = KeypointFormat.MPII_16.toH36m(xy, null, KeypointOptions.DEFAULT, 0, 0, "t");
        int[] want = {6, 2, 1, 0, 3, 4, 5, -1, 7, 8, 9, 13, 14, 15, 12, 11, 10};
        for (int j = 0; j < 17; j++) {
            assertThat(m.isObserved(j)).isEqualTo(want[j] >= 0);
            if (want[j] >= 0) assertThat(m.u(j)).isEqualTo((float) want[j]);
        }
        float[] op = new float[50];
        for (int k = 0; k < 25; k++) op[2 * k] = k;
        Keypoints2D o = KeypointFormat.OPENPOSE_25.toH36m(op, null, KeypointOptions.DEFAULT, 0, 0, "t");
        assertThat(o.u(Skeleton.PELVIS)).isEqualTo(8f);
        assertThat(o.u(Skeleton.THORAX)).isEqualTo(1f);
        assertThat(o.u(Skeleton.L_WRIST)).isEqualTo(7f);
        assertThat(o.u(Skeleton.R_ANKLE)).isEqualTo(11f);
        assertThat(o.isObserved(Skeleton.HEAD)).isFalse();
        assertThat(KeypointFormat.parse("BODY_25")).isEqualTo(KeypointFormat.OPENPOSE_25);
    }

    @Test
    void badInputNamesWhereAndWhichJoint() {
        assertThatThrownBy(() -> KeypointFormat.COCO_17.toH36m(new float[30], null, KeypointOptions.DEFAULT, 0, 0, "a.json: frame 3"))
                .isInstanceOf(GfposeException.class).hasMessage("a.json: frame 3: expected 17 COCO_17 joints (34 coordinates), got 30");
        float[] xy = cocoXy();
        xy[2 * 9] = Float.NaN;
        assertThatThrownBy(() -> KeypointFormat.COCO_17.toH36m(xy, null, KeypointOptions.DEFAULT, 0, 0, "f"))
                .hasMessage("f: joint l_wrist has a non-finite position");
        float[] conf = new float[17];
        conf[9] = 0; // a NaN position on an unconfident joint is just missing
        assertThat(KeypointFormat.COCO_17.toH36m(xy, conf, KeypointOptions.DEFAULT, 0, 0, "f").observedCount()).isZero();
        conf[3] = Float.NaN;
        assertThatThrownBy(() -> KeypointFormat.COCO_17.toH36m(cocoXy(), conf, KeypointOptions.DEFAULT, 0, 0, "f"))
                .hasMessage("f: joint l_ear has a NaN confidence");
        assertThatThrownBy(() -> KeypointFormat.parse("yolo")).hasMessageContaining("yolo");
    }
}
