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
    /** 12 chains cover FMA latency x 2 pipes (4 x 2 = 8 needed) and, with the two operands, fit AVX2's 16 registers. */
    static final int CHAINS = 12;

    // Fields, not constants, so the JIT cannot fold the arithmetic. Each chain is c += a·b, the accumulator as
    // the addend: C2 maps that to one vfmadd231ps on the accumulator's register. The form c = c·a + b (addend
    // constant) costs a register copy per FMA, spills, and read 61 instead of ~100 GFLOP/s on the Zen 3 VM; a
    // C loop with intrinsics measured 88-99 there. Values grow by 1e-6 per step: no overflow, no subnormals.
    float a = 1e-3f, b = 1e-3f;

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
    static float chainsPreferred(float a, float b) {
        int iters = FLOP / (CHAINS * 2 * PREFERRED.length());
        FloatVector va = FloatVector.broadcast(PREFERRED, a), vb = FloatVector.broadcast(PREFERRED, b);
        FloatVector c0 = FloatVector.broadcast(PREFERRED, 0f), c1 = FloatVector.broadcast(PREFERRED, 1f), c2 = FloatVector.broadcast(PREFERRED, 2f), c3 = FloatVector.broadcast(PREFERRED, 3f);
        FloatVector c4 = c0.add(0.5f), c5 = c1.add(0.5f), c6 = c2.add(0.5f), c7 = c3.add(0.5f);
        FloatVector c8 = c0.add(0.25f), c9 = c1.add(0.25f), c10 = c2.add(0.25f), c11 = c3.add(0.25f);
        for (int i = 0; i < iters; i++) {
            c0 = va.fma(vb, c0); c1 = va.fma(vb, c1); c2 = va.fma(vb, c2); c3 = va.fma(vb, c3);
            c4 = va.fma(vb, c4); c5 = va.fma(vb, c5); c6 = va.fma(vb, c6); c7 = va.fma(vb, c7);
            c8 = va.fma(vb, c8); c9 = va.fma(vb, c9); c10 = va.fma(vb, c10); c11 = va.fma(vb, c11);
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
            c0 = va.fma(vb, c0); c1 = va.fma(vb, c1); c2 = va.fma(vb, c2); c3 = va.fma(vb, c3);
            c4 = va.fma(vb, c4); c5 = va.fma(vb, c5); c6 = va.fma(vb, c6); c7 = va.fma(vb, c7);
            c8 = va.fma(vb, c8); c9 = va.fma(vb, c9); c10 = va.fma(vb, c10); c11 = va.fma(vb, c11);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8).add(c9).add(c10).add(c11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
