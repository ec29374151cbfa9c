package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {
    /** The bulk Bernoulli fill is exactly the per-draw loop: same values, same draws consumed, same state after. */
    @Test
    void fillBernoulliIsTheDrawByDrawLoop() {
        long threshold = Math.round(0.3 * 0x1p32);
        for (int n : new int[] {0, 1, 2, 7, 1024}) {
            Rng bulk = Rng.stream(11, n), one = Rng.stream(11, n);
            float[] got = new float[n + 2], want = new float[n + 2];
            bulk.fillBernoulli(got, 1, n, threshold, -1f, 2.5f);
            for (int i = 0; i < n; i += 2) {
                long bits = one.nextLong();
                want[1 + i] = (bits & 0xFFFFFFFFL) < threshold ? -1f : 2.5f;
                if (i + 1 < n) want[2 + i] = (bits >>> 32) < threshold ? -1f : 2.5f;
            }
            assertThat(got).containsExactly(want);
            assertThat(bulk.nextLong()).isEqualTo(one.nextLong());
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
