package gfpose.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vector API FMA peak: 12 independent accumulator chains (enough to cover FMA latency x 2 pipes), no memory
 * traffic. One op = one FLOP, per nanosecond, so the score reads directly as GFLOP/s; every other figure is
 * given as a percentage of this, measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class PeakBench {
    static final VectorSpecies<Float> PREFERRED = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    /** FLOPs per call, fixed whatever the vector width, so that the annotation can be a constant. */
    static final int FLOP = 3 << 19; // a multiple of CHAINS x 2 x lanes at every width
    /**
     * 12 chains cover FMA latency x 2 pipes (4 x 2 = 8 needed) and, with the two operands, fit AVX2's 16 registers:
     * 16 chains + 2 operands need 18 and spill, which measured 69 instead of 77 GFLOP/s here (Zen 3, 256 bits).
     */
    static final int CHAINS = 12;

    // fields, not constants, so the JIT cannot fold the arithmetic; the fixed point b/(1-a) keeps values normal
    float a = 0.999f, b = 1e-3f;

    @Benchmark
    @OperationsPerInvocation(FLOP)
    public float fma() { return chainsPreferred(a, b); }

    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(FLOP)
    public float fmaAllThreads() { return chainsPreferred(a, b); }

    /** The 256-bit figure, for machines where 512-bit FMA is split or throttled. */
    @Benchmark
    @OperationsPerInvocation(FLOP)
    public float fma256() { return chains256(a, b); }

    // Two copies on purpose: a species passed as an argument to a method that is not inlined is no longer a
    // constant, and the Vector API then falls back to boxed vectors (kernels.md, pitfall 1).
    private static float chainsPreferred(float a, float b) {
        int iters = FLOP / (CHAINS * 2 * PREFERRED.length());
        FloatVector va = FloatVector.broadcast(PREFERRED, a), vb = FloatVector.broadcast(PREFERRED, b);
        FloatVector c0 = FloatVector.broadcast(PREFERRED, 0f), c1 = FloatVector.broadcast(PREFERRED, 1f), c2 = FloatVector.broadcast(PREFERRED, 2f), c3 = FloatVector.broadcast(PREFERRED, 3f);
        FloatVector c4 = c0.add(0.5f), c5 = c1.add(0.5f), c6 = c2.add(0.5f), c7 = c3.add(0.5f);
        FloatVector c8 = c0.add(0.25f), c9 = c1.add(0.25f), c10 = c2.add(0.25f), c11 = c3.add(0.25f);
        for (int i = 0; i < iters; i++) {
            c0 = c0.fma(va, vb); c1 = c1.fma(va, vb); c2 = c2.fma(va, vb); c3 = c3.fma(va, vb);
            c4 = c4.fma(va, vb); c5 = c5.fma(va, vb); c6 = c6.fma(va, vb); c7 = c7.fma(va, vb);
            c8 = c8.fma(va, vb); c9 = c9.fma(va, vb); c10 = c10.fma(va, vb); c11 = c11.fma(va, vb);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8).add(c9).add(c10).add(c11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static float chains256(float a, float b) {
        int iters = FLOP / (CHAINS * 2 * S256.length());
        FloatVector va = FloatVector.broadcast(S256, a), vb = FloatVector.broadcast(S256, b);
        FloatVector c0 = FloatVector.broadcast(S256, 0f), c1 = FloatVector.broadcast(S256, 1f), c2 = FloatVector.broadcast(S256, 2f), c3 = FloatVector.broadcast(S256, 3f);
        FloatVector c4 = c0.add(0.5f), c5 = c1.add(0.5f), c6 = c2.add(0.5f), c7 = c3.add(0.5f);
        FloatVector c8 = c0.add(0.25f), c9 = c1.add(0.25f), c10 = c2.add(0.25f), c11 = c3.add(0.25f);
        for (int i = 0; i < iters; i++) {
            c0 = c0.fma(va, vb); c1 = c1.fma(va, vb); c2 = c2.fma(va, vb); c3 = c3.fma(va, vb);
            c4 = c4.fma(va, vb); c5 = c5.fma(va, vb); c6 = c6.fma(va, vb); c7 = c7.fma(va, vb);
            c8 = c8.fma(va, vb); c9 = c9.fma(va, vb); c10 = c10.fma(va, vb); c11 = c11.fma(va, vb);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8).add(c9).add(c10).add(c11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
