package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfpose lift} in-process: bad inputs and options fail with one line before any model is needed. */
class LiftCommandTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** 17 COCO joints x, y, confidence as a JSON array body. */
    static String coco(int joints, String conf) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < joints; j++) b.append(j > 0 ? ", " : "").append(400 + 10 * j).append(", ").append(300 + 20 * j).append(", ").append(conf);
        return b.toString();
    }

    /** Runs lift with outputs in the temp dir and checks the one-line failure and that nothing was written. */
    private String fails(int exit, String... args) throws IOException {
        String[] all = Stream.concat(Stream.of("lift", "--bvh", dir.resolve("o.bvh").toString(), "--png",
                dir.resolve("o.png").toString(), "--weights", dir.resolve("absent.safetensors").toString()), Stream.of(args))
                .toArray(String[]::new);
        CliCommandTest.Run r = CliCommandTest.run(all);
        assertThat(r.exit()).as("exit; stderr %s", r.err()).isEqualTo(exit);
        String e = r.error();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("o.") || n.startsWith(".o."));
        }
        return e;
    }

    @Test
    void wrongJointCountNamesTheFileAndPerson() throws IOException {
        Path f = file("det.json", "[{\"image_id\": 4, \"category_id\": 1, \"keypoints\": [" + coco(16, "0.9") + "]}]");
        assertThat(fails(1, "-i", f.toString())).contains("det.json", "[0]", "expected 51 values");
        Path t = file("walk.jsonl", "{\"frame\": 3, \"keypoints\": [" + coco(16, "0.9") + "]}\n");
        assertThat(fails(1, "-i", t.toString())).contains("walk.jsonl: frame 3", "expected 51 keypoint values");
    }

    @Test
    void nanMissingConfidenceAndEmptySequencesAreNamed() throws IOException {
        Path csv = file("walk.csv", "frame,joint,x,y,confidence\n0,l_hip,100,200,NaN\n");
        assertThat(fails(1, "-i", csv.toString())).contains("walk.csv", "frame 0", "l_hip", "confidence: 'NaN' is not a finite decimal number");
        Path pos = file("pos.csv", "frame,joint,x,y,confidence\n0,nose,NaN,200,0.9\n");
        assertThat(fails(1, "-i", pos.toString())).contains("pos.csv", "frame 0", "nose", "not a finite decimal number");
        Path noConf = file("noconf.jsonl", "{\"keypoints\": [" + coco(17, "0").replaceAll(", 0(?=,|$)", "") + "]}\n");
        assertThat(fails(1, "-i", noConf.toString())).contains("noconf.jsonl: frame 0", "confidence is required");
        assertThat(fails(1, "-i", file("empty.jsonl", "\n\n").toString())).contains("empty.jsonl", "empty track");
        assertThat(fails(1, "-i", file("none.json", "[]").toString())).contains("none.json", "no person keypoints");
        assertThat(fails(1, "-i", dir.resolve("absent.json").toString())).contains("absent.json: no such file");
    }

    @Test
    void aFrameWithoutBonesIsNamedOnceTheModelRuns() throws Exception {
        // frame 1 has no keypoints at all (a gap in the track): the error names it, not a stack trace
        Path model = dir.resolve("m.safetensors");
        gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(64, 32, 1, 8), 1).save(model);
        Path t = file("gap.jsonl", "{\"frame\": 0, \"keypoints\": [" + coco(17, "0.9") + "]}\n"
                + "{\"frame\": 2, \"keypoints\": [" + coco(17, "0.9") + "]}\n");
        CliCommandTest.Run r = CliCommandTest.run("lift", "-i", t.toString(), "--weights", model.toString(),
                "--steps", "2", "--bvh", dir.resolve("o.bvh").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("gap.jsonl: frame 1", "no bone");
        assertThat(dir.resolve("o.bvh")).doesNotExist();
    }

    @Test
    void oneFailedOutputLeavesNoneOfTheOthers() throws Exception {
        Path model = dir.resolve("m.safetensors");
        gfpose.nn.ScoreNet.random(gfpose.nn.ModelConfig.of(64, 32, 1, 8), 1).save(model);
        Path t = file("walk.jsonl", "{\"frame\": 0, \"keypoints\": [" + coco(17, "0.9") + "]}\n");
        Path blocker = file("plain.txt", "a file, so nothing can be created under it");
        Path json = dir.resolve("o.json"), bvh = dir.resolve("o.bvh"), svg = dir.resolve("o.svg");
        CliCommandTest.Run r = CliCommandTest.run("lift", "-i", t.toString(), "--weights", model.toString(), "--steps", "2",
                "--json", json.toString(), "--bvh", bvh.toString(), "--svg", svg.toString(), "--png", blocker.resolve("o.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("o.png");
        assertThat(json).doesNotExist();
        assertThat(bvh).doesNotExist();
        assertThat(svg).doesNotExist();
        try (var files = Files.list(dir)) { // and no temporary file
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m.safetensors", "walk.jsonl", "plain.txt");
        }
        // one file named for two outputs is an error, not a silent overwrite
        r = CliCommandTest.run("lift", "-i", t.toString(), "--weights", model.toString(), "--steps", "2",
                "--json", json.toString(), "--svg", json.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.error()).contains("named for two outputs");
        assertThat(json).doesNotExist();
        // and all of them when nothing fails
        r = CliCommandTest.run("lift", "-i", t.toString(), "--weights", model.toString(), "--steps", "2",
                "--json", json.toString(), "--bvh", bvh.toString(), "--svg", svg.toString());
        assertThat(r.exit()).isZero();
        assertThat(json).isRegularFile();
        assertThat(bvh).isRegularFile();
        assertThat(svg).isRegularFile();
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path f = file("det.json", "[{\"keypoints\": [" + coco(17, "0.9") + "]}]");
        assertThat(fails(2, "-i", f.toString(), "--intrinsics", "1000,1000,640")).contains("fx,fy,cx,cy");
        assertThat(fails(2, "-i", f.toString(), "--intrinsics", "0,1000,640,360")).contains("positive");
        assertThat(fails(2, "-i", f.toString(), "--format", "kinect")).contains("unknown keypoint format");
        assertThat(fails(2, "-i", f.toString(), "--min-confidence", "0")).contains("--min-confidence");
        assertThat(fails(2, "-i", f.toString(), "--fps", "0")).contains("--fps");
        assertThat(fails(2, "-i", f.toString(), "--every", "0")).contains("--every");
        assertThat(fails(2, "-i", f.toString(), "--json", "a.json", "-o", "b.json")).contains("--json or -o");
        assertThat(fails(1, "-i", f.toString(), "--format", "mpii")).contains("COCO keypoint file");
    }

    @Test
    void helpListsTheOptions() {
        CliCommandTest.Run r = CliCommandTest.run("lift", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--bvh", "--json", "--png", "--svg", "--fps", "--intrinsics", "--format",
                "--min-confidence", "--image-size", "--hypotheses", "--weights", "--every");
        assertThat(CliCommandTest.run("--help").out()).contains("lift", "render");
    }
}
