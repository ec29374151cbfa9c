package gfpose.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of {@code gfpose-core} in one JVM, each in a class loader of its own, timed call by call in alternation
 * (A first in even rounds, B first in odd ones): the median of the per-round time ratios A/B. On a shared machine
 * whose speed drifts by tens of percent within minutes, runs in separate processes minutes apart compare the
 * neighbours as much as the code; here both see the same moment. Modes: {@code train} times one optimiser step at
 * batch 1000 ({@code TrainStepBench}'s model), {@code forward} one score-net forward of BATCH rows.
 * Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar gfpose.bench.JarAB train|forward
 * CORE_A.jar CORE_B.jar THREADS HIDDEN ROUNDS [BATCH]}
 */
public final class JarAB {
    private JarAB() {}

    /** One build's callable (a training step or a forward pass, set up through its own classes) and what frees its threads. */
    private record Build(Object target, Method call, Object[] args, AutoCloseable threads) {
        void run() throws Exception { call.invoke(target, args); }
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 6 || !(a[0].equals("train") || a[0].equals("forward"))) {
            System.err.println("usage: JarAB train|forward CORE_A.jar CORE_B.jar THREADS HIDDEN ROUNDS [BATCH]");
            System.exit(2);
        }
        boolean train = a[0].equals("train");
        int threads = Integer.parseInt(a[3]), hidden = Integer.parseInt(a[4]), rounds = Integer.parseInt(a[5]);
        int batch = a.length > 6 ? Integer.parseInt(a[6]) : TrainStepBench.BATCH;
        Build x = build(a[1], train, threads, hidden, batch), y = build(a[2], train, threads, hidden, batch);
        for (int i = 0; i < 3; i++) { x.run(); y.run(); }
        double[] ta = new double[rounds], tb = new double[rounds], ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Build first = r % 2 == 0 ? x : y, second = first == x ? y : x;
            long t0 = System.nanoTime();
            first.run();
            long t1 = System.nanoTime();
            second.run();
            long t2 = System.nanoTime();
            ta[r] = (first == x ? t1 - t0 : t2 - t1) / 1e6;
            tb[r] = (first == x ? t2 - t1 : t1 - t0) / 1e6;
            ratio[r] = ta[r] / tb[r];
        }
        System.out.printf(Locale.ROOT, "%s hidden %d batch %d, %d threads, %d rounds: A median %.1f ms, B median %.1f ms,"
                        + " time A/B median of rounds %.3f (quartiles %.3f-%.3f)%n", a[0], hidden, batch, threads, rounds,
                BenchSupport.median(ta), BenchSupport.median(tb), BenchSupport.median(ratio),
                BenchSupport.quantile(ratio, 0.25), BenchSupport.quantile(ratio, 0.75));
        x.threads().close();
        y.threads().close();
    }

    /** The build in {@code jar}: a trainer (SyntheticSource, seed 1) or a random network with its thread pool. */
    private static Build build(String jar, boolean train, int threads, int hidden, int batch) throws Exception {
        ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> mc = cl.loadClass("gfpose.nn.ModelConfig");
        Object model = mc.getConstructor(int.class, int.class, int.class, int.class, int.class, int.class, int.class)
                .newInstance(17, 3, 3, hidden, hidden / 2, 2, 32);
        if (train) {
            Class<?> tc = cl.loadClass("gfpose.train.TrainConfig"), tr = cl.loadClass("gfpose.train.Trainer");
            Object cfg = tc.getMethod("defaults", mc).invoke(null, model);
            cfg = tc.getMethod("withBatch", int.class).invoke(cfg, batch);
            cfg = tc.getMethod("withSeed", long.class).invoke(cfg, 1L);
            Object source = cl.loadClass("gfpose.train.SyntheticSource").getConstructor(int.class, long.class).newInstance(20_000, 7L);
            Object trainer = tr.getMethod("create", tc, cl.loadClass("gfpose.train.TrainingSource"), int.class)
                    .invoke(null, cfg, source, threads);
            return new Build(trainer, tr.getMethod("step"), new Object[0], (AutoCloseable) trainer);
        }
        Class<?> net = cl.loadClass("gfpose.nn.ScoreNet"), pool = cl.loadClass("gfpose.kernel.ThreadPool");
        Object n = net.getMethod("random", mc, long.class).invoke(null, model, 2023L);
        Object p = pool.getConstructor(int.class).newInstance(threads);
        BenchSupport.Batch in = new BenchSupport.Batch(batch, 51, 5);
        Method forward = net.getMethod("forward", float[].class, float[].class, float[].class, float[].class, int.class,
                float[].class, pool);
        return new Build(n, forward, new Object[] {in.x, in.tau, in.cond, in.mask, batch, new float[batch * 51], p}, (AutoCloseable) p);
    }
}
