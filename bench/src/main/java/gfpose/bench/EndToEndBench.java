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
 * Whole tasks through {@link PosePrior} with GFPose's deterministic sampler ({@link SampleOptions#gfpose()}): {@code estimate} lifts one 2-D
 * pose with {@value #HYPOTHESES} hypotheses, {@code generate} draws {@value #POSES} poses. An op takes seconds,
 * so single-shot timing; the report derives poses/s and network rows x steps per second.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EndToEndBench {
    public static final int HYPOTHESES = 200;
    public static final int POSES = 1000;

    /** Shared set-up: a randomly initialised network (timing does not depend on the weights' values). */
    abstract static class Base {
        PosePrior prior;
        SampleOptions opt;

        void open(String threads, int hypotheses, int steps) {
            prior = new PosePrior(ScoreNet.random(ModelConfig.GFPOSE, 2023));
            opt = SampleOptions.gfpose().withThreads(BenchSupport.threads(threads)).withSeed(1)
                    .withHypotheses(hypotheses).withSteps(steps);
        }

        @TearDown(Level.Trial)
        public void close() { prior.close(); }
    }

    @State(Scope.Benchmark)
    public static class Estimate extends Base {
        @Param({"1", "all"})
        public String threads;

        /** GFPose samples with 1000 steps; 100 shows how the cost scales. */
        @Param({"1000", "100"})
        public int estimateSteps;

        float[][] uv = new float[1][34];

        @Setup(Level.Trial)
        public void setup() {
            open(threads, HYPOTHESES, estimateSteps);
            for (int j = 0; j < 17; j++) { // a plausible upright figure in a 1000 x 1000 image
                uv[0][2 * j] = 500 + 60 * (float) Math.sin(j);
                uv[0][2 * j + 1] = 300 + 25 * j;
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Generate extends Base {
        @Param({"1", "all"})
        public String threads;

        /** Few steps so that one op of 1000 poses stays in seconds; the report gives per-step throughput. */
        @Param({"20"})
        public int generateSteps;

        @Setup(Level.Trial)
        public void setup() { open(threads, 1, generateSteps); }
    }

    @Benchmark
    public float[][][] estimate(Estimate s) {
        return s.prior.estimate(s.uv, null, ImageSize.GFPOSE, s.opt);
    }

    @Benchmark
    public float[][][] generate(Generate s) {
        return s.prior.generate(POSES, ImageSize.GFPOSE, s.opt);
    }
}
