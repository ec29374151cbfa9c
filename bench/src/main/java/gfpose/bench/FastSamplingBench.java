package gfpose.bench;

import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
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
 * One pose lifted with the default few-step solvers, as {@code gfpose estimate} does: {@code hypotheses200} draws 200
 * hypotheses with SDE-DPM-Solver++(2M) in 20 steps, {@code single} one with DPM-Solver++(2M) on GFPose's deterministic
 * process in 12 steps ({@link SampleOptions#defaults()}), both on a random-weight network of the shipped model's size (hidden 512) or GFPose's (1024); timing
 * does not depend on the weights' values. Time per op = sampling time per pose (the thread pool is part of it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class FastSamplingBench {
    @Param({"512", "1024"})
    public int hidden;

    @Param({"all"})
    public String threads;

    PosePrior prior;
    SampleOptions many, one;
    final float[][] uv = new float[1][34];

    @Setup(Level.Trial)
    public void setup() {
        prior = new PosePrior(ScoreNet.random(ModelConfig.of(hidden, hidden / 2, 2, 32), 2023));
        // the CLI's defaults: dpm2m, 12 steps for one hypothesis; dpm2m-sde, 20 steps for several
        one = SampleOptions.defaults().withThreads(BenchSupport.threads(threads)).withSeed(1);
        many = one.stochastic().withHypotheses(200);
        for (int j = 0; j < 17; j++) { // a plausible upright figure in a 1000 x 1000 image
            uv[0][2 * j] = 500 + 60 * (float) Math.sin(j);
            uv[0][2 * j + 1] = 300 + 25 * j;
        }
    }

    @TearDown(Level.Trial)
    public void close() { prior.close(); }

    @Benchmark
    public float[][][] hypotheses200() { return prior.estimate(uv, null, ImageSize.GFPOSE, many); }

    @Benchmark
    public float[][][] single() { return prior.estimate(uv, null, ImageSize.GFPOSE, one); }
}
