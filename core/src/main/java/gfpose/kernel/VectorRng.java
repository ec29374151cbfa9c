package gfpose.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Rng#fillBernoulli}'s draws lane-wise: lane j of a step advances the SplitMix64 state by j + 1 increments, so
 * a vector of longs is the next V draws in order, and read as ints it is their low and high halves in the order the
 * scalar loop uses them (little-endian lanes). The same bits as the scalar loop; about 5x faster at 512 bits and 1.7x
 * at 256 without AVX-512 (64-bit multiplies emulated), Xeon, scratch loop. Loaded only when {@link Simd} selected the
 * Vector API at 256 bits or more (128-bit NEON has no 64-bit lane multiply).
 */
final class VectorRng {
    private VectorRng() {}

    private static final VectorSpecies<Float> F = VectorGemm.S;
    private static final VectorSpecies<Long> LS = F.withLanes(long.class);
    private static final VectorSpecies<Integer> IS = F.withLanes(int.class);
    /** Draws per step; each gives two values, so a step fills {@link #CHUNK} floats. */
    private static final int V = LS.length();
    static final int CHUNK = 2 * V;
    /** Exact vector classes, as in {@link VectorGemm#VT}. */
    @SuppressWarnings("unchecked")
    private static final Class<LongVector> LT = (Class<LongVector>) LS.vectorType();
    @SuppressWarnings("unchecked")
    private static final Class<IntVector> IT = (Class<IntVector>) IS.vectorType();
    /** Lane j: (j + 1) increments. */
    private static final LongVector STEPS = LongVector.fromArray(LS, steps(), 0);
    private static final IntVector SIGN = IntVector.broadcast(IS, Integer.MIN_VALUE);

    private static long[] steps() {
        long[] s = new long[V];
        for (int j = 0; j < V; j++) s[j] = (j + 1) * Rng.GAMMA;
        return s;
    }

    /**
     * The first {@code n - n % CHUNK} values of {@link Rng#fillBernoulli} from state s, for a threshold below 2³².
     *
     * @return the state after those draws
     */
    static long fill(long s, float[] out, int off, int n, long threshold, float hit, float miss) {
        // unsigned x < threshold as a signed comparison of both with the sign bit flipped
        IntVector limit = IntVector.broadcast(IS, (int) threshold ^ Integer.MIN_VALUE);
        FloatVector h = FloatVector.broadcast(F, hit), m = FloatVector.broadcast(F, miss);
        for (int i = 0, end = n - n % CHUNK; i < end; i += CHUNK) {
            LongVector z = LongVector.broadcast(LS, s).add(LT.cast(STEPS));
            s += V * Rng.GAMMA;
            // Rng.mix, lane-wise
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(Rng.MIX1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(Rng.MIX2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            IntVector bits = IT.cast(LT.cast(z).reinterpretAsInts()).lanewise(VectorOperators.XOR, IT.cast(SIGN));
            VectorGemm.store(m.blend(h, bits.lt(IT.cast(limit)).cast(F)), out, off + i);
        }
        return s;
    }
}
