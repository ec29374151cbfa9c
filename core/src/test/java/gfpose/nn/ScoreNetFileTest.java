package gfpose.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.io.Safetensors;
import gfpose.io.SafetensorsDType;
import gfpose.io.SafetensorsTensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ScoreNet.save / ScoreNet.load: round trips and one clear error per kind of bad model file. */
class ScoreNetFileTest {
    static final ModelConfig SMALL = ModelConfig.of(64, 32, 1, 8);

    @TempDir Path dir;
    final ScoreNet net = ScoreNet.random(SMALL, 11);

    float[] outputs(ScoreNet n) {
        int rows = 5;
        float[] x = ScoreNetInvarianceTest.gaussian(1, rows * 51, 2f), c = ScoreNetInvarianceTest.gaussian(2, rows * 51, 10f);
        float[] out = new float[rows * 51];
        n.forward(x, new float[] {0.5f, 10f, 100f, 500f, 999f}, c, null, rows, out, null);
        return out;
    }

    @Test
    void saveThenLoadGivesBitIdenticalOutputs() {
        Path f = dir.resolve("model.safetensors");
        net.save(f);
        ScoreNet back = ScoreNet.load(f);
        assertThat(back.config()).isEqualTo(SMALL);
        assertThat(back.parameters()).containsExactlyEntriesOf(net.parameters());
        assertThat(outputs(back)).isEqualTo(outputs(net));
        assertThat(Safetensors.read(f).metadata()).containsEntry("gfpose.model", "ScoreModelFC_Adv").containsEntry("gfpose.hidden", "64");
        assertThat(back.info()).contains("hidden 64", "embed 32", "1 blocks", String.format("%,d parameters", net.parameterCount()));
    }

