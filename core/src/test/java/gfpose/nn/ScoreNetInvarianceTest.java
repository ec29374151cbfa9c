package gfpose.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A row's output depends only on that row: not on the thread count, the batch split, or earlier calls. */
class ScoreNetInvarianceTest {
    static final ModelConfig SMALL = ModelConfig.of(64, 32, 2, 8);
    static final int ROWS = 150; // more than two tiles, not a multiple of 4

    final ScoreNet net = ScoreNet.random(SMALL, 7);
    final float[] x = gaussian(1, ROWS * 51, 3f);
    final float[] cond = conditions();
    final float[] mask = masks();
    final float[] tau = taus();

    static float[] gaussian(long seed, int n, float scale) {
        float[] v = new float[n];
        Rng rng = new Rng(seed);
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextGaussian() * scale;
        return v;
    }

    /** A mix of 2-D (depth 0), 3-D and empty conditions. */
    float[] conditions() {
        float[] c = gaussian(2, ROWS * 51, 15f);
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < 51; i++) {
                if (r % 3 == 0 && i % 3 == 2) c[r * 51 + i] = 0f;
                if (r % 3 == 2) c[r * 51 + i] = 0f;
            }
        }
        return c;
    }

    float[] masks() {
        float[] m = new float[ROWS * 51];
        Rng rng = new Rng(3);
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble() < 0.7 ? 1f : 0f;
        return m;
    }

    float[] taus() {
        float[] t = new float[ROWS];
        Rng rng = new Rng(4);
        for (int r = 0; r < ROWS; r++) t[r] = 999f * (float) rng.nextDouble();
        return t;
    }

    float[] run(ThreadPool pool) {
        float[] out = new float[ROWS * 51];
        net.forward(x, tau, cond, mask, ROWS, out, pool);
        return out;
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        float[] one, two;
        try (ThreadPool p = new ThreadPool(1)) { one = run(p); }
        try (ThreadPool p = new ThreadPool(2)) { two = run(p); }
        assertThat(two).isEqualTo(one);
        assertThat(run(null)).isEqualTo(one);
        try (ThreadPool p = new ThreadPool(2)) { assertThat(run(p)).isEqualTo(one); } // reused scratch changes nothing
        for (float v : one) assertThat(Float.isFinite(v)).isTrue();
    }

    @Test
    void fewRowsSplitByPanelsGiveTheSameBits() {
        // below ScoreNet.PANEL_SPLIT_ROWS per thread every GEMM splits W's panels across the pool instead of the rows
        ScoreNet wide = ScoreNet.random(ModelConfig.of(160, 48, 2, 8), 9); // 160 columns: several panels, a partial last one
        for (int rows : new int[] {1, 2, 3, 5, 17, 40, 63}) {
            float[] xs = Arrays.copyOf(x, rows * 51), cs = Arrays.copyOf(cond, rows * 51), ms = Arrays.copyOf(mask, rows * 51);
            float[] ts = Arrays.copyOf(tau, rows);
            float[] alone = new float[rows * 51], sharedAlone = new float[rows * 51];
            wide.forward(xs, ts, cs, ms, rows, alone, null);
            wide.forward(xs, 417.3f, cs, ms, rows, sharedAlone, null);
            for (int threads : new int[] {2, 3}) {
                float[] split = new float[rows * 51], sharedSplit = new float[rows * 51];
                try (ThreadPool p = new ThreadPool(threads)) {
                    wide.forward(xs, ts, cs, ms, rows, split, p);
                    wide.forward(xs, 417.3f, cs, ms, rows, sharedSplit, p);
                }
                assertThat(split).as("%d rows, %d threads", rows, threads).isEqualTo(alone);
                assertThat(sharedSplit).as("%d rows, %d threads, shared t", rows, threads).isEqualTo(sharedAlone);
            }
        }
    }

    @Test
    void eachRowAloneGivesTheBatchResult() {
        float[] batch = run(null);
        float[] out = new float[51];
        for (int r = 0; r < ROWS; r++) {
            net.forward(slice(x, r), new float[] {tau[r]}, slice(cond, r), slice(mask, r), 1, out, null);
            assertThat(out).as("row %d", r).isEqualTo(Arrays.copyOfRange(batch, r * 51, r * 51 + 51));
        }
    }

    @Test
    void sharedTimeShortcutGivesThePerRowBits() {
        // one time label for every row takes the one-row time path; the per-row calls run the time path per row
        float[] same = new float[ROWS];
        Arrays.fill(same, 417.3f);
        float[] out = new float[ROWS * 51], perRow = new float[ROWS * 51];
        try (ThreadPool p = new ThreadPool(2)) { net.forward(x, 417.3f, cond, mask, ROWS, out, p); }
        net.forward(x, same, cond, mask, ROWS, perRow, null);
        assertThat(out).isEqualTo(perRow);
        // and a batch whose t differ in one row gives that row's per-t result
        float[] mixed = same.clone();
        mixed[ROWS / 2] = 3.5f;
        float[] outMixed = new float[ROWS * 51];
        net.forward(x, mixed, cond, mask, ROWS, outMixed, null);
        float[] lone = new float[51];
        int k = ROWS / 2;
        net.forward(slice(x, k), new float[] {3.5f}, slice(cond, k), slice(mask, k), 1, lone, null);
        assertThat(slice(outMixed, k)).isEqualTo(lone);
        assertThat(slice(outMixed, 0)).isEqualTo(slice(out, 0));
    }

    @Test
    void nullMaskMeansAllOnes() {
        float[] ones = new float[ROWS * 51];
        Arrays.fill(ones, 1f);
        float[] a = new float[ROWS * 51], b = new float[ROWS * 51];
        net.forward(x, tau, cond, null, ROWS, a, null);
        net.forward(x, tau, cond, ones, ROWS, b, null);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void twoDimensionalConditionsIgnoreTheDepthOfX() {
        // with a 2-D condition the depth of d is zeroed, so x's depth reaches the net only through pre_dense
        float[] c = new float[51];
        for (int j = 0; j < 17; j++) { c[3 * j] = j; c[3 * j + 1] = -j; }
        var t = TrainNet.of(net).activations(slice(x, 0), new float[] {500f}, c, null, 1);
        float[] d = t.get("act/cond_in");
        for (int j = 0; j < 17; j++) {
            assertThat(d[3 * j + 2]).isZero();
            assertThat(d[3 * j]).isEqualTo(x[3 * j] - c[3 * j]);
        }
    }

    @Test
    void sameSeedSameWeights() {
        assertThat(ScoreNet.random(SMALL, 7).parameters()).containsExactlyEntriesOf(net.parameters());
        assertThat(ScoreNet.random(SMALL, 8).parameters().get("pre_dense.weight"))
                .isNotEqualTo(net.parameters().get("pre_dense.weight"));
        float[] w = net.parameters().get("b2_dense1_t.weight"); // fan_in = embed = 32
        double bound = 1 / Math.sqrt(32);
        for (float v : w) assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
        assertThat(net.parameters().get("b1_gnorm2.weight")).containsOnly(1f);
        assertThat(net.parameters().get("b1_gnorm2.bias")).containsOnly(0f);
        assertThat(net.parameterCount()).isEqualTo(ScoreNet.parameterSpecs(SMALL).stream().mapToLong(ParamSpec::size).sum());
        assertThat(ScoreNet.parameterSpecs(ModelConfig.GFPOSE).stream().mapToLong(ParamSpec::size).sum()).isEqualTo(12_504_627L);
    }

    @Test
    void fromTensorsValidatesNamesAndSizes() {
        var p = net.parameters();
        p.put("sigmas", new float[1000]);
        assertThat(ScoreNet.fromTensors(SMALL, p).parameters()).containsExactlyEntriesOf(net.parameters());
        p.put("b1_dense2.bias", new float[63]);
        assertThatThrownBy(() -> ScoreNet.fromTensors(SMALL, p)).isInstanceOf(GfposeException.class)
                .hasMessage("state dict: tensor 'b1_dense2.bias' has 63 values, expected [64] = 64");
        p.remove("b1_dense2.bias");
        assertThatThrownBy(() -> ScoreNet.fromTensors(SMALL, p)).hasMessage("state dict: missing tensor 'b1_dense2.bias' [64]");
        var q = net.parameters();
        q.put("b3_dense1.weight", new float[1]);
        assertThatThrownBy(() -> ScoreNet.fromTensors(SMALL, q)).hasMessageStartingWith("state dict: unexpected tensor 'b3_dense1.weight'");
    }

    static float[] slice(float[] a, int r) { return Arrays.copyOfRange(a, r * 51, r * 51 + 51); }
}
