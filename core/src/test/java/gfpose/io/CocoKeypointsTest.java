package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.skeleton.Skeleton;
import java.util.List;
import org.junit.jupiter.api.Test;

class CocoKeypointsTest {
    private static String kps(String third) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < 17; k++) b.append(k > 0 ? "," : "").append(10 * k).append(',').append(200 + k).append(',').append(third);
        return b.append(']').toString();
    }

    @Test
    void readsDetectorResults() {
        String text = "[{\"image_id\": 7, \"category_id\": 1, \"keypoints\": " + kps("0.9") + ", \"score\": 0.95},"
                + "{\"image_id\": 7, \"category_id\": 2, \"keypoints\": [], \"score\": 0.5}]";
        List<CocoKeypoints.Person> p = CocoKeypoints.parse(text, "det.json", KeypointOptions.DEFAULT);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).imageId()).isEqualTo(7);
        assertThat(p.get(0).score()).isEqualTo(0.95);
        assertThat(p.get(0).keypoints().u(Skeleton.L_WRIST)).isEqualTo(90f);
        assertThat(p.get(0).keypoints().observedCount()).isEqualTo(15);
    }

    @Test
    void readsDatasetFilesWithVisibilityFlagsAndImageSizes() {
        String text = "{\"images\": [{\"id\": 3, \"width\": 640, \"height\": 427}], \"annotations\": ["
                + "{\"image_id\": 3, \"category_id\": 1, \"keypoints\": " + kps("2").replaceFirst(",2\\]$", ",0]") + "}]}";
        List<CocoKeypoints.Person> p = CocoKeypoints.parse(text, "ann.json", KeypointOptions.DEFAULT);
        Keypoints2D k = p.get(0).keypoints();
        assertThat(k.width()).isEqualTo(640);
        assertThat(k.height()).isEqualTo(427);
        assertThat(k.isObserved(Skeleton.R_ANKLE)).isFalse(); // v = 0
        assertThat(k.isObserved(Skeleton.L_ANKLE)).isTrue();
    }

    @Test
    void badFilesNameTheEntry() {
        assertThatThrownBy(() -> CocoKeypoints.parse("[{\"category_id\": 1, \"keypoints\": [1, 2, 3]}]", "d.json", KeypointOptions.DEFAULT))
                .hasMessage("d.json: [0].keypoints: expected 51 values (17 x, y, score), got 3");
        assertThatThrownBy(() -> CocoKeypoints.parse("{\"x\": 1}", "d.json", KeypointOptions.DEFAULT))
                .hasMessageContaining("d.json: expected a list of detections");
        String bad = "[{\"keypoints\": " + kps("0.9").replaceFirst("\\[0,", "[\"a\",") + "}]";
        assertThatThrownBy(() -> CocoKeypoints.parse(bad, "d.json", KeypointOptions.DEFAULT))
                .hasMessageContaining("d.json: [0].keypoints joint nose: expected a number");
    }
}
