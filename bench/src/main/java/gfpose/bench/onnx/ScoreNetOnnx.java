package gfpose.bench.onnx;

import static gfpose.bench.onnx.OnnxGraph.FLOAT;
import static gfpose.bench.onnx.OnnxGraph.attr;

import gfpose.bench.ScoreNetLayout;
import gfpose.nn.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code ScoreModelFC_Adv} (eval mode) as an ONNX opset-13 float32 graph, the whole forward pass in
 * standard ops so that a native runtime can run it: inputs {@code x, cond, mask [B, 51]} and {@code tau [B]},
 * output {@code out [B, 51]}. The sinusoidal embedding and the zflag rule are computed in the graph.
 * Parameters become initializers under their {@code state_dict} names.
 */
public final class ScoreNetOnnx {
    public static final int OPSET = 13;

    private final OnnxGraph g = new OnnxGraph("ScoreModelFC_Adv");
    private final ModelConfig c;
    private final Map<String, float[]> w;

    private ScoreNetOnnx(ModelConfig c, Map<String, float[]> w) {
        this.c = c;
        this.w = w;
    }

    /** The serialized model. {@code weights} must hold every tensor of {@link ScoreNetLayout#shapes}; extras are ignored. */
    public static byte[] build(ModelConfig c, Map<String, float[]> weights) {
        if (c.jointDim() != 3 || c.condDim() != 3) {
            throw new IllegalArgumentException("the difference condition x - c needs joint_dim = cond_dim = 3");
        }
        return new ScoreNetOnnx(c, weights).graph();
    }

    public static void write(ModelConfig c, Map<String, float[]> weights, Path file) throws IOException {
        Files.write(file, build(c, weights));
    }

    private byte[] graph() {
        int d = c.inDim(), half = c.embed() / 2;
        g.input("x", FLOAT, "B", (long) d);
        g.input("tau", FLOAT, "B");
        g.input("cond", FLOAT, "B", (long) d);
        g.input("mask", FLOAT, "B", (long) d);
        for (Map.Entry<String, int[]> e : ScoreNetLayout.shapes(c).entrySet()) param(e.getKey(), e.getValue());

        // Time embedding, float32 throughout like get_timestep_embedding: f_k = exp(k * -(ln 10000 / (half-1))).
        float[] k = new float[half];
        for (int i = 0; i < half; i++) k[i] = i;
        g.initializer("const/k", k, 1, half);
        g.initializer("const/neg_log_step", new float[] {(float) -(Math.log(10000) / (half - 1))});
        String freqs = g.op("Exp", in(g.op("Mul", in("const/k", "const/neg_log_step"))));
        g.initializer("const/axis1", new long[] {1}, 1);
        String args = g.op("Mul", in(g.op("Unsqueeze", in("tau", "const/axis1")), freqs));
        String tembRaw = g.op("Concat", in(g.op("Sin", in(args)), g.op("Cos", in(args))), attr("axis", 1L));
        String temb = silu(linear(tembRaw, "shared_time_embed.0"));

        // Difference condition: d = (x - c) with the depth of d zeroed unless sum_j |c_z| > 0, then d * mask.
        float[] zsel = new float[d], notz = new float[d];
        for (int i = 0; i < d; i++) {
            zsel[i] = i % 3 == 2 ? 1f : 0f;
            notz[i] = 1f - zsel[i];
        }
        g.initializer("const/zsel", zsel, d);
        g.initializer("const/notz", notz, d);
        g.initializer("const/zero", new float[] {0f});
        String zsum = g.op("ReduceSum", in(g.op("Mul", in(g.op("Abs", in("cond")), "const/zsel")), "const/axis1"),
                attr("keepdims", 1L));
        String zflag = g.op("Cast", in(g.op("Greater", in(zsum, "const/zero"))), attr("to", (long) FLOAT));
        String keep = g.op("Add", in(g.op("Mul", in(zflag, "const/zsel")), "const/notz"));
        String diff = g.op("Mul", in(g.op("Mul", in(g.op("Sub", in("x", "cond")), keep)), "mask"));
        String cemb = silu(linear(diff, "cond_embed.0"));

        int gs = c.hidden() / c.groups();
        g.initializer("const/gn_shape", new long[] {-1, c.groups(), gs}, 3);
        g.initializer("const/flat_shape", new long[] {-1, c.hidden()}, 2);
        g.initializer("const/gn_ones", fill(c.groups(), 1f), c.groups());
        g.initializer("const/gn_zeros", fill(c.groups(), 0f), c.groups());

        String h = silu(groupNorm(sum3(linear("x", "pre_dense"), linear(temb, "pre_dense_t"), linear(cemb, "pre_dense_cond")), "pre_gnorm"));
        for (int b = 1; b <= c.blocks(); b++) {
            String p = "b" + b + "_";
            String h1 = silu(groupNorm(sum3(linear(h, p + "dense1"), linear(temb, p + "dense1_t"), linear(cemb, p + "dense1_cond")), p + "gnorm1"));
            String h2 = silu(groupNorm(sum3(linear(h1, p + "dense2"), linear(temb, p + "dense2_t"), linear(cemb, p + "dense2_cond")), p + "gnorm2"));
            h = g.op("Add", in(h, h2));
        }
        g.opTo("out", "Gemm", in(h, "post_dense.weight", "post_dense.bias"), attr("transB", 1L));
        g.output("out", FLOAT, "B", (long) d);
        return g.toModel(OPSET, "gfpose-bench");
    }

    private void param(String name, int[] shape) {
        float[] v = w.get(name);
        if (v == null) throw new IllegalArgumentException("weights: missing tensor '" + name + "'");
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) dims[i] = shape[i];
        g.initializer(name, v, dims);
    }

    /** y = x W^T + b with W [out, in] as stored (Gemm transB = 1). */
    private String linear(String x, String layer) {
        return g.op("Gemm", in(x, layer + ".weight", layer + ".bias"), attr("transB", 1L));
    }

    private String silu(String v) { return g.op("Mul", in(v, g.op("Sigmoid", in(v)))); }

    /** Added in the reference's order: (a + b) + c. */
    private String sum3(String a, String b, String cc) { return g.op("Add", in(g.op("Add", in(a, b)), cc)); }

    /** GroupNorm on [B, C]: Reshape [B, G, C/G] -> InstanceNormalization -> Reshape [B, C] -> * gamma + beta. */
    private String groupNorm(String v, String layer) {
        String grouped = g.op("Reshape", in(v, "const/gn_shape"));
        String normed = g.op("InstanceNormalization", in(grouped, "const/gn_ones", "const/gn_zeros"), attr("epsilon", 1e-5f));
        String flat = g.op("Reshape", in(normed, "const/flat_shape"));
        return g.op("Add", in(g.op("Mul", in(flat, layer + ".weight")), layer + ".bias"));
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static String[] in(String... names) { return names; }
}
