package gfpose.kernel;

/**
 * A small counter-free random stream (SplitMix64) with standard normal draws (Box–Muller, StrictMath),
 * so a given seed gives the same numbers on every JDK and platform.
 * Streams are derived from (seed, stream id): one stream per sample makes results independent of
 * batch composition and thread count. Not thread-safe: a stream is used by one thread at a time.
 */
public final class Rng {
    /** SplitMix64's increment (the golden ratio in 64 bits). */
    static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;
    private double spare;
    private boolean hasSpare;

    /**
     * A stream from a seed alone; see {@link #stream} for one of many streams under a seed.
     *
     * @param seed any value; equal seeds give equal sequences
     */
    public Rng(long seed) { this.state = mix(seed); }

    /**
     * The stream for {@code id} under {@code seed}; distinct ids give independent streams.
     *
     * @param seed the run's seed
     * @param id   the stream's id, e.g. a sample's (row's) index or a parameter's index
     * @return a new stream, the same for the same (seed, id)
     */
    public static Rng stream(long seed, long id) {
        return new Rng(mix(seed) ^ mix(id * GAMMA + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser: two xor-shift-multiply rounds and a last xor-shift ({@code VectorRng} repeats it). */
    static final long MIX1 = 0xBF58476D1CE4E5B9L, MIX2 = 0x94D049BB133111EBL;

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /**
     * The next 64 random bits (one SplitMix64 step).
     *
     * @return a uniformly distributed long
     */
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /**
     * Fills {@code n} floats with {@code hit} where 32 random bits, read unsigned, fall below {@code threshold} and
     * {@code miss} elsewhere (a Bernoulli draw of probability threshold·2⁻³² each): two values per {@link #nextLong()},
     * low half first, the last value of an odd {@code n} from a draw of its own. Exactly those draws, in one pass that
     * keeps the state in a register (a field updated per draw costs a store-to-load round trip each); lane-wise on the
     * Vector API at 256 bits or more, with the same bits.
     *
     * @param out       receives the values
     * @param off       first index written
     * @param n         number of values
     * @param threshold in [0, 2³²]
     * @param hit       the value where the bits are below the threshold
     * @param miss      the value elsewhere
     */
    public void fillBernoulli(float[] out, int off, int n, long threshold, float hit, float miss) {
        // selected by masks, not branches: a branch on random bits mispredicts on every other draw or so
        int h = Float.floatToRawIntBits(hit), m = Float.floatToRawIntBits(miss);
        long s = state;
        int i = 0;
        if (Simd.BITS >= 256 && threshold < 1L << 32 && n >= VectorRng.CHUNK) {
            s = VectorRng.fill(s, out, off, n, threshold, hit, miss);
            i = n - n % VectorRng.CHUNK;
        }
        for (; i + 1 < n; i += 2) {
            s += GAMMA;
            long bits = mix(s);
            int lo = (int) (((bits & 0xFFFFFFFFL) - threshold) >> 63), hi = (int) (((bits >>> 32) - threshold) >> 63);
            out[off + i] = Float.intBitsToFloat(h & lo | m & ~lo);
            out[off + i + 1] = Float.intBitsToFloat(h & hi | m & ~hi);
        }
        if (i < n) {
            s += GAMMA;
            int lo = (int) (((mix(s) & 0xFFFFFFFFL) - threshold) >> 63);
            out[off + i] = Float.intBitsToFloat(h & lo | m & ~lo);
        }
        state = s;
    }

    /**
     * Uniform in [0, 1) with 53 random bits.
     *
     * @return a multiple of 2⁻⁵³ in [0, 1); consumes one {@link #nextLong()}
     */
    public double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /**
     * Uniform integer in [0, bound).
     *
     * @param bound exclusive upper bound (&gt; 0)
     * @return 31 random bits reduced modulo bound (the modulo bias is negligible for small bounds)
     * @throws IllegalArgumentException if bound ≤ 0
     */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        return (int) ((nextLong() >>> 33) % bound);
    }

    /**
     * Standard normal.
     *
     * @return an N(0, 1) draw; draws come in pairs from one Box–Muller transform, so every second call uses no bits
     */
    public double nextGaussian() {
        if (hasSpare) { hasSpare = false; return spare; }
        double u1;
        do { u1 = nextDouble(); } while (u1 <= 0.0);
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * Math.PI * u2;
        spare = r * StrictMath.sin(a);
        hasSpare = true;
        return r * StrictMath.cos(a);
    }

    /**
     * Fills {@code n} floats from {@code off} with standard normal draws.
     *
     * @param dst receives the draws (rounded to float)
     * @param off first index written
     * @param n   number of draws
     */
    public void fillGaussian(float[] dst, int off, int n) {
        for (int i = 0; i < n; i++) dst[off + i] = (float) nextGaussian();
    }
}
