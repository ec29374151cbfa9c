package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.io.BvhOptions;
import gfpose.io.BvhWriter;
import gfpose.io.Json;
import gfpose.skeleton.Axes;
import gfpose.skeleton.Rig;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfpose render} in-process on documents and BVH files made here (no model needed). */
class RenderCommandTest {
    @TempDir Path dir;

    private static float[] pose(float shift) {
        float[] p = Axes.CAMERA.fromYUp(Rig.meanH36m().restPose());
        for (int k = 0; k < p.length; k += 3) {
            p[k] = p[k] * 0.2f + 500 + shift;
            p[k + 1] = p[k + 1] * 0.2f + 500;
            p[k + 2] *= 0.2f;
        }
        return p;
    }

    /** An estimate-style document with {@code poses} poses of two hypotheses each. */
    private Path document(int poses) throws IOException {
        float[][][] r = new float[poses][][];
        List<PoseDocument.Pose> in = new ArrayList<>();
        for (int p = 0; p < poses; p++) {
            r[p] = new float[][] {pose(10 * p), pose(10 * p + 5)};
            in.add(new PoseDocument.Pose(p, null, new float[34], new boolean[17]));
        }
        Map<String, Object> doc = ResultWriter.document("estimate", ImageSize.GFPOSE, Map.of(), in, r);
        return Files.writeString(dir.resolve("est.json"), Json.write(doc, 2));
    }

    @Test
    void onePoseWithItsInputAsPngAndSvg() throws IOException {
        Path doc = document(1);
        StringBuilder kp = new StringBuilder("{\"poses\": [{\"keypoints\": [");
        float[] p = pose(0);
        for (int j = 0; j < Skeleton.JOINTS; j++) kp.append(j > 0 ? ", " : "").append(j == 13 ? "null" : "[" + p[3 * j] + ", " + p[3 * j + 1] + "]");
        Path input = Files.writeString(dir.resolve("in.json"), kp.append("]}]}").toString());
        CliCommandTest.Run r = CliCommandTest.run("render", doc.toString(), "--input", input.toString(),
                "--png", dir.resolve("a.png").toString(), "--svg", dir.resolve("a.svg").toString());
        assertThat(r.exit()).as("stderr %s", r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("a.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(Files.readString(dir.resolve("a.svg"))).contains("class=\"input\"", "<g id=\"side\">");
    }

    @Test
    void severalPosesOrABvhBecomeAStrip() throws IOException {
        Path doc = document(5);
        CliCommandTest.Run r = CliCommandTest.run("render", doc.toString(), "--every", "2", "--hypothesis", "1",
                "--svg", dir.resolve("s.svg").toString());
        assertThat(r.exit()).as("stderr %s", r.err()).isZero();
        assertThat(Files.readString(dir.resolve("s.svg"))).contains("pose 0", "pose 2", "pose 4").doesNotContain("pose 1<");

        List<float[]> frames = new ArrayList<>();
        for (int f = 0; f < 30; f++) frames.add(Axes.CAMERA.fromYUp(Rig.meanH36m().restPose()));
        Path bvh = dir.resolve("walk.bvh");
        BvhWriter.write(bvh, frames, 50, BvhOptions.DEFAULT);
        r = CliCommandTest.run("render", bvh.toString(), "--png", dir.resolve("b.png").toString());
        assertThat(r.exit()).as("stderr %s", r.err()).isZero();
        // 30 frames, automatic step 3: 10 columns of 300 px
        assertThat(ImageIO.read(dir.resolve("b.png").toFile()).getWidth()).isEqualTo(10 * 300);
        r = CliCommandTest.run("render", bvh.toString(), "--pose", "7", "--png", dir.resolve("c.png").toString());
        assertThat(ImageIO.read(dir.resolve("c.png").toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void mistakesAreOneLine() throws IOException {
        Path doc = document(2);
        String png = dir.resolve("x.png").toString();
        assertThat(CliCommandTest.run("render", doc.toString()).error()).contains("--png");
        assertThat(CliCommandTest.run("render", doc.toString(), "--png", png, "--pose", "5").error()).contains("--pose 5");
        assertThat(CliCommandTest.run("render", doc.toString(), "--png", png, "--hypothesis", "2").error()).contains("--hypothesis 2");
        assertThat(CliCommandTest.run("render", doc.toString(), "--png", png, "--strip", "--pose", "1").exit()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"poses\": [{\"hypotheses\": [{\"pelvis\": [1, 2, 3]}]}]}");
        CliCommandTest.Run r = CliCommandTest.run("render", bad.toString(), "--png", png);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("bad.json: pose 0, hypothesis 0, joint r_hip");
        assertThat(CliCommandTest.run("render", dir.resolve("no.bvh").toString(), "--png", png).error()).contains("no such file");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
