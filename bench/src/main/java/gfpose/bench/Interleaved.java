package gfpose.bench;

import gfpose.bench.onnx.ScoreNetOnnx;
import gfpose.kernel.Gemm;
import gfpose.kernel.ThreadPool;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.util.Locale;
import java.util.Map;

/**
 * Ours against ONNX Runtime on a noisy machine: the two alternate every round (about 0.3 s each), so both see
 * the same interference, and the median of the per-round ratios is reported beside each side's median and best.
 * A supplement to {@code ForwardBench}, whose runs of the two are minutes apart. With more than one thread ORT's idle
 * intra-op threads are told not to spin: spinning after each run would take the cores from ours in the next half-round.
 * Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar gfpose.bench.Interleaved BATCH [ROUNDS [THREADS [HIDDEN]]]}
 * (HIDDEN 1024 = GFPose's width, the default; 512 = the shipped model's, embedding half the width either way).
 */
public final class Interleaved {
    private Interleaved() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: Interleaved BATCH [ROUNDS [THREADS [HIDDEN]]]");
            System.exit(2);
        }
        int batch = Integer.parseInt(args[0]), threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int hidden = args.length > 3 ? Integer.parseInt(args[3]) : ModelConfig.GFPOSE.hidden();
        ModelConfig c = ModelConfig.of(hidden, hidden / 2, ModelConfig.GFPOSE.blocks(), ModelConfig.GFPOSE.groups());
        Gemm.warmUp();
        Map<String, float[]> w = ScoreNetLayout.randomWeights(c, 2023);
        BenchSupport.Batch in = new BenchSupport.Batch(batch, c.inDim(), 11);
        float[] out = new float[batch * c.inDim()], ref = new float[out.length];
        ScoreNet net = ScoreNet.fromTensors(c, w);
        try (ThreadPool pool = new ThreadPool(threads); OrtScoreNet ort = new OrtScoreNet(ScoreNetOnnx.build(c, w), threads, threads == 1)) {
            ort.bind(in.x, in.tau, in.cond, in.mask, batch);
            ort.run(ref);
            net.forward(in.x, in.tau, in.cond, in.mask, batch, out, pool);
            double err = BenchSupport.relativeError(out, ref, out.length);
            if (!(err <= 1e-4)) throw new IllegalStateException("outputs differ: relative error " + err);
            double flop = (double) ScoreNetLayout.flopsPerRow(c) * batch;
            // about 0.3 s per side at 60 GFLOP/s (this read 15e9 / flop / 60 until 2026-11-27: one call per side from
            // batch 20 on, so small batches were timed cold, right after the other engine's call)
            int calls = (int) Math.max(1, Math.round(18e9 / flop));
            double[] ours = new double[rounds], peer = new double[rounds], ratio = new double[rounds];
            for (int r = -3; r < rounds; r++) { // three rounds of warm-up
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) net.forward(in.x, in.tau, in.cond, in.mask, batch, out, pool);
                long t1 = System.nanoTime();
                for (int i = 0; i < calls; i++) ort.run(out);
                long t2 = System.nanoTime();
                if (r < 0) continue;
                ours[r] = flop * calls / (t1 - t0);
                peer[r] = flop * calls / (t2 - t1);
                ratio[r] = ours[r] / peer[r];
            }
            System.out.printf(Locale.ROOT, "hidden %d, batch %d, %d thread(s), tile %s, %d rounds: ours median %.1f best %.1f GFLOP/s | ORT median %.1f"
                    + " best %.1f GFLOP/s | ours/ORT median of rounds %.2f (quartiles %.2f-%.2f)%n", hidden, batch, threads, System.getProperty("gfpose.gemm.tile", "default"), rounds,
                    BenchSupport.median(ours), BenchSupport.max(ours), BenchSupport.median(peer), BenchSupport.max(peer),
                    BenchSupport.median(ratio), BenchSupport.quantile(ratio, 0.25), BenchSupport.quantile(ratio, 0.75));
        }
        OrtScoreNet.cleanTempDirs();
    }
}
