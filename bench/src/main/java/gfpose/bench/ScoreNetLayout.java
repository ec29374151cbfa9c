package gfpose.bench;

import gfpose.nn.ModelConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable tensors of {@code ScoreModelFC_Adv} in PyTorch {@code state_dict} order and names (the
 * {@code sigmas} buffer is left out: the forward pass never reads it). Written from gfpose.md section 1.2 so the
 * benchmarks and the ONNX writer do not depend on the network implementation under test.
 */
public final class ScoreNetLayout {
    private ScoreNetLayout() {}

    /** name -> shape ([out, in] for Linear weights, [C] for biases and GroupNorm gamma/beta). */
    public static Map<String, int[]> shapes(ModelConfig c) {
        Map<String, int[]> m = new LinkedHashMap<>();
        int h = c.hidden(), e = c.embed();
        linear(m, "pre_dense", c.inDim(), h);
        linear(m, "pre_dense_t", e, h);
        linear(m, "pre_dense_cond", h, h);
        norm(m, "pre_gnorm", h);
        linear(m, "shared_time_embed.0", e, e);
        linear(m, "cond_embed.0", c.condIn(), h);
        for (int b = 1; b <= c.blocks(); b++) {
            for (int s = 1; s <= 2; s++) {
                String p = "b" + b + "_dense" + s;
                linear(m, p, h, h);
                linear(m, p + "_t", e, h);
                linear(m, p + "_cond", h, h);
                norm(m, "b" + b + "_gnorm" + s, h);
            }
        }
        linear(m, "post_dense", h, c.inDim());
        return Collections.unmodifiableMap(m);
    }

    /** Multiply-adds x 2 per row of one forward pass (the Linear layers; GroupNorm and SiLU are O(hidden)). */
    public static long flopsPerRow(ModelConfig c) {
        long macs = 0;
        for (Map.Entry<String, int[]> en : shapes(c).entrySet()) {
            int[] s = en.getValue();
            if (s.length == 2) macs += (long) s[0] * s[1];
        }
        return 2 * macs;
    }

    /**
     * Random weights shaped like PyTorch's default init (W, b ~ U(+-1/sqrt(in))); GroupNorm gamma and beta are
     * perturbed away from 1 and 0 so that a forward check also exercises the affine part.
     */
    public static Map<String, float[]> randomWeights(ModelConfig c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, float[]> w = new LinkedHashMap<>();
        Map<String, int[]> shapes = shapes(c);
        for (Map.Entry<String, int[]> en : shapes.entrySet()) {
            String name = en.getKey();
            int[] s = en.getValue();
            float[] v = new float[s.length == 2 ? s[0] * s[1] : s[0]];
            if (name.contains("gnorm")) {
                float base = name.endsWith(".weight") ? 1f : 0f;
                for (int i = 0; i < v.length; i++) v[i] = base + (float) (0.2 * r.nextDouble() - 0.1);
            } else {
                String wName = name.endsWith(".bias") ? name.substring(0, name.length() - 5) + ".weight" : name;
                double bound = 1 / Math.sqrt(shapes.get(wName)[1]);
                for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
            }
            w.put(name, v);
        }
        return w;
    }

    private static void linear(Map<String, int[]> m, String p, int in, int out) {
        m.put(p + ".weight", new int[] {out, in});
        m.put(p + ".bias", new int[] {out});
    }

    private static void norm(Map<String, int[]> m, String p, int c) {
        m.put(p + ".weight", new int[] {c});
        m.put(p + ".bias", new int[] {c});
    }
}
