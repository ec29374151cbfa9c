package gfpose.bench;

import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.PackedMatrix;
import gfpose.kernel.ThreadPool;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
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
 * One Linear layer {@code y = x W^T + b} at the network's shapes. {@code packed} is core's kernel,
 * {@code scalar} the same call in a fork with {@code -Dgfpose.vector.bits=0} (the scalar fallback), {@code ejml}
 * EJML on the pre-transposed W (no bias). Score = calls/s; the report multiplies by 2 x batch x in x out.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class GemmBench {
    /** in to out, the four shapes of the network's Linear layers (51 = 17 joints x 3). */
    @Param({"51to1024", "512to1024", "1024to1024", "1024to51"})
    public String shape;

    @Param({"1", "16", "64", "200", "1000"})
    public int batch;

    @Param({"1", "all"})
    public String threads;

    private int in, out;
    private float[] x, bias, y;
    private PackedMatrix w;
    private ThreadPool pool;
    private FMatrixRMaj ex, ewt, ey;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams bp) {
        String backend = Gemm.backend();
        System.out.println("# gfpose Gemm backend: " + backend);
        if (bp.getBenchmark().endsWith(".scalar") && !"unknown".equals(backend) && !backend.toLowerCase().contains("scalar")) {
            throw new IllegalStateException("-Dgfpose.vector.bits=0 did not select the scalar backend: " + backend);
        }
        String[] io = shape.split("to");
        in = Integer.parseInt(io[0]);
        out = Integer.parseInt(io[1]);
        SplittableRandom r = new SplittableRandom(7);
        x = fill(r, batch * in);
        bias = fill(r, out);
        float[] wRowMajor = fill(r, out * in);
        y = new float[batch * out];
        w = PackedMatrix.pack(wRowMajor, out, in);
        int t = BenchSupport.threads(threads);
        pool = new ThreadPool(t);
        EjmlConcurrency.setMaxThreads(t);
        ex = FMatrixRMaj.wrap(batch, in, x);
        ewt = CommonOps_FDRM.transpose(FMatrixRMaj.wrap(out, in, wRowMajor), null);
        ey = new FMatrixRMaj(batch, out);
        // the documented start-up step: compile every tile on small shapes first, or the first (huge) timed call
        // compiles the tile through OSR with a partial profile (kernels.md, pitfall 2)
        Gemm.warmUp();
        // agree before timing: the kernel against EJML (plus bias)
        Gemm.linear(x, 0, batch, w, bias, y, 0, false, Activation.NONE, pool);
        CommonOps_FDRM.mult(ex, ewt, ey);
        float[] ref = ey.data.clone();
        for (int i = 0; i < batch; i++) for (int j = 0; j < out; j++) ref[i * out + j] += bias[j];
        double err = BenchSupport.relativeError(y, ref, y.length);
        if (!(err <= 1e-4)) throw new IllegalStateException("Gemm.linear disagrees with EJML: relative error " + err);
    }

    @TearDown(Level.Trial)
    public void close() { pool.close(); }

    @Benchmark
    public float[] packed() {
        Gemm.linear(x, 0, batch, w, bias, y, 0, false, Activation.NONE, pool);
        return y;
    }

    /** The scalar fallback of the same entry point; the fork sets the backend switch before Gemm loads. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dgfpose.vector.bits=0"})
    public float[] scalar() {
        Gemm.linear(x, 0, batch, w, bias, y, 0, false, Activation.NONE, pool);
        return y;
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        if (pool.threads() == 1) CommonOps_FDRM.mult(ex, ewt, ey);
        else CommonOps_MT_FDRM.mult(ex, ewt, ey);
        return ey;
    }

    private static float[] fill(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (2 * r.nextDouble() - 1);
        return a;
    }
}