    @Test
    void streamsAndBuffersLoadTheSameNetworkAndNameTheSourceInErrors() throws Exception {
        Path f = dir.resolve("model.safetensors");
        net.save(f);
        byte[] bytes = Files.readAllBytes(f);
        try (java.io.InputStream in = Files.newInputStream(f)) {
            assertThat(ScoreNet.load(in, "resource:/model.safetensors").parameters()).containsExactlyEntriesOf(net.parameters());
        }
        // a buffer read from its position to its limit, as a memory-mapped or embedded model would be
        java.nio.ByteBuffer padded = java.nio.ByteBuffer.allocate(bytes.length + 10);
        padded.position(5);
        padded.put(bytes);
        padded.position(5).limit(5 + bytes.length);
        assertThat(outputs(ScoreNet.load(padded, "buffer"))).isEqualTo(outputs(net));
        assertThatThrownBy(() -> ScoreNet.load(new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length / 2)), "half"))
                .isInstanceOf(GfposeException.class).hasMessageStartingWith("half: ");
    }

    @Test
    void halfPrecisionFilesLoad() {
        for (SafetensorsDType t : List.of(SafetensorsDType.F16, SafetensorsDType.BF16)) {
            Path f = dir.resolve(t + ".safetensors");
            net.save(f, t);
            ScoreNet back = ScoreNet.load(f);
            float[] w = net.parameters().get("pre_dense.weight"), v = back.parameters().get("pre_dense.weight");
            for (int i = 0; i < w.length; i++) assertThat(Math.abs(v[i] - w[i])).isLessThanOrEqualTo(Math.abs(w[i]) * 0x1p-8f);
        }
    }

    /** Writes the small model with {@code edit} applied to its tensor list, returns the path. */
    Path edited(Map<String, String> meta, Consumer<List<SafetensorsTensor>> edit) {
        Map<String, float[]> p = net.parameters();
        List<SafetensorsTensor> ts = new ArrayList<>();
        for (ParamSpec s : ScoreNet.parameterSpecs(SMALL)) ts.add(new SafetensorsTensor(s.name(), s.shape(), p.get(s.name())));
        edit.accept(ts);
        Path f = dir.resolve("model.safetensors");
        Safetensors.write(f, meta, ts, SafetensorsDType.F32);
        return f;
    }

    void fails(Path f, String message) {
        assertThatThrownBy(() -> ScoreNet.load(f)).isInstanceOf(GfposeException.class).hasMessage(f + ": " + message);
    }

    static final String SMALL_DESC = "(model config: hidden 64, embed 32, blocks 1, groups 8)";

    @Test
    void sigmasBufferIsAccepted() {
        Path f = edited(SMALL.toMetadata(), ts -> ts.add(0, new SafetensorsTensor("sigmas", new int[] {1000}, new float[1000])));
        assertThat(outputs(ScoreNet.load(f))).isEqualTo(outputs(net));
    }

    @Test
    void missingTensor() {
        Path f = edited(SMALL.toMetadata(), ts -> ts.removeIf(t -> t.name().equals("b1_gnorm2.bias")));
        fails(f, "missing tensor 'b1_gnorm2.bias' [64] " + SMALL_DESC);
    }

    @Test
    void wrongShape() {
        Path f = edited(SMALL.toMetadata(), ts -> ts.replaceAll(t -> t.name().equals("b1_dense1.weight")
                ? new SafetensorsTensor(t.name(), new int[] {32, 128}, t.values()) : t));
        fails(f, "tensor 'b1_dense1.weight' has shape [32, 128], expected [64, 64] " + SMALL_DESC);
    }

    @Test
    void modelSizeMismatch() {
        // metadata claims another width than the tensors have: the first tensor already disagrees
        Map<String, String> meta = new LinkedHashMap<>(SMALL.toMetadata());
        meta.put("gfpose.hidden", "128");
        fails(edited(meta, ts -> { }), "tensor 'pre_dense.weight' has shape [64, 51], expected [128, 51] "
                + "(model config: hidden 128, embed 32, blocks 1, groups 8)");
        // no metadata at all means GFPose's own sizes
        fails(edited(Map.of(), ts -> { }), "tensor 'pre_dense.weight' has shape [64, 51], expected [1024, 51] "
                + "(model config: hidden 1024, embed 512, blocks 2, groups 32)");
        // metadata says fewer blocks than the file holds
        meta = new LinkedHashMap<>(SMALL.toMetadata());
        meta.put("gfpose.blocks", "0");
        fails(edited(meta, ts -> { }), "unexpected tensor 'b1_dense1.weight' (model config: hidden 64, embed 32, blocks 0, groups 8)");
        // ... or a billion blocks: refused at once from the tensor count, not after building a billion specs
        meta.put("gfpose.blocks", "1000000000");
        fails(edited(meta, ts -> { }), "metadata says 1000000000 blocks, which needs 16000000014 tensors; the file holds 30");
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            Path f = edited(SMALL.toMetadata(), ts -> {
                SafetensorsTensor t = ts.get(2);
                float[] v = t.values().clone();
                v[3] = bad;
                ts.set(2, new SafetensorsTensor(t.name(), t.shape(), v));
            });
            assertThatThrownBy(() -> ScoreNet.load(f)).isInstanceOf(GfposeException.class).hasMessageContaining("value 3 is " + bad);
        }
    }

    @Test
    void unexpectedTensor() {
        Path f = edited(SMALL.toMetadata(), ts -> ts.add(new SafetensorsTensor("extra.weight", new int[] {2}, new float[2])));
        fails(f, "unexpected tensor 'extra.weight' " + SMALL_DESC);
    }

    @Test
    void badMetadata() {
        Map<String, String> meta = new LinkedHashMap<>(SMALL.toMetadata());
        meta.put("gfpose.hidden", "sixty-four");
        fails(edited(meta, ts -> { }), "metadata 'gfpose.hidden' is not an integer: 'sixty-four'");
        meta.put("gfpose.hidden", "60");
        fails(edited(meta, ts -> { }), "model config: hidden 60 is not a multiple of groups 8");
        meta = new LinkedHashMap<>(SMALL.toMetadata());
        meta.put("gfpose.model", "NCSNpp");
        fails(edited(meta, ts -> { }), "metadata 'gfpose.model' is 'NCSNpp', expected 'ScoreModelFC_Adv'");
    }

    @Test
    void integerTensor() throws Exception {
        Path f = edited(SMALL.toMetadata(), ts -> { });
        byte[] b = Files.readAllBytes(f);
        String all = new String(b, StandardCharsets.ISO_8859_1);
        int at = all.indexOf("\"F32\""); // the first tensor in the header: pre_dense.weight
        b[at + 1] = 'I'; // F32 -> I32: same size, so the header stays valid
        Files.write(f, b);
        fails(f, "tensor 'pre_dense.weight' has dtype I32, expected F32, F16 or BF16");
    }

    @Test
    void saveReplacesAnExistingFile() {
        Path f = dir.resolve("model.safetensors");
        net.save(f);
        ScoreNet.random(SMALL, 12).save(f); // replaced atomically
        assertThat(ScoreNet.load(f).parameters().get("post_dense.bias")).isEqualTo(ScoreNet.random(SMALL, 12).parameters().get("post_dense.bias"));
    }
}
