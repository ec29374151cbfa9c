package gfpose.bench;

import gfpose.io.Json;
import gfpose.nn.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns one JMH JSON result file ({@code -rf json}) into the Markdown tables of BENCHMARKS.md. Every ratio
 * and percentage is computed within that one file (same machine, same run).
 * Usage: {@code java [--add-modules=jdk.incubator.vector] -cp benchmarks.jar gfpose.bench.Report results.json [out.md]}
 */
public final class Report {
    private static final String P = "gfpose.bench.";
    private static final long FLOP_PER_ROW = ScoreNetLayout.flopsPerRow(ModelConfig.GFPOSE);

    /** One JMH result: class.method, params, score in ops per second (and its error). */
    record Result(String bench, Map<String, String> params, double opsPerSec, double errPerSec) {
        String p(String k) { return params.getOrDefault(k, ""); }
    }

    private final List<Result> results = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();
    private double peak1 = Double.NaN, peakAll = Double.NaN;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Report <jmh-results.json> [out.md]");
            System.exit(2);
        }
        Report r = new Report();
        String out = r.render(Files.readString(Path.of(args[0])), args[0]);
        if (args.length > 1) Files.writeString(Path.of(args[1]), out);
        else System.out.print(out);
    }

    @SuppressWarnings("unchecked")
    String render(String json, String source) {
        List<Object> runs = (List<Object>) Json.parse(json, source);
        String jdk = "?", vm = "?", args = "";
        for (Object o : runs) {
            Map<String, Object> m = (Map<String, Object>) o;
            jdk = String.valueOf(m.get("jdkVersion"));
            vm = m.get("vmName") + " " + m.get("vmVersion");
            args = String.valueOf(m.get("jvmArgs"));
            Map<String, String> params = new LinkedHashMap<>();
            Object ps = m.get("params");
            if (ps instanceof Map) ((Map<String, Object>) ps).forEach((k, v) -> params.put(k, String.valueOf(v)));
            Map<String, Object> pm = (Map<String, Object>) m.get("primaryMetric");
            double score = num(pm.get("score")), err = num(pm.get("scoreError"));
            double f = toOpsPerSec((String) pm.get("scoreUnit"));
            boolean inverse = ((String) pm.get("scoreUnit")).endsWith("/op");
            double ops = inverse ? f / score : score * f;
            // error of 1/score to first order: err/score relative
            double opsErr = Double.isNaN(err) ? Double.NaN : inverse ? ops * err / score : err * f;
            String bench = ((String) m.get("benchmark")).replace(P, "");
            results.add(new Result(bench, params, ops, opsErr));
        }
        peak1 = gflopOf(find(r -> r.bench.equals("PeakBench.fma")), 1);
        peakAll = gflopOf(find(r -> r.bench.equals("PeakBench.fmaAllThreads")), 1);

        md.append("JDK ").append(jdk).append(" (").append(vm).append("), JVM args `").append(args).append("`, ")
          .append(Runtime.getRuntime().availableProcessors()).append(" processors on the report machine, ")
          .append(VectorWidth.describe()).append(".\n\n");
        peak();
        gemm();
        forward();
        endToEnd();
        train();
        return md.toString();
    }

    private void peak() {
        md.append("### Peak (Vector API FMA, no memory traffic)\n\n| benchmark | GFLOP/s |\n|---|---|\n");
        for (String b : List.of("fma", "fma256", "fmaAllThreads")) {
            Result r = find(x -> x.bench.equals("PeakBench." + b));
            md.append("| ").append(b).append(" | ").append(r == null ? "—" : pm(gflopOf(r, 1), r.errPerSec * 1e-9)).append(" |\n");
        }
        md.append('\n');
    }

    private void gemm() {
        md.append("### GEMM `y = x Wᵀ + b` (GFLOP/s; % of the peak for the same thread count)\n\n")
          .append("| shape in→out | batch | threads | packed | % of peak | scalar | EJML | packed / scalar | packed / EJML |\n")
          .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (!r.bench.equals("GemmBench.packed")) continue;
            String[] io = r.p("shape").split("to");
            double flop = 2.0 * Long.parseLong(r.p("batch")) * Long.parseLong(io[0]) * Long.parseLong(io[1]);
            double g = gflopOf(r, flop);
            double s = gflopOf(twin(r, "GemmBench.scalar"), flop), e = gflopOf(twin(r, "GemmBench.ejml"), flop);
            row(io[0] + "→" + io[1], r.p("batch"), r.p("threads"), pm(g, r.errPerSec * flop * 1e-9), pct(g, r.p("threads")),
                    f(s), f(e), ratio(g, s), ratio(g, e));
        }
        md.append('\n');
    }

    private void forward() {
        md.append("### Score-network forward (").append(String.format(Locale.ROOT, "%.1f", FLOP_PER_ROW / 1e6))
          .append(" MFLOP per row), ours vs ONNX Runtime\n\n")
          .append("| batch | threads | ours GFLOP/s | % of peak | ORT GFLOP/s | % of peak | ours / ORT | ours rows/s |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (!r.bench.equals("ForwardBench.ours")) continue;
            double flop = (double) FLOP_PER_ROW * Long.parseLong(r.p("batch"));
            double g = gflopOf(r, flop), o = gflopOf(twin(r, "ForwardBench.ort"), flop);
            row(r.p("batch"), r.p("threads"), pm(g, r.errPerSec * flop * 1e-9), pct(g, r.p("threads")), f(o),
                    pct(o, r.p("threads")), ratio(g, o), f(r.opsPerSec * Long.parseLong(r.p("batch"))));
        }
        md.append('\n');
    }

    private void endToEnd() {
        // Samplers share t across rows, so the network skips the per-row time projections: the GFLOP/s column counts
        // the full per-row FLOPs (work a per-row implementation would do), hence "equivalent", with no % of peak.
        md.append("### End to end (deterministic sampler)\n\n")
          .append("| task | rows | steps | threads | s/op | poses/s | rows×steps/s | equivalent GFLOP/s |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            boolean est = r.bench.equals("EndToEndBench.estimate");
            if (!est && !r.bench.equals("EndToEndBench.generate")) continue;
            long rows = est ? EndToEndBench.HYPOTHESES : EndToEndBench.POSES, poses = est ? 1 : EndToEndBench.POSES;
            long steps = Long.parseLong(r.p(est ? "estimateSteps" : "generateSteps"));
            double g = gflopOf(r, (double) FLOP_PER_ROW * rows * steps);
            row(est ? "estimate 1 pose × " + rows + " hyp." : "generate " + poses, Long.toString(rows), Long.toString(steps),
                    r.p("threads"), String.format(Locale.ROOT, "%.2f", 1 / r.opsPerSec), f(poses * r.opsPerSec),
                    f(rows * steps * r.opsPerSec), f(g));
        }
        md.append('\n');
    }

    private void train() {
        md.append("### Training step (batch ").append(TrainStepBench.BATCH)
          .append("; forward + input gradient + weight gradient = 3 x the forward's FLOPs per sample)\n\n")
          .append("| hidden | threads | ms/step | samples/s | GFLOP/s | % of peak |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (!r.bench.equals("TrainStepBench.step")) continue;
            int hidden = Integer.parseInt(r.p("hidden"));
            double flop = 3.0 * ScoreNetLayout.flopsPerRow(TrainStepBench.model(hidden)) * TrainStepBench.BATCH;
            double g = gflopOf(r, flop), ms = 1e3 / r.opsPerSec, msErr = ms * r.errPerSec / r.opsPerSec;
            row(Integer.toString(hidden), r.p("threads"), pm(ms, msErr), f(TrainStepBench.BATCH * r.opsPerSec), f(g),
                    pct(g, r.p("threads")));
        }
        md.append('\n');
    }

    private Result find(Predicate<Result> p) {
        for (Result r : results) if (p.test(r)) return r;
        return null;
    }

    /** The result of another method with the same params. */
    private Result twin(Result r, String bench) { return find(x -> x.bench.equals(bench) && x.params.equals(r.params)); }

    private static double gflopOf(Result r, double flopPerOp) { return r == null ? Double.NaN : r.opsPerSec * flopPerOp * 1e-9; }

    private String pct(double g, String threads) {
        double peak = "1".equals(threads) ? peak1 : peakAll;
        return Double.isNaN(g) || Double.isNaN(peak) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * g / peak);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "—" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static String f(double v) {
        if (Double.isNaN(v)) return "—";
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String pm(double v, double e) { return Double.isNaN(e) || Double.isNaN(v) ? f(v) : f(v) + " ± " + f(e); }

    private void row(String... cells) { md.append("| ").append(String.join(" | ", cells)).append(" |\n"); }

    private static double num(Object o) {
        if (o instanceof Number) return ((Number) o).doubleValue();
        return Double.NaN; // JMH writes "NaN" as a string when there is no error estimate
    }

    private static double toOpsPerSec(String unit) {
        String u = unit.replace("ops/", "").replace("/op", "");
        switch (u) {
            case "ns": return 1e9;
            case "us": return 1e6;
            case "ms": return 1e3;
            case "s": return 1;
            case "min": return 1 / 60.0;
            default: throw new IllegalArgumentException("unknown JMH unit " + unit);
        }
    }
}
