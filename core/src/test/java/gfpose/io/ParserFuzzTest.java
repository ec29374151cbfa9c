package gfpose.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import gfpose.GfposeException;
import gfpose.nn.ScoreNet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of every parser a user's file reaches (Jazzer). The contract: any input either parses or
 * ends in a {@link GfposeException} (one line naming the source); anything else (an unchecked exception, an error, a
 * hang) is a bug. A normal test run replays the seeds in {@code src/test/resources/gfpose/io/ParserFuzzTestInputs}
 * and the crashes found so far; {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=ParserFuzzTest#json} fuzzes one parser
 * (README, "What every command promises", says what ran and for how long).
 */
class ParserFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void json(byte[] data) {
        expectCleanFailure(() -> Json.parse(new String(data, StandardCharsets.UTF_8), "fuzz.json"));
    }

    @FuzzTest(maxDuration = "2m")
    void bvh(byte[] data) {
        expectCleanFailure(() -> BvhReader.parse(new String(data, StandardCharsets.UTF_8), "fuzz.bvh"));
    }

    @FuzzTest(maxDuration = "2m")
    void safetensorsModel(byte[] data) {
        expectCleanFailure(() -> ScoreNet.load(ByteBuffer.wrap(data), "fuzz.safetensors"));
    }

    @FuzzTest(maxDuration = "2m")
    void keypointTracks(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        expectCleanFailure(() -> KeypointTrack.parseJsonLines(text, "fuzz.jsonl", KeypointFormat.COCO_17, KeypointOptions.DEFAULT));
        expectCleanFailure(() -> KeypointTrack.parseCsv(text, "fuzz.csv", KeypointFormat.H36M_17, KeypointOptions.DEFAULT));
    }

    @FuzzTest(maxDuration = "2m")
    void cocoKeypoints(byte[] data) {
        expectCleanFailure(() -> CocoKeypoints.parse(new String(data, StandardCharsets.UTF_8), "fuzz.json", KeypointOptions.DEFAULT));
    }

    private static void expectCleanFailure(Runnable parse) {
        try {
            parse.run();
        } catch (GfposeException expected) {
            // the one allowed way to reject an input
        }
    }
}
