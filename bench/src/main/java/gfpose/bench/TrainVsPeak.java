package gfpose.bench;

import gfpose.nn.ModelConfig;
import gfpose.train.SyntheticSource;
import gfpose.train.TrainConfig;
import gfpose.train.Trainer;
import java.util.Locale;

/**
 * A training step's share of the FMA peak on a noisy machine: each round runs PeakBench's FMA chains on every
 * thread for about 0.3 s, one {@code TrainStepBench} step, and the chains again, and reports the step's GFLOP/s
 * over the mean of the two peaks around it. The median of those ratios is the figure; {@code TrainStepBench} and
 * {@code PeakBench} run minutes apart, when the neighbours' load may differ.
 * Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar gfpose.bench.TrainVsPeak THREADS [ROUNDS] [HIDDEN]}
 */
public final class TrainVsPeak {
    private TrainVsPeak() {}

    private static volatile float sink;

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: TrainVsPeak THREADS [ROUNDS] [HIDDEN]");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        ModelConfig model = TrainStepBench.model(hidden);
        double flop = 3.0 * ScoreNetLayout.flopsPerRow(model) * TrainStepBench.BATCH;
        TrainConfig cfg = TrainConfig.defaults(model).withBatch(TrainStepBench.BATCH).withSeed(1);
        try (Trainer trainer = Trainer.create(cfg, new SyntheticSource(20_000, 7), threads)) {
            for (int i = 0; i < 3; i++) trainer.step();
            peak(threads, 1000);
            double[] step = new double[rounds], peak = new double[rounds], ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double before = peak(threads, 300);
                long t0 = System.nanoTime();
                trainer.step();
                long t1 = System.nanoTime();
                double after = peak(threads, 300);
                step[r] = flop / (t1 - t0);
                peak[r] = (before + after) / 2;
                ratio[r] = step[r] / peak[r];
            }
            System.out.printf(Locale.ROOT, "hidden %d, batch %d, %d threads, %d rounds: step median %.1f best %.1f GFLOP/s"
                    + " (median %.0f ms) | peak median %.1f GFLOP/s | step/peak median of rounds %.1f %% (quartiles %.1f-%.1f %%)%n",
                    hidden, TrainStepBench.BATCH, threads, rounds, BenchSupport.median(step), BenchSupport.max(step),
                    flop / BenchSupport.median(step) / 1e6, BenchSupport.median(peak), 100 * BenchSupport.median(ratio),
                    100 * BenchSupport.quantile(ratio, 0.25), 100 * BenchSupport.quantile(ratio, 0.75));
        }
    }

    /** GFLOP/s of {@code threads} threads running PeakBench's FMA chains for about {@code millis} ms. */
    private static double peak(int threads, long millis) throws InterruptedException {
        long[] calls = new long[threads];
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime(), end = t0 + millis * 1_000_000L;
        for (int i = 0; i < threads; i++) {
            int id = i;
            ts[i] = new Thread(() -> {
                float s = 0;
                long n = 0;
                while (System.nanoTime() < end) { s += PeakBench.chainsPreferred(1e-3f, 1e-3f); n++; }
                calls[id] = n;
                sink = s;
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        long total = 0;
        for (long c : calls) total += c;
        return (double) total * PeakBench.FLOP / (System.nanoTime() - t0);
    }
}
