package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeypointTrackTest {
    @TempDir Path dir;

    private static String cocoLine(int frame, float dx) {
        StringBuilder b = new StringBuilder("{\"frame\": " + frame + ", \"width\": 1920, \"height\": 1080, \"keypoints\": [");
        for (int k = 0; k < 17; k++) b.append(k > 0 ? ", " : "").append(10 * k + dx).append(", ").append(100 + k).append(", 0.9");
        return b.append("]}").toString();
    }

    @Test
    void readsJsonLinesAndFillsGaps() throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, cocoLine(0, 0) + "\n\n" + cocoLine(2, 5) + "\n");
        List<Keypoints2D> t = KeypointTrack.read(f, KeypointFormat.COCO_17, KeypointOptions.DEFAULT);
        assertThat(t).hasSize(3);
        assertThat(t.get(0).u(Skeleton.R_WRIST)).isEqualTo(100f);
        assertThat(t.get(0).width()).isEqualTo(1920);
        assertThat(t.get(1).observedCount()).isZero();
        assertThat(t.get(2).u(Skeleton.R_WRIST)).isEqualTo(105f);
    }

    @Test
    void readsCsvInAnyRowOrderWithNamesOrIndices() throws Exception {
        Path f = dir.resolve("t.csv");
        StringBuilder b = new StringBuilder("frame,joint,x,y,confidence\n");
        for (int k = 16; k >= 0; k--) b.append("1,").append(k).append(',').append(k).append(",5,1\n");
        for (int k = 0; k < 17; k++) b.append("0,").append(Skeleton.name(k)).append(',').append(2 * k).append(",5,0.5\n");
        b.append("0,spine,,,1\n".replace("0,spine", "2,spine"));
        Files.writeString(f, b.toString());
        List<Keypoints2D> t = KeypointTrack.read(f, KeypointFormat.H36M_17, KeypointOptions.DEFAULT);
        assertThat(t).hasSize(3);
        assertThat(t.get(0).u(Skeleton.R_WRIST)).isEqualTo(32f);
        assertThat(t.get(1).u(Skeleton.R_WRIST)).isEqualTo(16f);
        assertThat(t.get(0).confidence()[3]).isEqualTo(0.5f);
        assertThat(t.get(2).observedCount()).isZero();
    }

    @Test
    void jsonLinesRoundTripThroughTheWriter() {
        Path f = dir.resolve("o.jsonl");
        float[] uv = new float[34];
        for (int k = 0; k < 34; k++) uv[k] = k * 1.5f;
        Keypoints2D a = Keypoints2D.ofAll(uv, 640, 480);
        KeypointTrack.writeJsonLines(f, List.of(a, a));
        List<Keypoints2D> back = KeypointTrack.read(f, KeypointFormat.H36M_17, KeypointOptions.DEFAULT);
        assertThat(back).hasSize(2);
        assertThat(back.get(1).uv()).containsExactly(uv);
        assertThat(back.get(1).height()).isEqualTo(480);
    }

    @Test
    void badTracksGiveOneLineErrorsNamingFileFrameAndJoint() throws Exception {
        Path empty = dir.resolve("e.jsonl");
        Files.writeString(empty, "\n");
        assertThatThrownBy(() -> KeypointTrack.read(empty, KeypointFormat.COCO_17, KeypointOptions.DEFAULT))
                .isInstanceOf(GfposeException.class).hasMessageContaining("e.jsonl: empty track");
        Path noConf = dir.resolve("n.jsonl");
        Files.writeString(noConf, "{\"keypoints\": [" + "1, 2, ".repeat(16) + "1, 2]}\n");
        assertThatThrownBy(() -> KeypointTrack.read(noConf, KeypointFormat.COCO_17, KeypointOptions.DEFAULT))
                .hasMessageContaining("n.jsonl: frame 0: expected 51 keypoint values").hasMessageContaining("confidence is required");
        Path wrongCount = dir.resolve("w.jsonl");
        Files.writeString(wrongCount, cocoLine(0, 0) + "\n" + "{\"keypoints\": [" + "1, 2, 1, ".repeat(15) + "1, 2, 1]}\n");
        assertThatThrownBy(() -> KeypointTrack.read(wrongCount, KeypointFormat.COCO_17, KeypointOptions.DEFAULT))
                .hasMessageContaining("w.jsonl: frame 1: expected 51");
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "frame,joint,x,y,confidence\n0,r_knee,1,2,\n");
        assertThatThrownBy(() -> KeypointTrack.read(csv, KeypointFormat.H36M_17, KeypointOptions.DEFAULT))
                .hasMessage(csv + ": line 2: frame 0 joint r_knee has no confidence");
        Files.writeString(csv, "frame,joint,x,y,confidence\n0,r_knee,NaN,2,0.9\n");
        assertThatThrownBy(() -> KeypointTrack.read(csv, KeypointFormat.H36M_17, KeypointOptions.DEFAULT))
                .hasMessage(csv + ": line 2: frame 0 joint r_knee x: 'NaN' is not a finite decimal number");
        Files.writeString(csv, "frame,joint,x,y,confidence\n0,elbow,1,2,0.9\n");
        assertThatThrownBy(() -> KeypointTrack.read(csv, KeypointFormat.H36M_17, KeypointOptions.DEFAULT))
                .hasMessageContaining("line 2: unknown H36M_17 joint 'elbow'");
        Files.writeString(csv, "frame,joint,x,y,confidence\n");
        assertThatThrownBy(() -> KeypointTrack.read(csv, KeypointFormat.H36M_17, KeypointOptions.DEFAULT))
                .hasMessageContaining("empty track");
    }

    @Test
    void csvNumbersMustBePlainFiniteDecimalsAndImageSidesMustFit() throws Exception {
        for (String bad : new String[] {"0x1p9", "700f", "Infinity", "NaN", "1e39", "--3"}) {
            Path f = dir.resolve("n.csv");
            Files.writeString(f, "frame,joint,x,y,confidence\n0,pelvis," + bad + ",5,1\n");
            assertThatThrownBy(() -> KeypointTrack.read(f, KeypointFormat.H36M_17, KeypointOptions.DEFAULT))
                    .as(bad).isInstanceOf(GfposeException.class).hasMessageContaining("'" + bad + "' is not a finite decimal number");
        }
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "frame,joint,x,y,confidence\n0,pelvis,-1.5e2,.5,1\n");
        assertThat(KeypointTrack.read(ok, KeypointFormat.H36M_17, KeypointOptions.DEFAULT).get(0).u(0)).isEqualTo(-150f);
        Path wide = dir.resolve("w.jsonl");
        Files.writeString(wide, cocoLine(0, 0).replace("\"width\": 1920", "\"width\": 4294968576") + "\n");
        assertThatThrownBy(() -> KeypointTrack.read(wide, KeypointFormat.COCO_17, KeypointOptions.DEFAULT))
                .isInstanceOf(GfposeException.class).hasMessageContaining("width: must be between 1 and 1000000 pixels, got 4294968576");
    }
}
