package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.io.Bvh;
import gfpose.io.BvhReader;
import gfpose.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lift} and {@code render} end to end through {@code ./gfpose} on the examples and a small random model. */
class LauncherLiftIT {
    @TempDir static Path shared;
    static Path model;

    @TempDir Path dir;

    @BeforeAll
    static void smallModel() {
        model = Launcher.smallModel(shared);
    }

    private static String example(String name) {
        return Launcher.repo().resolve("examples").resolve(name).toString();
    }

    private Launcher.Result ok(String... args) throws Exception {
        Launcher.Result r = Launcher.run(dir, args);
        assertThat(r.stderr()).as("stderr").isEmpty();
        assertThat(r.exit()).isZero();
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void cocoFileToBvhPngAndJson() throws Exception {
        ok("lift", "-i", example("person.json"), "--image-size", "1280x720", "--hypotheses", "2", "--steps", "5",
                "--threads", "2", "--weights", model.toString(), "--bvh", "p.bvh", "--png", "p.png", "--json", "p.json");
        Bvh bvh = BvhReader.read(dir.resolve("p.bvh"));
        assertThat(bvh.frames()).isEqualTo(1);
        assertThat(bvh.frameTime()).isEqualTo(0.02);
        BufferedImage png = ImageIO.read(dir.resolve("p.png").toFile());
        assertThat(png.getWidth()).isEqualTo(900);
        Map<?, ?> doc = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("p.json")), "p.json");
        assertThat(doc.get("task")).isEqualTo("lift");
        assertThat(doc.get("units")).isEqualTo("mm");
        Map<?, ?> pose = (Map<?, ?>) ((List<?>) doc.get("poses")).get(0);
        assertThat(pose.get("image_size")).isEqualTo(List.of(1280L, 720L));
        assertThat((List<Object>) pose.get("missing")).contains("l_wrist", "head", "spine");
        List<?> hyps = (List<?>) pose.get("hypotheses");
        assertThat(hyps).hasSize(2);
        assertThat((Map<Object, Object>) hyps.get(0)).hasSize(17).containsEntry("pelvis", List.of(0L, 0L, 0L));

        // the JSON document renders too
        ok("render", "p.json", "--svg", "p.svg");
        assertThat(Files.readString(dir.resolve("p.svg"))).contains("<svg");
    }

    @Test
    void trackToAnimationAndStrip() throws Exception {
        Launcher.Result r = ok("lift", "-i", example("walk.jsonl"), "--steps", "5", "--threads", "2",
                "--weights", model.toString(), "--fps", "25", "--bvh", "walk.bvh", "--png", "walk.png");
        assertThat(r.stdout()).isEmpty();
        Bvh bvh = BvhReader.read(dir.resolve("walk.bvh"));
        assertThat(bvh.frames()).isEqualTo(24);
        assertThat(bvh.frameTime()).isEqualTo(0.04);
        // 24 frames, every 2nd: 12 columns
        assertThat(ImageIO.read(dir.resolve("walk.png").toFile()).getWidth()).isEqualTo(12 * 300);
        ok("render", "walk.bvh", "--every", "6", "--png", "strip.png");
        assertThat(ImageIO.read(dir.resolve("strip.png").toFile()).getWidth()).isEqualTo(4 * 300);
    }

    @Test
    void renderAnEstimateWithItsInput() throws Exception {
        StringBuilder kp = new StringBuilder("{\"image_size\": [1000, 1000], \"poses\": [{\"keypoints\": [");
        for (int j = 0; j < 17; j++) kp.append(j > 0 ? ", " : "").append('[').append(LauncherModelIT.UV[j][0]).append(", ").append(LauncherModelIT.UV[j][1]).append(']');
        Files.writeString(dir.resolve("in.json"), kp.append("]}]}").toString());
        ok("estimate", "-i", "in.json", "-o", "est.json", "--hypotheses", "3", "--steps", "5", "--weights", model.toString());
        ok("render", "est.json", "--input", "in.json", "--png", "est.png");
        assertThat(ImageIO.read(dir.resolve("est.png").toFile()).getHeight()).isEqualTo(318);
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("bad.jsonl"), "{\"frame\": 0, \"keypoints\": [1, 2, 0.5]}\n");
        Launcher.Result r = Launcher.run(dir, "lift", "-i", "bad.jsonl", "--weights", model.toString(), "--bvh", "o.bvh",
                "--png", "o.png", "--json", "o.json");
        r.assertOneLineError(1);
        assertThat(r.error()).contains("bad.jsonl: frame 0", "expected 51");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("o."));
        }
    }
}
