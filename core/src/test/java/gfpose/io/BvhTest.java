package gfpose.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.skeleton.Axes;
import gfpose.skeleton.Quat;
import gfpose.skeleton.Rig;
import gfpose.skeleton.RotationalPose;
import gfpose.skeleton.TestPoses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BvhTest {
    @Test
    void singlePoseRoundTripsThroughBvhText() {
        for (long seed = 0; seed < 20; seed++) {
            float[] pose = TestPoses.random(seed);
            String text = BvhWriter.toText(List.of(pose), 30, BvhOptions.DEFAULT, "mem");
            Bvh bvh = BvhReader.parse(text, "mem");
            assertThat(bvh.frames()).isEqualTo(1);
            assertThat(TestPoses.maxJointError(pose, bvh.poses(BvhOptions.DEFAULT).get(0))).isLessThan(1e-2);
        }
    }

    @Test
    void sequenceRoundTripsInCentimetresZUpAndAnotherOrder(@TempDir Path dir) {
        Rig rig = Rig.fromPose(TestPoses.random(11));
        Random r = new Random(4);
        List<float[]> seq = new ArrayList<>();
        for (int f = 0; f < 25; f++) {
            Quat[] q = new Quat[Rig.NODES];
            for (int n = 0; n < Rig.NODES; n++)
                q[n] = Quat.axisAngle(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextDouble() * 3);
            seq.add(rig.forward(new RotationalPose(new double[] {f * 10, 900, -f * 3}, q)));
        }
        BvhOptions opt = BvhOptions.DEFAULT.withUnit(BvhOptions.Unit.CM).withAxes(Axes.Z_UP).withOrder("ZYX");
        Path file = dir.resolve("out/seq.bvh");
        BvhWriter.write(file, seq, 50, opt);
        Bvh bvh = BvhReader.read(file);
        assertThat(bvh.frames()).isEqualTo(25);
        assertThat(bvh.frameTime()).isCloseTo(0.02, within(1e-9));
        assertThat(bvh.joints().get(1).channels()).containsExactly("Zrotation", "Yrotation", "Xrotation");
        List<float[]> back = bvh.poses(opt);
        for (int f = 0; f < seq.size(); f++) assertThat(TestPoses.maxJointError(seq.get(f), back.get(f))).isLessThan(1.0);
        // the default (ZXY, mm) file of the same motion agrees as well
        List<float[]> back2 = BvhReader.parse(BvhWriter.toText(seq, 50, BvhOptions.DEFAULT, "m"), "m").poses(BvhOptions.DEFAULT);
        for (int f = 0; f < seq.size(); f++) assertThat(TestPoses.maxJointError(seq.get(f), back2.get(f))).isLessThan(1.0);
    }

    @Test
    void writtenHierarchyHasTheDocumentedShape() {
        String text = BvhWriter.toText(List.of(TestPoses.standing()), 25, BvhOptions.DEFAULT, "m");
        assertThat(text).startsWith("HIERARCHY\nROOT pelvis\n");
        assertThat(text).contains("CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation");
        assertThat(text.split("End Site", -1)).hasSize(6);
        assertThat(text.split("\nMOTION\n")[1]).startsWith("Frames: 1\nFrame Time: 0.040000\n");
        Bvh bvh = BvhReader.parse(text, "m");
        assertThat(bvh.joints()).hasSize(Rig.NODES);
        assertThat(bvh.channelCount()).isEqualTo(6 + 3 * (Rig.NODES - 1));
        // standing upright facing the camera: in the Y-up file the head is above the pelvis
        double[][] pos = bvh.positions(0);
        assertThat(pos[12][1]).isGreaterThan(pos[0][1] + 500);
    }

    @Test
    void readerToleratesWhitespaceAttachedBracesAndAnyChannelOrder() {
        String text = "HIERARCHY\r\n\tROOT  a{\n OFFSET 0 0 0\nCHANNELS 6 Xposition Yposition Zposition Xrotation Yrotation Zrotation\n"
                + "JOINT b\n{ OFFSET 10   0 0 CHANNELS 3 Yrotation Xrotation Zrotation\n"
                + "End Site {\nOFFSET 0 5 0\n}\n}\n}\n\nMOTION\nFrames:   2\nFrame   Time: 0.5\n"
                + "1 2 3 0 0 90 0 0 0\n\n  0 0 0 0 90 0 0 0 0  \n";
        Bvh bvh = BvhReader.parse(text, "x.bvh");
        assertThat(bvh.joints()).hasSize(2);
        assertThat(bvh.joints().get(1).endSite()).containsExactly(0, 5, 0);
        // frame 0: root turned 90 degrees about Z, so b's offset (10,0,0) points along +Y
        assertThat(bvh.positions(0)[1]).containsExactly(new double[] {1, 12, 3}, within(1e-9));
        // frame 1: 90 degrees about Y takes +X to -Z
        assertThat(bvh.positions(1)[1]).containsExactly(new double[] {0, 0, -10}, within(1e-9));
    }

    @Test
    void readerErrorsNameTheLine() {
        String ok = BvhWriter.toText(List.of(TestPoses.standing()), 25, BvhOptions.DEFAULT, "m");
        String[] lines = ok.split("\n");
        int last = lines.length;
        String shortFrame = ok.substring(0, ok.lastIndexOf(' ')) + "\n";
        assertThatThrownBy(() -> BvhReader.parse(shortFrame, "f.bvh")).isInstanceOf(GfposeException.class)
                .hasMessageContaining("f.bvh: line " + last + ": frame 0 has 65 values, expected 66");
        String badOffset = ok.replaceFirst("OFFSET 0.000000", "OFFSET zero");
        assertThatThrownBy(() -> BvhReader.parse(badOffset, "f.bvh")).hasMessageContaining("line 4: expected a number, found 'zero'");
        String badChannel = ok.replaceFirst("Zrotation", "Wrotation");
        assertThatThrownBy(() -> BvhReader.parse(badChannel, "f.bvh")).hasMessageContaining("line 5: unknown channel 'Wrotation'");
        assertThatThrownBy(() -> BvhReader.parse(ok.replace("Frames: 1", "Frames: 2"), "f.bvh")).hasMessageContaining("only 1 motion lines");
        assertThatThrownBy(() -> BvhReader.parse("HIERARCHY\nROOT a\n{\nOFFSET 0 0 0\n", "g.bvh")).hasMessageContaining("g.bvh: line 4:");
        assertThatThrownBy(() -> BvhReader.parse(ok.replace("Frames: 1", "Frames: 2000000000"), "f.bvh"))
                .hasMessageContaining("Frames: 2000000000 but the file has only");
        assertThatThrownBy(() -> BvhReader.parse(ok.replaceFirst("Frame Time: [0-9.]+", "Frame Time: -0.04"), "f.bvh"))
                .hasMessageContaining("frame time -0.04 must be a positive number");
        StringBuilder deep = new StringBuilder("HIERARCHY\nROOT r\n{\nOFFSET 0 0 0\n");
        for (int i = 0; i < 100_000; i++) deep.append("JOINT j").append(i).append("\n{\nOFFSET 0 0 0\n");
        assertThatThrownBy(() -> BvhReader.parse(deep.toString(), "deep.bvh")).isInstanceOf(GfposeException.class)
                .hasMessageContaining("deep.bvh").hasMessageContaining("nested more than 256 deep");
        String renamed = ok.replace("l_wrist", "hand");
        assertThatThrownBy(() -> BvhReader.parse(renamed, "f.bvh").poses(BvhOptions.DEFAULT)).hasMessageContaining("'l_wrist'");
    }

    @Test
    void writerRejectsEmptyAndBadSequences(@TempDir Path dir) {
        Path f = dir.resolve("a.bvh");
        assertThatThrownBy(() -> BvhWriter.write(f, List.of(), 30, BvhOptions.DEFAULT)).hasMessageContaining("no poses");
        float[] bad = TestPoses.standing();
        bad[7] = Float.NaN;
        assertThatThrownBy(() -> BvhWriter.write(f, List.of(TestPoses.standing(), bad), 30, BvhOptions.DEFAULT))
                .hasMessageContaining("frame 1").hasMessageContaining("r_knee");
        assertThat(Files.exists(f)).isFalse();
    }
}
