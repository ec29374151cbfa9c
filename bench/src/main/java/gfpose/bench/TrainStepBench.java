package gfpose.bench;

import gfpose.nn.ModelConfig;
import gfpose.train.SyntheticSource;
import gfpose.train.TrainConfig;
import gfpose.train.Trainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One optimizer step of {@code gfpose train} at GFPose's size (hidden 1024, batch 1000): sampling of t, z and masks,
 * forward with dropout, backward, clipping, Adam, EMA. The report turns ms/step into samples/s and GFLOP/s
 * (3 x 2 x the linear layers' multiply-adds per sample: forward, input gradient, weight gradient).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@State(Scope.Benchmark)
public class TrainStepBench {
    public static final int BATCH = 1000;

    @Param({"1", "all"})
    public String threads;

    @Param({"1024"})
    public int hidden;

    Trainer trainer;

    /** GFPose's shape at a given width: embed = hidden / 2, 2 blocks, 32 groups (hidden 1024 = ModelConfig.GFPOSE). */
    static ModelConfig model(int hidden) { return new ModelConfig(17, 3, 3, hidden, hidden / 2, 2, 32); }

    @Setup(Level.Trial)
    public void setUp() {
        TrainConfig cfg = TrainConfig.defaults(model(hidden)).withBatch(BATCH).withSeed(1);
        trainer = Trainer.create(cfg, new SyntheticSource(20_000, 7), BenchSupport.threads(threads));
    }

    @Benchmark
    public double step() { return trainer.step().loss(); }

    @TearDown(Level.Trial)
    public void close() { trainer.close(); }
}
