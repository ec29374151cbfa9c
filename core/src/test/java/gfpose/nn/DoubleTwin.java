package gfpose.nn;

import java.util.HashMap;
import java.util.Map;

/** A float64 transcription of the train-mode loss, written from the spec independently of {@link TrainNet}. */
final class DoubleTwin {
    final double[][] p;
    private final Map<String, Integer> idx = new HashMap<>();
    private final ModelConfig c;
    private final TrainNetGradTest.Batch b;
    private final float[][] drop;
    private final float[] tembRaw;

    DoubleTwin(ModelConfig c, float[][] params, TrainNetGradTest.Batch b, float[][] drop) {
        this.c = c;
        this.b = b;
        this.drop = drop;
        p = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            p[i] = new double[params[i].length];
            for (int k = 0; k < params[i].length; k++) p[i][k] = params[i][k];
            idx.put(ScoreNet.parameterSpecs(c).get(i).name(), i);
        }
        // the sinusoid has no parameters: its float32 value is the input here
        tembRaw = new float[b.rows * c.embed()];
        new TimeEmbedding(c.embed()).forward(b.tau, 0, b.rows, tembRaw, 0);
    }

    private double[] linear(String name, double[] x, int out) {
        double[] w = p[idx.get(name + ".weight")], bias = p[idx.get(name + ".bias")];
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) s += w[o * x.length + i] * x[i];
            y[o] = s;
        }
        return y;
    }

    private static double silu(double v) { return v / (1 + Math.exp(-v)); }

    private double[] sub(String dense, String norm, double[] in, double[] temb, double[] cemb, int s, int row) {
        int h = c.hidden(), size = h / c.groups();
        double[] a = linear(dense, in, h), t = linear(dense + "_t", temb, h), k = linear(dense + "_cond", cemb, h);
        double[] g = p[idx.get(norm + ".weight")], be = p[idx.get(norm + ".bias")];
        double[] y = new double[h];
        for (int gr = 0; gr < c.groups(); gr++) {
            double mean = 0, var = 0;
            for (int i = gr * size; i < (gr + 1) * size; i++) mean += a[i] + t[i] + k[i];
            mean /= size;
            for (int i = gr * size; i < (gr + 1) * size; i++) { double d = a[i] + t[i] + k[i] - mean; var += d * d; }
            var /= size;
            for (int i = gr * size; i < (gr + 1) * size; i++) {
                double n = (a[i] + t[i] + k[i] - mean) / Math.sqrt(var + 1e-5) * g[i] + be[i];
                y[i] = silu(n) * drop[s][row * h + i];
            }
        }
        return y;
    }

    double loss() {
        double total = 0;
        for (int r = 0; r < b.rows; r++) {
            double[] x = new double[51], d = new double[51], raw = new double[c.embed()];
            boolean is3d = false;
            for (int j = 0; j < 17; j++) is3d |= b.cond[r * 51 + 3 * j + 2] != 0;
            for (int i = 0; i < 51; i++) {
                x[i] = b.x[r * 51 + i];
                d[i] = (i % 3 == 2 && !is3d) ? 0 : (x[i] - b.cond[r * 51 + i]) * b.mask[r * 51 + i];
            }
            for (int i = 0; i < raw.length; i++) raw[i] = tembRaw[r * c.embed() + i];
            double[] temb = linear("shared_time_embed.0", raw, c.embed());
            for (int i = 0; i < temb.length; i++) temb[i] = silu(temb[i]);
            double[] cemb = linear("cond_embed.0", d, c.hidden());
            for (int i = 0; i < cemb.length; i++) cemb[i] = silu(cemb[i]);
            double[] h = sub("pre_dense", "pre_gnorm", x, temb, cemb, 0, r);
            for (int bl = 1; bl <= c.blocks(); bl++) {
                double[] h1 = sub("b" + bl + "_dense1", "b" + bl + "_gnorm1", h, temb, cemb, 2 * bl - 1, r);
                double[] h2 = sub("b" + bl + "_dense2", "b" + bl + "_gnorm2", h1, temb, cemb, 2 * bl, r);
                for (int i = 0; i < h.length; i++) h[i] += h2[i];
            }
            double[] out = linear("post_dense", h, 51);
            for (int i = 0; i < 51; i++) { double e = out[i] - b.z[r * 51 + i]; total += 0.5 * e * e; }
        }
        return total / b.rows;
    }
}
