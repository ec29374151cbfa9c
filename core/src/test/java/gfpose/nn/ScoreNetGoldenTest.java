package gfpose.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.data.DataPaths;
import gfpose.data.Npy;
import gfpose.data.NpyArray;
import gfpose.kernel.ThreadPool;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement with the official PyTorch ScoreModelFC_Adv on the golden archive (random-init weights, B = 8).
 * Error measure per tensor: relative error = max|ours − ref| / max|ref| (the max over all elements of the tensor,
 * so small elements are judged on the tensor's scale, as float32 rounding is). Bound: 1e-4; the reference's own
 * float32-vs-float64 difference is 2.6e-6 on out_eval.
 */
class ScoreNetGoldenTest {
    static final double TOLERANCE = 1e-4;
    // every layer's output (through the training forward, which caches them and runs the same layer objects)
    static final List<String> ACTIVATIONS = List.of("temb_raw", "act/cond_in", "act/temb", "act/cemb",
            "act/pre_gn", "act/h0", "act/b1_h1", "act/h1", "act/b2_h1", "act/h2");

    static Path golden;
    static ScoreNet net;
    static Map<String, NpyArray> arrays = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        golden = DataPaths.golden();
        if (golden == null) return;
        Map<String, float[]> sd = new LinkedHashMap<>();
        try (Npy.Archive a = Npy.openArchive(golden)) {
            for (ParamSpec s : ScoreNet.parameterSpecs(ModelConfig.GFPOSE)) {
                NpyArray arr = a.get(s.name());
                arrays.put(s.name(), arr);
                sd.put(s.name(), arr.toFloats());
            }
            sd.put("sigmas", a.get("sigmas").toFloats()); // present in every checkpoint; must be ignored
            for (String n : List.of("x", "tau", "condition", "mask", "out_eval")) arrays.put(n, a.get(n));
            for (String n : ACTIVATIONS) arrays.put(n, a.get(n));
        }
        net = ScoreNet.fromTensors(ModelConfig.GFPOSE, sd);
    }

    static float[] f(String name) { return arrays.get(name).toFloats(); }

    /** max|a − b| / max|b|. */
    static double relativeError(float[] ours, float[] ref) {
        assertThat(ours).hasSameSizeAs(ref);
        double diff = 0, scale = 0;
        for (int i = 0; i < ref.length; i++) {
            diff = Math.max(diff, Math.abs((double) ours[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    @Test
    void parameterSpecsMatchTheStateDict() {
        Assumptions.assumeTrue(golden != null, "golden tensors not available");
        List<ParamSpec> specs = ScoreNet.parameterSpecs(ModelConfig.GFPOSE);
        assertThat(specs).hasSize(46);
        for (ParamSpec s : specs) {
            assertThat(arrays.get(s.name()).shape()).as(s.name()).isEqualTo(s.shape());
        }
        assertThat(net.parameterCount()).isEqualTo(12_504_627L);
        assertThat(net.parameters().keySet()).containsExactlyElementsOf(specs.stream().map(ParamSpec::name).toList());
    }

    @Test
    void activationsAndOutputMatchPyTorch() {
        Assumptions.assumeTrue(golden != null, "golden tensors not available");
        Map<String, float[]> trace = TrainNet.of(net).activations(f("x"), f("tau"), f("condition"), f("mask"), 8);
        StringBuilder report = new StringBuilder();
        for (String n : ACTIVATIONS) {
            double e = relativeError(trace.get(n), f(n));
            report.append(String.format("%s %.2e%n", n, e));
            assertThat(e).as(n).isLessThanOrEqualTo(TOLERANCE);
        }
        double t = relativeError(trace.get("out"), f("out_eval"));
        report.append(String.format("out_eval (training forward) %.2e%n", t));
        assertThat(t).as("out_eval, training forward").isLessThanOrEqualTo(TOLERANCE);
        float[] out = new float[8 * 51];
        net.forward(f("x"), f("tau"), f("condition"), f("mask"), 8, out, null);
        double e = relativeError(out, f("out_eval"));
        report.append(String.format("out_eval %.2e%n", e));
        System.out.print("golden relative errors:\n" + report);
        assertThat(e).as("out_eval").isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void fullSizeSafetensorsRoundTrip(@TempDir Path dir) {
        Assumptions.assumeTrue(golden != null, "golden tensors not available");
        Path f = dir.resolve("model.safetensors");
        net.save(f);
        ScoreNet back = ScoreNet.load(f);
        assertThat(back.config()).isEqualTo(ModelConfig.GFPOSE);
        float[] a = new float[8 * 51], b = new float[8 * 51];
        net.forward(f("x"), f("tau"), f("condition"), f("mask"), 8, a, null);
        back.forward(f("x"), f("tau"), f("condition"), f("mask"), 8, b, null);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void pooledForwardEqualsTheSingleThreadedOne() {
        Assumptions.assumeTrue(golden != null, "golden tensors not available");
        float[] out = new float[8 * 51];
        try (ThreadPool pool = new ThreadPool(2)) {
            net.forward(f("x"), f("tau"), f("condition"), f("mask"), 8, out, pool);
        }
        float[] one = new float[8 * 51];
        net.forward(f("x"), f("tau"), f("condition"), f("mask"), 8, one, null);
        assertThat(out).isEqualTo(one);
        assertThat(relativeError(out, f("out_eval"))).isLessThanOrEqualTo(TOLERANCE);
    }
}
