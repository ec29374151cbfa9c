package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.Golden;
import gfpose.data.Npy;
import gfpose.nn.ModelConfig;
import gfpose.nn.ParamSpec;
import gfpose.nn.TrainNet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loss and gradients of the official code (dropout and random masking off) on the golden batch. */
class GoldenGradTest {
    @Test
    void matchesReferenceLossAndGradients() throws Exception {
        try (Npy.Archive a = Golden.archive()) {
            ModelConfig cfg = ModelConfig.GFPOSE;
            List<ParamSpec> specs = gfpose.nn.ScoreNet.parameterSpecs(cfg);
            Map<String, float[]> p = new HashMap<>();
            for (ParamSpec s : specs) p.put(s.name(), a.get(s.name()).toFloats());
            TrainNet net = TrainNet.fromTensors(cfg, p);
            float[] x0 = a.get("loss_x0").toFloats(), t = a.get("loss_t").toFloats(), z = a.get("loss_z").toFloats();
            float[] cond = a.get("loss_condition").toFloats(), mask = a.get("loss_mask").toFloats();
            int rows = t.length, D = 51;
            float[] xt = new float[rows * D], tau = new float[rows];
            for (int r = 0; r < rows; r++) {
                float m = SubVp.mean(t[r]), sd = SubVp.std(t[r]);
                tau[r] = SubVp.TIME_SCALE * t[r];
                for (int i = 0; i < D; i++) xt[r * D + i] = m * x0[r * D + i] + sd * z[r * D + i];
            }
            assertThat(Golden.relativeError(xt, a.get("loss_perturbed").toFloats())).isLessThan(1e-6);
            float[] perRow = new float[rows];
            double loss = net.lossAndGradient(xt, tau, cond, mask, z, rows, 0f, null, perRow, null);
            float refLoss = (float) a.get("loss_value").scalar();
            StringBuilder report = new StringBuilder();
            double lossErr = Math.abs(loss - refLoss) / Math.abs(refLoss);
            report.append(String.format("loss %.8f ref %.8f rel %.2e%n", loss, refLoss, lossErr));
            assertThat(lossErr).isLessThan(1e-4);
            double e = Golden.relativeError(perRow, a.get("loss_per_sample").toFloats());
            report.append(String.format("loss_per_sample %.2e%n", e));
            assertThat(e).isLessThan(1e-4);
            float[][] g = net.gradientArrays();
            double worst = 0, sumSq = 0;
            for (int i = 0; i < specs.size(); i++) {
                String name = specs.get(i).name();
                double n2 = 0;
                for (float v : g[i]) n2 += (double) v * v;
                sumSq += n2;
                if (a.contains("grad/" + name)) {
                    e = Golden.relativeError(g[i], a.get("grad/" + name).toFloats());
                    report.append(String.format("grad/%s %.2e%n", name, e));
                    worst = Math.max(worst, e);
                    assertThat(e).as("grad/" + name).isLessThan(1e-4);
                }
                if (a.contains("gradrows/" + name)) {
                    float[] ref = a.get("gradrows/" + name).toFloats();
                    e = Golden.relativeError(java.util.Arrays.copyOf(g[i], ref.length), ref);
                    report.append(String.format("gradrows/%s %.2e%n", name, e));
                    worst = Math.max(worst, e);
                    assertThat(e).as("gradrows/" + name).isLessThan(1e-4);
                }
                double[] st = a.get("gradstat/" + name).toDoubles();
                double sum = 0, max = 0;
                for (float v : g[i]) { sum += v; max = Math.max(max, Math.abs(v)); }
                // the sum cancels, so compare it on the scale of the L1-ish magnitude: L2 norm × √n
                double sumScale = st[1] * Math.sqrt(g[i].length);
                double eStat = Math.max(Math.abs(sum - st[0]) / sumScale,
                        Math.max(Math.abs(Math.sqrt(n2) - st[1]) / st[1], Math.abs(max - st[2]) / st[2]));
                report.append(String.format("gradstat/%s %.2e%n", name, eStat));
                worst = Math.max(worst, eStat);
                assertThat(eStat).as("gradstat/" + name).isLessThan(1e-4);
            }
            float refNorm = (float) a.get("grad_global_norm").scalar();
            e = Math.abs(Math.sqrt(sumSq) - refNorm) / refNorm;
            report.append(String.format("grad_global_norm %.6f ref %.6f rel %.2e; worst tensor %.2e%n", Math.sqrt(sumSq), refNorm, e, worst));
            System.out.print(report);
            assertThat(e).isLessThan(1e-4);
        }
    }
}
