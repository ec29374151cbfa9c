package gfpose.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads only S9/Walking 1 and S9/Directions of the real data; skipped when the data are absent. */
class H36mDatasetTest {
    static H36mDataset data;

    @BeforeAll
    static void open() { data = H36mFixture.openIfPresent(); }

    @AfterAll
    static void close() { if (data != null) data.close(); }

    static void need() { H36mFixture.assumePresent(data); }

    @Test
    void missingFolderIsAOneLineError(@TempDir Path tmp) {
        assertThatThrownBy(() -> H36mDataset.open(tmp.resolve("nope"))).isInstanceOf(GfposeException.class)
                .hasMessageContaining("nope").hasMessageContaining("not found").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> H36mDataset.open(tmp)).isInstanceOf(GfposeException.class)
                .hasMessageContaining(H36mDataset.POSES);
    }

    @Test
    void listsSequencesAndTheStandardSplit() {
        need();
        assertThat(data.sequences()).hasSize(205);
        assertThat(data.sequences(Split.TEST)).hasSize(59 - 2).allMatch(s -> !s.key().startsWith("S11/Directions"));
        assertThat(data.sequences(Split.TRAIN)).allMatch(s -> Split.TRAIN.subjects().contains(s.subject()));
        assertThat(data.sequences()).extracting(Sequence::action).containsOnlyElementsOf(H36mActions.NAMES);
    }

    @Test
    void validationItemsAreTheTailOfEachTrainingSequence() {
        need();
        Sequence first = data.sequences(Split.TRAIN).get(0);
        int n = data.frames(first), tail = n - Split.VAL.firstFrame(n);
        java.util.List<Sample> val = data.samples(Split.VAL, 1, tail + 3); // the first camera's tail, then the next camera's
        for (int i = 0; i < tail; i++) {
            assertThat(val.get(i).frame()).isEqualTo(Split.VAL.firstFrame(n) + i);
            assertThat(val.get(i).sequence()).isEqualTo(first);
        }
        assertThat(val.get(tail).frame()).isEqualTo(Split.VAL.firstFrame(n));
        assertThat(val.get(tail).camera()).isNotEqualTo(val.get(0).camera());
        java.util.List<Sample> fit = data.samples(Split.FIT, 1, Split.FIT.endFrame(n) + 1);
        assertThat(fit.get(Split.FIT.endFrame(n) - 1).frame()).isEqualTo(Split.FIT.endFrame(n) - 1);
        assertThat(fit.get(Split.FIT.endFrame(n)).frame()).isZero(); // next camera: the tail was skipped
    }

    @Test
    void sampleRoundTripsToCameraMillimetres() {
        need();
        Sequence s = data.sequence("S9/Walking 1");
        assertThat(data.frames(s)).isEqualTo(2446);
        for (String cam : H36mCamera.IDS) {
            for (int f = 0; f < 2446; f += 97) {
                Sample x = data.sample(s, f, cam);
                double[] back = ImageFrame.toCamera(x.pose3d(), 0, x.params());
                for (int i = 0; i < Skeleton.DIM; i++) assertThat(back[i]).isCloseTo(x.cameraMm()[i], within(1e-3));
                assertThat(x.pose3d()[2]).isZero();
                assertThat(x.params().rootDepth()).isBetween(2000.0, 9000.0);
                assertThat(x.shObserved()[Skeleton.SPINE]).isFalse();
                assertThat(x.action()).isEqualTo("Walking");
            }
        }
    }

    @Test
    void detectionsAreMappedToH36mOrder() {
        need();
        Sample x = data.sample(data.sequence("S9/Walking 1"), 0, "54138969");
        float[] raw = data.detections(x.sequence(), "54138969");
        // MPII 6 = pelvis, 9 = head top, 10 = right wrist
        assertThat(x.sh2d()[0]).isEqualTo(raw[2 * 6]);
        assertThat(x.sh2d()[2 * Skeleton.HEAD + 1]).isEqualTo(raw[2 * 9 + 1]);
        assertThat(x.sh2d()[2 * Skeleton.R_WRIST]).isEqualTo(raw[2 * 10]);
        // detections land near the (undistorted) projection
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            if (!x.shObserved()[j]) continue;
            assertThat(Math.hypot(x.sh2d()[2 * j] - x.gt2d()[2 * j], x.sh2d()[2 * j + 1] - x.gt2d()[2 * j + 1])).isLessThan(60);
        }
    }

    @Test
    void badRequestsAreOneLineErrors() {
        need();
        assertThatThrownBy(() -> data.sequence("S9/Dancing")).isInstanceOf(GfposeException.class).hasMessageContaining("S9/Dancing");
        assertThatThrownBy(() -> data.camera("S9", "12345")).isInstanceOf(GfposeException.class).hasMessageContaining("12345");
        assertThatThrownBy(() -> data.samples(Split.TEST, 0, 10)).isInstanceOf(GfposeException.class).hasMessageContaining("stride");
        assertThatThrownBy(() -> data.sample(data.sequence("S9/Walking 1"), 99999, "54138969"))
                .isInstanceOf(GfposeException.class).hasMessageContaining("frame 99999");
    }

    @Test
    void strideKeepsEveryKthItemAcrossCameras() {
        need();
        var list = data.samples(Split.TEST, 997, 6);
        assertThat(list).hasSize(6);
        // first test sequence is S9 Directions: items run camera-major within a sequence
        assertThat(list.get(0).frame()).isZero();
        assertThat(list.get(0).camera()).isEqualTo(H36mCamera.IDS.get(0));
        assertThat(list.get(1).frame()).isEqualTo(997);
    }
}
