package gfpose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's unit conversions and ratios on a hand-made JMH result file. */
class ReportTest {
    private static String result(String bench, String params, double score, String unit) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"gfpose.bench." + bench + "\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"forks\":2,\"jdkVersion\":\"17\",\"vmName\":\"VM\",\"vmVersion\":\"1\",\"jvmArgs\":[],"
                + "\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\","
                + "\"scoreUnit\":\"" + unit + "\"},\"secondaryMetrics\":{}}";
    }

    @Test
    void computesGflopsPercentOfPeakAndRatios() {
        long fpr = ScoreNetLayout.flopsPerRow(gfpose.nn.ModelConfig.GFPOSE);
        // 12,504,627 parameters minus 27,187 biases and GroupNorm gamma/beta, two FLOPs per weight
        assertThat(fpr).isEqualTo(2L * (12_504_627 - 27_187));
        double oursCalls = 100e9 / (fpr * 200.0); // 100 GFLOP/s at batch 200
        String json = "[" + String.join(",",
                result("PeakBench.fma", "", 200, "ops/ns"),
                result("ForwardBench.ours", "\"batch\":\"200\",\"threads\":\"1\"", oursCalls, "ops/s"),
                result("ForwardBench.ort", "\"batch\":\"200\",\"threads\":\"1\"", oursCalls / 2, "ops/s"),
                result("EndToEndBench.generate", "\"generateSteps\":\"20\",\"threads\":\"1\"", 2.5, "s/op"),
                result("TrainStepBench.step", "\"hidden\":\"1024\",\"threads\":\"1\"", 3 * fpr * 1000 / 100e6, "ms/op")) + "]";
        String md = new Report().render(json, "test.json");
        assertThat(md).contains("| fma | 200 |");
        assertThat(md).contains("| 200 | 1 | 100 | 50% | 50.0 | 25% | 2.00× |");
        assertThat(md).contains("| generate 1000 | 1000 | 20 | 1 | 2.50 | 400 | 8000 |");
        // a step of 3 x 1000 rows' forward FLOPs at 100 GFLOP/s
        double ms = 3 * fpr * 1000 / 100e6;
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| 1024 | 1 | %.0f | %.0f | 100 | 50%% |", ms, 1e6 / ms));
    }
}
