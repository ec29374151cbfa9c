package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {
    /**
     * The bulk Bernoulli fill is exactly the per-draw loop: same values, same draws consumed, same state after. Lengths
     * around the vector path's chunks (16 values at 128 bits, 32 at 256, 64 at 512, odd tails) and thresholds at the
     * edges of the unsigned comparison, which the vector path makes with the sign bit flipped.
     */
    @Test
    void fillBernoulliIsTheDrawByDrawLoop() {
        long[] thresholds = {Math.round(0.3 * 0x1p32), 0, 1, 1L << 31, (1L << 31) + 1, (1L << 32) - 1, 1L << 32};
        for (long threshold : thresholds) {
            for (int n : new int[] {0, 1, 2, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 1024}) {
                Rng bulk = Rng.stream(11, n), one = Rng.stream(11, n);
                float[] got = new float[n + 2], want = new float[n + 2];
                bulk.fillBernoulli(got, 1, n, threshold, -1f, 2.5f);
                for (int i = 0; i < n; i += 2) {
                    long bits = one.nextLong();
                    want[1 + i] = (bits & 0xFFFFFFFFL) < threshold ? -1f : 2.5f;
                    if (i + 1 < n) want[2 + i] = (bits >>> 32) < threshold ? -1f : 2.5f;
                }
                assertThat(got).as("n %d, threshold %d", n, threshold).containsExactly(want);
                assertThat(bulk.nextLong()).isEqualTo(one.nextLong());
            }
        }
    }

    @Test
    void thresholdsZeroAndTwoToThe32AreNeverAndAlways() {
        float[] v = new float[9];
        new Rng(3).fillBernoulli(v, 0, 9, 0, 1f, 0f);
        assertThat(v).containsOnly(0f);
        new Rng(3).fillBernoulli(v, 0, 9, 1L << 32, 1f, 0f);
        assertThat(v).containsOnly(1f);
    }
}
