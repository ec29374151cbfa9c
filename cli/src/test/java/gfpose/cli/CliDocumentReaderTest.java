package gfpose.cli;

import static gfpose.cli.PoseDocumentReader.Kind.EITHER;
import static gfpose.cli.PoseDocumentReader.Kind.POINTS_2D;
import static gfpose.cli.PoseDocumentReader.Kind.POINTS_3D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.task.ImageSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and validation of input documents: no model involved. */
class CliDocumentReaderTest {

    /** A 17-entry keypoint array whose joint j is {@code [j*10 + 1, j*10 + 2(, extra...)]}. */
    static String array(int values, int... nullJoints) {
        List<String> e = new ArrayList<>();
        for (int j = 0; j < 17; j++) {
            StringBuilder b = new StringBuilder("[");
            for (int k = 0; k < values; k++) b.append(k == 0 ? "" : ", ").append(j * 10 + k + 1);
            e.add(b.append(']').toString());
        }
        for (int j : nullJoints) e.set(j, "null");
        return "[" + String.join(", ", e) + "]";
    }

    static PoseDocument read(String json, PoseDocumentReader.Kind kind) {
        return PoseDocumentReader.read(json, "in.json", kind, 0);
    }

    static String failure(String json, PoseDocumentReader.Kind kind) {
        try {
            read(json, kind);
        } catch (GfposeException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("in.json: ");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsNamedJointsWithAliasesAndConfidence() {
        PoseDocument d = PoseDocumentReader.read("{\"image_size\": [640, 480], \"poses\": [{\"id\": \"a\", \"keypoints\": "
                + "{\"root\": [10, 20], \"R-Hip\": [30.5, 40, 0.9], \"l_wrist\": [1, 2, 0.2], \"head\": [5, 6, 0]}}]}",
                "in.json", POINTS_2D, 0.3);
        assertThat(d.imageSize()).isEqualTo(new ImageSize(640, 480));
        assertThat(d.dims()).isEqualTo(2);
        PoseDocument.Pose p = d.poses().get(0);
        assertThat(p.id()).isEqualTo("a");
        assertThat(p.coords()).hasSize(34);
        assertThat(p.coords()[0]).isEqualTo(10f);
        assertThat(p.coords()[2]).isEqualTo(30.5f);
        assertThat(p.observed()[0]).isTrue();
        assertThat(p.observed()[1]).isTrue();
        assertThat(p.observed()[13]).as("confidence 0.2 < 0.3").isFalse();
        assertThat(p.observed()[10]).as("confidence 0 is never observed").isFalse();
        assertThat(p.missing()).contains("l_wrist", "head", "r_knee").doesNotContain("pelvis", "r_hip");
        assertThat(d.observedOrNull()).isNotNull();
    }

    @Test
    void readsArraysWithNullsAndReportsAllObservedAsNull() {
        PoseDocument d = read("{\"poses\": [{\"keypoints\": " + array(2) + "}, {\"id\": 5, \"keypoints\": "
                + array(2, 3, 16) + "}]}", POINTS_2D);
        assertThat(d.imageSize()).isNull();
        assertThat(d.poses()).hasSize(2);
        assertThat(d.poses().get(0).id()).isNull();
        assertThat(d.poses().get(1).id()).isEqualTo(5L);
        assertThat(d.poses().get(1).missing()).containsExactly("r_ankle", "r_wrist");
        assertThat(d.coords()[0][2 * 16 + 1]).isEqualTo(162f);
        assertThat(read("{\"poses\": [{\"keypoints\": " + array(2) + "}]}", POINTS_2D).observedOrNull()).isNull();
    }

    @Test
    void completeDecidesTwoOrThreeDimensionsByTheEntries() {
        assertThat(read("{\"poses\": [{\"keypoints\": " + array(2, 5) + "}]}", EITHER).dims()).isEqualTo(2);
        PoseDocument d3 = read("{\"poses\": [{\"keypoints\": " + array(3, 5) + "}]}", EITHER);
        assertThat(d3.dims()).isEqualTo(3);
        assertThat(d3.coords()[0]).hasSize(51);
        assertThat(d3.coords()[0][3 * 16 + 2]).isEqualTo(163f);
        assertThat(read("{\"poses\": [{\"keypoints\": " + array(4) + "}]}", POINTS_3D).dims()).isEqualTo(3);
        assertThat(failure("{\"poses\": [{\"keypoints\": " + array(3) + "}, {\"id\": \"b\", \"keypoints\": {\"pelvis\": [1, 2]}}]}",
                EITHER)).isEqualTo("in.json: pose 1 (id \"b\"), joint pelvis: mixes 2-D [u, v] with the 3-D keypoints "
                + "seen first (pose 0, joint pelvis); use one kind per document");
    }

    @Test
    void rejectsWrongJointCount() {
        String keypoints = array(2).replaceFirst("\\[1, 2\\], ", "");
        assertThat(failure("{\"poses\": [{\"id\": \"a\", \"keypoints\": " + keypoints + "}]}", POINTS_2D))
                .startsWith("in.json: pose 0 (id \"a\"): \"keypoints\" has 16 entries, expected 17");
    }

    @Test
    void rejectsUnknownAndDuplicateJoints() {
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2], \"elbow\": [1, 2]}}]}", POINTS_2D))
                .startsWith("in.json: pose 0: unknown joint 'elbow' (expected one of pelvis, r_hip");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"neck\": [1, 2], \"nose\": [1, 2]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint neck: given twice (\"neck\" and \"nose\")");
    }

    @Test
    void rejectsNonNumbersAndNonFiniteValues() {
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, \"2\"]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint pelvis: value 1 is not a number: \"2\"");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, true]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint pelvis: value 1 is not a number: true");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1e999, 2]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint pelvis: value 0 is out of range (coordinates within ±1e6 pixels): Infinity");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2, 1e300]}}]}", POINTS_3D))
                .isEqualTo("in.json: pose 0, joint pelvis: value 2 is out of range (coordinates within ±1e6 pixels): 1.0E300");
        // finite but absurd: 1e30 px reached the model before and came back as a meaningless pose
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1e30, 2]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint pelvis: value 0 is out of range (coordinates within ±1e6 pixels): 1.0E30");
        // JSON has no NaN literal: the strict parser reports where it is
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [NaN, 2]}}]}", POINTS_2D))
                .isEqualTo("in.json: malformed JSON at line 1, column 38: unexpected character 'N'");
    }

    @Test
    void rejectsWrongEntryShapes() {
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2, 3, 4]}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0, joint pelvis: expected [u, v] or [u, v, confidence] or null, got 4 values");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2]}}]}", POINTS_3D))
                .contains("expected [u, v, z] or [u, v, z, confidence] or null, got 2 values");
        assertThat(failure("{\"poses\": [{\"keypoints\": {\"pelvis\": 3}}]}", EITHER))
                .contains("joint pelvis: expected [u, v], [u, v, z] or [u, v, z, confidence] or null, got 3");
    }

    @Test
    void rejectsMissingAndUnknownFields() {
        assertThat(failure("[]", POINTS_2D)).contains("expected a JSON object with a \"poses\" array");
        assertThat(failure("{}", POINTS_2D)).isEqualTo("in.json: missing field \"poses\"");
        assertThat(failure("{\"poses\": []}", POINTS_2D)).isEqualTo("in.json: \"poses\" is empty");
        assertThat(failure("{\"poses\": [{\"id\": \"a\"}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0 (id \"a\"): missing field \"keypoints\"");
        assertThat(failure("{\"pose\": []}", POINTS_2D)).startsWith("in.json: unknown field \"pose\"");
        assertThat(failure("{\"poses\": [{\"keypoint\": {}}]}", POINTS_2D)).startsWith("in.json: pose 0: unknown field \"keypoint\"");
        assertThat(failure("{\"poses\": [{\"id\": [1], \"keypoints\": {}}]}", POINTS_2D))
                .isEqualTo("in.json: pose 0: \"id\" must be a string or an integer, got an array");
        assertThat(failure("{\"poses\": [{\"id\": 1, \"keypoints\": " + array(2) + "}, {\"id\": 1, \"keypoints\": "
                + array(2) + "}]}", POINTS_2D)).isEqualTo("in.json: pose 1 (id 1): id already used by pose 0");
    }

    @Test
    void rejectsBadImageSize() {
        for (String s : List.of("[1000]", "[0, 10]", "[10.5, 10]", "\"1000x1000\"")) {
            assertThat(failure("{\"image_size\": " + s + ", \"poses\": []}", POINTS_2D))
                    .startsWith("in.json: \"image_size\" must be [width, height]");
        }
    }

    @Test
    void rejectsPosesWithoutObservedJoints() {
        String allNull = "[" + String.join(", ", Collections.nCopies(17, "null")) + "]";
        assertThat(failure("{\"poses\": [{\"keypoints\": " + allNull + "}]}", POINTS_2D))
                .startsWith("in.json: pose 0: no observed joints");
        assertThat(failure("{\"poses\": [{\"keypoints\": {}}]}", EITHER)).startsWith("in.json: pose 0: no observed joints");
        assertThatThrownBy(() -> PoseDocumentReader.read("{\"poses\": [{\"keypoints\": {\"pelvis\": [1, 2, 0.1]}}]}",
                "in.json", POINTS_2D, 0.5)).hasMessageStartingWith("in.json: pose 0: no observed joints");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThat(failure("{\"poses\": [\n  {\"keypoints\": [1, 2,]}\n]}", POINTS_2D))
                .isEqualTo("in.json: malformed JSON at line 2, column 23: unexpected character ']'");
        assertThat(failure("{\"poses\": [", POINTS_2D)).startsWith("in.json: malformed JSON at line 1");
    }
}
