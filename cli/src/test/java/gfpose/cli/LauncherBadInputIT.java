package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs}) through the real launcher with a 512 MB heap: every case
 * must end in one {@code gfpose: ...} line containing the expected text, the expected exit code, no stack trace and no
 * new file. Large and binary cases are generated here.
 */
class LauncherBadInputIT {
    static final String HEAP = "-Xmx512m";
    static final String[] FILES = {"not-json.json", "truncated.json", "unknown-field.json", "unknown-joint.json",
        "string-coordinate.json", "empty-poses.json", "bad-utf8.json", "track-wide.jsonl", "track-hex.csv", "track-span.csv",
        "coco-short.json", "bvh-negative-frame-time.bvh", "bvh-frames-mismatch.bvh", "bom.json", "huge-coordinate.json",
        "good-pose.json", "depth-prior-empty.json"};

    @TempDir static Path shared;
    static Path model;

    @TempDir Path dir;

    @BeforeAll
    static void smallModel() {
        model = Launcher.smallModel(shared);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LauncherBadInputIT.class.getResourceAsStream("/bad-inputs/" + name)) {
            if (in == null) throw new IllegalStateException("missing corpus file " + name);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        // the corpus files are bytes (ISO-8859-1 keeps them); the case list is UTF-8 text
        String cases = new String(resource("cases.txt").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        for (String line : cases.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            out.add(Arguments.of(Integer.parseInt(f[0]), f[1], f[2]));
        }
        return out.stream();
    }

    /** Copies the corpus into the work folder, runs the case and checks the failure contract; returns the error. */
    private String check(int exit, String expected, String... args) throws Exception {
        for (String name : FILES) Files.write(dir.resolve(name), resource(name).getBytes(StandardCharsets.ISO_8859_1));
        Set<String> before = listing();
        Launcher.Result r = Launcher.runWithOptions(dir, null, HEAP, args).assertOneLineError(exit);
        assertThat(r.error()).contains(expected);
        assertThat(listing()).as("files left behind").isEqualTo(before);
        return r.error();
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void everyCorpusCaseFailsCleanly(int exit, String expected, String args) throws Exception {
        String[] a = Arrays.stream(args.split(" ")).map(s -> s.equals("MODEL") ? model.toString() : s).toArray(String[]::new);
        check(exit, expected, a);
    }

    @Test
    void aHundredThousandNestedBvhJointsAreRefusedWithoutExhaustingTheStack() throws Exception {
        StringBuilder b = new StringBuilder("HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 3 Zrotation Xrotation Yrotation\n");
        int n = 100_000;
        for (int i = 0; i < n; i++) b.append("JOINT j").append(i).append("\n{\nOFFSET 0 1 0\nCHANNELS 3 Zrotation Xrotation Yrotation\n");
        for (int i = 0; i <= n; i++) b.append("}\n");
        b.append("MOTION\nFrames: 0\nFrame Time: 0.02\n");
        Files.writeString(dir.resolve("deep.bvh"), b.toString());
        check(1, "deep.bvh", "render", "deep.bvh", "--png", "out.png");
    }

    @Test
    void badKernelSettingsNameTheirProperty() throws Exception {
        for (String[] c : new String[][] {{"-Dgfpose.gemm.tile=9x9", "gfpose.gemm.tile must be 4x2, 4x4 or 8x2, got '9x9'"},
                {"-Dgfpose.vector.bits=77", "gfpose.vector.bits must be 512, 256, 128, 0 or scalar, got '77'"},
                {"-Dgfpose.gemm.align=16", "gfpose.gemm.align must be 0 to 15, got '16'"}}) {
            Launcher.Result r = Launcher.runWithOptions(dir, null, HEAP + " " + c[0], "generate", "--weights",
                    model.toString(), "--count", "1").assertOneLineError(2);
            assertThat(r.error()).contains(c[1], "JAVA_OPTS");
        }
    }

    @Test
    void damagedWeightsAreRefusedBeforeTheyAreUsed() throws Exception {
        byte[] good = Files.readAllBytes(model);
        Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(good, good.length / 2));
        check(1, "truncated.safetensors", "info", "--weights", "truncated.safetensors");
        byte[] zeroHeader = new byte[16];  // header length 0
        Files.write(dir.resolve("empty-header.safetensors"), zeroHeader);
        assertThat(check(1, "empty-header.safetensors", "info", "--weights", "empty-header.safetensors")).contains("header length 0 is too short");
        byte[] huge = Arrays.copyOf(good, 64);
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE / 2);
        Files.write(dir.resolve("huge-header.safetensors"), huge);
        check(1, "huge-header.safetensors", "info", "--weights", "huge-header.safetensors");
    }
}
