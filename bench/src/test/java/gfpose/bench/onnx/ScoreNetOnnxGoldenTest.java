package gfpose.bench.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gfpose.bench.OrtScoreNet;
import gfpose.bench.ScoreNetLayout;
import gfpose.data.DataPaths;
import gfpose.data.Npy;
import gfpose.nn.ModelConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The ONNX file we write, run by ONNX Runtime on the golden weights and inputs, reproduces the reference
 * network's {@code out_eval}. Uses only the .npz reader from core, not our network implementation.
 */
class ScoreNetOnnxGoldenTest {
    @AfterAll
    static void cleanOrtTemp() { OrtScoreNet.cleanTempDirs(); }

    @Test
    void ortOnOurOnnxMatchesGoldenOutEval() throws Exception {
        Path golden = DataPaths.golden();
        assumeTrue(golden != null, "golden archive absent");
        ModelConfig cfg = ModelConfig.GFPOSE;
        Map<String, float[]> w = new HashMap<>();
        float[] x, tau, cond, mask, ref;
        try (Npy.Archive a = Npy.openArchive(golden)) {
            for (Map.Entry<String, int[]> e : ScoreNetLayout.shapes(cfg).entrySet()) {
                assertThat(a.get(e.getKey()).shape()).as(e.getKey()).isEqualTo(e.getValue());
                w.put(e.getKey(), a.get(e.getKey()).toFloats());
            }
            x = a.get("x").toFloats();
            tau = a.get("tau").toFloats();
            cond = a.get("condition").toFloats();
            mask = a.get("mask").toFloats();
            ref = a.get("out_eval").toFloats();
        }
        int rows = tau.length;
        float[] out;
        try (OrtScoreNet ort = new OrtScoreNet(ScoreNetOnnx.build(cfg, w), 1)) {
            out = ort.forward(x, tau, cond, mask, rows);
        }
        double maxDiff = 0, maxRef = 0;
        for (int i = 0; i < ref.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(out[i] - ref[i]));
            maxRef = Math.max(maxRef, Math.abs(ref[i]));
        }
        double rel = maxDiff / maxRef;
        System.out.printf("ONNX Runtime vs golden out_eval: max |diff| %.3g, max |ref| %.3g, relative %.3g%n", maxDiff, maxRef, rel);
        assertThat(rel).isLessThanOrEqualTo(1e-4);
    }
}
