package gfpose.bench.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.bench.BenchSupport;
import gfpose.bench.OrtScoreNet;
import gfpose.bench.ScoreNetLayout;
import gfpose.nn.ModelConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Without the golden archive: a small network written to ONNX and run by ONNX Runtime agrees with a float64
 * transcription of the forward pass (golden README, "Network forward pass") written out in this test.
 */
class ScoreNetOnnxSmallTest {
    static final ModelConfig CFG = ModelConfig.of(64, 16, 2, 8);

    @AfterAll
    static void cleanOrtTemp() { OrtScoreNet.cleanTempDirs(); }

    @Test
    void ortMatchesAFloat64Transcription() {
        Map<String, float[]> w = ScoreNetLayout.randomWeights(CFG, 5);
        int rows = 9; // three rows each of 2-D, 3-D and no condition
        BenchSupport.Batch b = new BenchSupport.Batch(rows, CFG.inDim(), 3);
        java.util.Arrays.fill(b.mask, 0, 51, 1f); // row 0: 2-D condition, depth unmasked, so only zflag zeroes d_z
        float[] out;
        try (OrtScoreNet ort = new OrtScoreNet(ScoreNetOnnx.build(CFG, w), 1)) {
            out = ort.forward(b.x, b.tau, b.cond, b.mask, rows);
        }
        float[] ref = new float[out.length];
        for (int r = 0; r < rows; r++) {
            double[] o = reference(w, slice(b.x, r), b.tau[r], slice(b.cond, r), slice(b.mask, r));
            for (int i = 0; i < o.length; i++) ref[r * 51 + i] = (float) o[i];
        }
        assertThat(BenchSupport.relativeError(out, ref, ref.length)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void modelBytesAreDeterministic() {
        Map<String, float[]> w = ScoreNetLayout.randomWeights(CFG, 1);
        assertThat(ScoreNetOnnx.build(CFG, w)).isEqualTo(ScoreNetOnnx.build(CFG, w));
    }

    private static double[] reference(Map<String, float[]> w, double[] x, float tau, double[] c, double[] mask) {
        int half = CFG.embed() / 2;
        double[] temb = new double[CFG.embed()];
        for (int k = 0; k < half; k++) {
            double f = Math.exp(-k * Math.log(10000) / (half - 1));
            temb[k] = Math.sin(tau * f);
            temb[half + k] = Math.cos(tau * f);
        }
        temb = silu(lin(w, "shared_time_embed.0", temb));
        double zs = 0;
        for (int j = 0; j < 17; j++) zs += Math.abs(c[3 * j + 2]);
        double[] d = new double[51];
        for (int i = 0; i < 51; i++) d[i] = (x[i] - c[i]) * (i % 3 == 2 && zs == 0 ? 0 : 1) * mask[i];
        double[] cemb = silu(lin(w, "cond_embed.0", d));
        double[] h = silu(gn(w, "pre_gnorm", add(lin(w, "pre_dense", x), lin(w, "pre_dense_t", temb), lin(w, "pre_dense_cond", cemb))));
        for (int bl = 1; bl <= CFG.blocks(); bl++) {
            String p = "b" + bl + "_";
            double[] h1 = silu(gn(w, p + "gnorm1", add(lin(w, p + "dense1", h), lin(w, p + "dense1_t", temb), lin(w, p + "dense1_cond", cemb))));
            double[] h2 = silu(gn(w, p + "gnorm2", add(lin(w, p + "dense2", h1), lin(w, p + "dense2_t", temb), lin(w, p + "dense2_cond", cemb))));
            h = add(h, h2, new double[h.length]);
        }
        return lin(w, "post_dense", h);
    }

    private static double[] lin(Map<String, float[]> w, String layer, double[] x) {
        float[] wt = w.get(layer + ".weight"), bias = w.get(layer + ".bias");
        double[] y = new double[bias.length];
        for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) s += wt[o * x.length + i] * x[i];
            y[o] = s;
        }
        return y;
    }

    private static double[] gn(Map<String, float[]> w, String layer, double[] v) {
        float[] g = w.get(layer + ".weight"), be = w.get(layer + ".bias");
        int gs = v.length / CFG.groups();
        double[] y = new double[v.length];
        for (int q = 0; q < CFG.groups(); q++) {
            double m = 0, var = 0;
            for (int i = 0; i < gs; i++) m += v[q * gs + i];
            m /= gs;
            for (int i = 0; i < gs; i++) var += (v[q * gs + i] - m) * (v[q * gs + i] - m);
            var /= gs;
            for (int i = 0; i < gs; i++) {
                int k = q * gs + i;
                y[k] = (v[k] - m) / Math.sqrt(var + 1e-5) * g[k] + be[k];
            }
        }
        return y;
    }

    private static double[] silu(double[] v) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) y[i] = v[i] / (1 + Math.exp(-v[i]));
        return y;
    }

    private static double[] add(double[] a, double[] b, double[] c) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) y[i] = a[i] + b[i] + c[i];
        return y;
    }

    private static double[] slice(float[] a, int r) {
        double[] y = new double[51];
        for (int i = 0; i < 51; i++) y[i] = a[r * 51 + i];
        return y;
    }
}
