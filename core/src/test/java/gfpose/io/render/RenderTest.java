package gfpose.io.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.TestPoses;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RenderTest {
    private static Keypoints2D input(float[] pose) {
        float[] uv = new float[34];
        for (int j = 0; j < 17; j++) { uv[2 * j] = pose[3 * j] + 5; uv[2 * j + 1] = pose[3 * j + 1] - 5; }
        return Keypoints2D.ofAll(uv, 1000, 1000);
    }

    @Test
    void svgParsesAndHasOneLinePerBonePerViewPerHypothesis() throws Exception {
        List<float[]> hyps = List.of(TestPoses.random(1), TestPoses.random(2));
        Scene s = PosePicture.views(hyps, input(hyps.get(0)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.toSvg().getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(3);
        for (int g = 0; g < 3; g++) {
            Element e = (Element) groups.item(g);
            assertThat(e.getAttribute("id")).isEqualTo(PosePicture.VIEWS[g]);
            assertThat(count(e.getElementsByTagName("line"), "bone")).isEqualTo(16 * 2);
            assertThat(count(e.getElementsByTagName("line"), "input")).isEqualTo(g == 0 ? 16 : 0);
        }
        assertThat(doc.getElementsByTagName("text").getLength()).isEqualTo(3);
    }

    @Test
    void aConsensusIsDrawnOpaqueOverTheHypothesesWithOneSpreadRingPerJointPerView() throws Exception {
        List<float[]> hyps = List.of(TestPoses.random(1), TestPoses.random(2), TestPoses.random(3));
        float[] spread = new float[17];
        java.util.Arrays.fill(spread, 4f);
        spread[0] = 0; // no ring for a joint every hypothesis agrees on
        Scene s = PosePicture.views(hyps, TestPoses.random(4), spread, null);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.toSvg().getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("g");
        for (int g = 0; g < 3; g++) assertThat(count(((Element) groups.item(g)).getElementsByTagName("line"), "bone")).isEqualTo(16 * 4);
        assertThat(count(doc.getElementsByTagName("circle"), "spread")).isEqualTo(3 * 16);
        long opaque = s.lines().stream().filter(l -> l.opacity() == 1).count();
        assertThat(opaque).isEqualTo(3 * 16);
        assertThatThrownBy(() -> PosePicture.views(hyps, TestPoses.random(4), new float[3], null)).isInstanceOf(GfposeException.class);
    }

    @Test
    void pngDecodesWithInkOnTheBonesAndColoursBySide(@TempDir Path dir) throws Exception {
        float[] pose = TestPoses.standing();
        Scene s = PosePicture.views(List.of(pose), null);
        Path f = dir.resolve("p.png");
        s.writePng(f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertThat(img.getWidth()).isEqualTo(3 * PosePicture.PANEL);
        assertThat(img.getHeight()).isEqualTo(s.height());
        int inked = 0;
        for (Scene.Line l : s.lines()) {
            if (Math.hypot(l.x2() - l.x1(), l.y2() - l.y1()) < 4) continue; // bones seen end-on
            int rgb = img.getRGB((int) Math.round((l.x1() + l.x2()) / 2), (int) Math.round((l.y1() + l.y2()) / 2)) & 0xffffff;
            assertThat(rgb).isNotEqualTo(0xffffff);
            inked++;
            boolean front = l.x1() < PosePicture.PANEL; // in side and top views left and right overlap
            if (front && l.rgb() == PosePicture.LEFT) assertThat(blue(rgb)).isGreaterThan(red(rgb));
            if (front && l.rgb() == PosePicture.RIGHT) assertThat(red(rgb)).isGreaterThan(blue(rgb));
        }
        assertThat(inked).isGreaterThan(30);
        assertThat(img.getRGB(2, img.getHeight() - 2) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void stripHasAColumnPerFrame(@TempDir Path dir) throws Exception {
        List<float[]> frames = List.of(TestPoses.random(1), TestPoses.random(2), TestPoses.random(3), TestPoses.random(4));
        Scene s = PosePicture.strip(frames);
        assertThat(s.width()).isEqualTo(4 * PosePicture.PANEL);
        assertThat(s.lines()).hasSize(4 * 3 * 16);
        s.writeSvg(dir.resolve("s.svg"));
        BufferedImage img = s.toImage();
        assertThat(img.getHeight()).isEqualTo(3 * PosePicture.PANEL);
    }

    @Test
    void badPosesAreRejected() {
        float[] p = TestPoses.random(1);
        p[40] = Float.NaN;
        assertThatThrownBy(() -> PosePicture.views(List.of(p), null)).isInstanceOf(GfposeException.class)
                .hasMessage("picture: pose 0 joint l_wrist is not finite");
        assertThatThrownBy(() -> PosePicture.strip(List.of())).hasMessageContaining("no poses");
    }

    private static int count(NodeList lines, String cls) {
        int n = 0;
        for (int i = 0; i < lines.getLength(); i++) if (cls.equals(((Element) lines.item(i)).getAttribute("class"))) n++;
        return n;
    }

    private static int red(int rgb) { return (rgb >> 16) & 255; }

    private static int blue(int rgb) { return rgb & 255; }
}
