package gfpose.bench;

import gfpose.bench.onnx.ScoreNetOnnx;
import gfpose.kernel.Gemm;
import gfpose.kernel.ThreadPool;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.util.Map;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One eval-mode forward pass of the 12.5M-parameter score network: ours against ONNX Runtime on the same
 * random weights (our state dict exported with {@link ScoreNetOnnx}) and the same inputs. Setup runs both and
 * fails if they differ by more than 1e-4 relative. Score = calls/s; the report converts to GFLOP/s and rows/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class ForwardBench {
    static final ModelConfig CONFIG = ModelConfig.GFPOSE;

    @Param({"1", "16", "64", "200", "1000"})
    public int batch;

    /** Our pool size and ORT's intra-op thread count. */
    @Param({"1", "all"})
    public String threads;

    private BenchSupport.Batch in;
    private float[] out;
    private ScoreNet net;
    private ThreadPool pool;
    private OrtScoreNet ort;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams bp) {
        int t = BenchSupport.threads(threads);
        Gemm.warmUp(); // the documented start-up step (see GemmBench)
        Map<String, float[]> w = ScoreNetLayout.randomWeights(CONFIG, 2023);
        in = new BenchSupport.Batch(batch, CONFIG.inDim(), 11);
        out = new float[batch * CONFIG.inDim()];
        net = ScoreNet.fromTensors(CONFIG, w);
        pool = new ThreadPool(t);
        ort = new OrtScoreNet(ScoreNetOnnx.build(CONFIG, w), t);
        ort.bind(in.x, in.tau, in.cond, in.mask, batch);

        float[] ref = new float[out.length];
        ort.run(ref);
        net.forward(in.x, in.tau, in.cond, in.mask, batch, out, pool);
        double err = BenchSupport.relativeError(out, ref, out.length);
        if (!(err <= 1e-4)) throw new IllegalStateException("ScoreNet.forward and ONNX Runtime differ: relative error " + err);
        // An ORT session keeps its intra-op pool (threads - 1 native threads, which spin for a while after each run)
        // until closed; closing joins them. So `ours` is timed with no ORT thread alive (checked in /proc/self/task).
        // `ort` keeps ORT's defaults (spinning allowed), its best setting for back-to-back runs.
        if (!bp.getBenchmark().endsWith(".ort")) {
            ort.close();
            ort = null;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
        if (ort != null) ort.close();
        OrtScoreNet.cleanTempDirs();
    }

    @Benchmark
    public float[] ours() {
        net.forward(in.x, in.tau, in.cond, in.mask, batch, out, pool);
        return out;
    }

    @Benchmark
    public float[] ort() {
        ort.run(out);
        return out;
    }
}
