package gfpose.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir Path dir;

    static final float[] VALUES = {0f, -0f, 1f, -2.5f, 3.14159265f, 1e-3f, 65504f, -1e-7f, 123456.78f, 1e30f, 7e-39f, 0.1f};

    List<SafetensorsTensor> tensors() {
        return List.of(new SafetensorsTensor("a.weight", new int[] {3, 4}, VALUES),
                new SafetensorsTensor("scalar", new int[] {}, new float[] {42f}),
                new SafetensorsTensor("empty", new int[] {0, 5}, new float[0]));
    }

    @Test
    void f32RoundTripIsExactWithMetadata() {
        Path f = dir.resolve("t.safetensors");
        Map<String, String> meta = Map.of("gfpose.hidden", "64", "note", "ünïcode \"quoted\"");
        Safetensors.write(f, meta, tensors(), SafetensorsDType.F32);
        Safetensors st = Safetensors.read(f);
        assertThat(st.metadata()).isEqualTo(meta);
        assertThat(st.entries()).extracting(SafetensorsEntry::name).containsExactly("a.weight", "scalar", "empty");
        assertThat(st.entry("a.weight").shape()).containsExactly(3, 4);
        assertThat(st.entry("a.weight").dtype()).isEqualTo(SafetensorsDType.F32);
        assertThat(st.floats("a.weight")).isEqualTo(VALUES);
        assertThat(st.floats("scalar")).containsExactly(42f);
        assertThat(st.floats("empty")).isEmpty();
    }

    @Test
    void headerIsPaddedToEightBytes() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Safetensors.write(f, Map.of(), tensors(), SafetensorsDType.F32);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0) % 8).isZero();
        assertThat(Files.size(f)).isEqualTo(8 + b.getLong(0) + 13 * 4);
    }

    @Test
    void halfPrecisionRoundTripsWithinTheirPrecision() {
        for (SafetensorsDType t : List.of(SafetensorsDType.F16, SafetensorsDType.BF16)) {
            Path f = dir.resolve(t + ".safetensors");
            Safetensors.write(f, Map.of(), tensors(), t);
            Safetensors st = Safetensors.read(f);
            assertThat(st.entry("a.weight").dtype()).isEqualTo(t);
            float[] back = st.floats("a.weight");
            double eps = t == SafetensorsDType.F16 ? 0x1p-11 : 0x1p-8; // half a unit of the last place
            for (int i = 0; i < VALUES.length; i++) {
                float v = VALUES[i];
                if (t == SafetensorsDType.F16 && Math.abs(v) > 65504f) assertThat(back[i]).isInfinite();
                else if (t == SafetensorsDType.F16 && Math.abs(v) < 0x1p-14f) assertThat(Math.abs(back[i] - v)).isLessThanOrEqualTo(0x1p-25f);
                else assertThat(Math.abs(back[i] - v)).as("%s %s", t, v).isLessThanOrEqualTo((float) (Math.abs(v) * eps));
            }
        }
    }

    @Test
    void halfConversionsAreExactOnRepresentableValuesAndRoundToEven() {
        for (int h = 0; h < 0x10000; h++) {
            float f = SafetensorsDType.halfToFloat(h);
            if (Float.isNaN(f)) continue;
            assertThat(SafetensorsDType.floatToHalf(f) & 0xffff).isEqualTo(h);
            assertThat(SafetensorsDType.floatToBf16(SafetensorsDType.bf16ToFloat(h)) & 0xffff).isEqualTo(h);
        }
        assertThat(SafetensorsDType.halfToFloat(SafetensorsDType.floatToHalf(1f + 0x1p-11f))).isEqualTo(1f); // tie to even
        assertThat(SafetensorsDType.halfToFloat(SafetensorsDType.floatToHalf(1f + 0x1.8p-10f))).isEqualTo(1f + 0x1p-9f);
        assertThat(SafetensorsDType.halfToFloat(SafetensorsDType.floatToHalf(65519f))).isEqualTo(65504f);
        assertThat(SafetensorsDType.halfToFloat(SafetensorsDType.floatToHalf(65520f))).isInfinite();
        assertThat(SafetensorsDType.halfToFloat(SafetensorsDType.floatToHalf(Float.NaN))).isNaN();
        assertThat(SafetensorsDType.bf16ToFloat(SafetensorsDType.floatToBf16(Float.NaN))).isNaN();
    }

    // ---------------------------------------------------------------- bad files

    /** A file with the given header text and data bytes. */
    Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, b.array());
        return f;
    }

    void fails(Path f, String message) {
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(GfposeException.class)
                .hasMessage(f + ": " + message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void truncatedData() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Safetensors.write(f, Map.of(), tensors(), SafetensorsDType.F32);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 4));
        fails(f, "tensor 'scalar': data_offsets [48, 52] run past the end of the data section (48 bytes); truncated file?");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Files.write(f, new byte[] {(byte) 0xe8, 3, 0, 0, 0, 0, 0, 0, '{', '}'});
        fails(f, "header length 1000 exceeds the file size (10 bytes); truncated or not a safetensors file");
        Files.write(f, new byte[] {1, 2, 3});
        fails(f, "not a safetensors file (3 bytes, too short for a header)");
    }

    @Test
    void badJson() throws IOException {
        Path f = file("{\"a\": {\"dtype\": \"F32\",", 0);
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(GfposeException.class)
                .hasMessageStartingWith(f + " header: malformed JSON at line 1, column ");
        fails(file("[1, 2]", 0), "header is not a JSON object");
        fails(file("{\"a\": 5}", 0), "tensor 'a': header entry is not a JSON object");
    }

    @Test
    void wrongDtypeString() throws IOException {
        fails(file("{\"w\": {\"dtype\": \"F33\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4), "tensor 'w': unknown dtype 'F33'");
    }

    @Test
    void offsetsOutOfRangeOrInconsistent() throws IOException {
        fails(file("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", 8),
                "tensor 'w': data_offsets [4, 12] run past the end of the data section (8 bytes); truncated file?");
        fails(file("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [8, 4]}}", 8),
                "tensor 'w': invalid data_offsets [8, 4]");
        fails(file("{\"w\": {\"dtype\": \"BF16\", \"shape\": [2, 2], \"data_offsets\": [0, 4]}}", 8),
                "tensor 'w': data_offsets [0, 4] hold 4 bytes, but BF16 [2, 2] needs 8");
        fails(file("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0]}}", 8),
                "tensor 'w': 'data_offsets' must be two non-negative integers [begin, end]");
        fails(file("{\"w\": {\"dtype\": \"F32\", \"shape\": [-2], \"data_offsets\": [0, 8]}}", 8),
                "tensor 'w': 'shape' must be a list of non-negative integers");
        fails(file("{\"v\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                        + " \"w\": {\"dtype\": \"F16\", \"shape\": [2], \"data_offsets\": [6, 10]}}", 12),
                "tensor 'w' data_offsets [6, 10] overlap tensor 'v' [0, 8]");
        // bytes no tensor owns: a gap, or a tail after the last tensor
        fails(file("{\"v\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},"
                        + " \"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [8, 12]}}", 12),
                "bytes 4 to 8 of the data belong to no tensor (before 'w')");
        fails(file("{\"v\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 12),
                "8 trailing bytes after the last tensor");
    }

    @Test
    void metadataMustHoldStrings() throws IOException {
        fails(file("{\"__metadata__\": {\"n\": 3}}", 0), "__metadata__ value of 'n' is not a string");
    }

    @Test
    void missingTensorAndUnreadableDtype() throws IOException {
        Path f = file("{\"i\": {\"dtype\": \"I64\", \"shape\": [1], \"data_offsets\": [0, 8]}}", 8);
        Safetensors st = Safetensors.read(f);
        assertThatThrownBy(() -> st.floats("w")).isInstanceOf(GfposeException.class).hasMessage(f + ": no tensor 'w'");
        assertThatThrownBy(() -> st.floats("i")).hasMessage(f + ": tensor 'i' has dtype I64, expected F32, F16 or BF16");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.safetensors");
        fails(f, "no such file");
    }
}
