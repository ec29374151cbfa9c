package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import gfpose.kernel.ThreadPool;
import org.junit.jupiter.api.Test;

/** Adam and EMA against values worked out by hand from the PyTorch / score_sde formulas. */
class TrainOptimizerTest {
    @Test
    void adamFirstStepsFollowTorch() {
        float[][] p = {{1f, -2f}}, g = {{0.5f, -3f}};
        Adam a = new Adam(p, 0.9f, 0.999f, 1e-8f);
        a.update(p, g, 0.1f, 1, null);
        // step 1: m̂ = g, v̂ = g², so p -= lr·g/(|g| + ε) ≈ lr·sign(g)
        assertThat((double) p[0][0]).isCloseTo(0.9, offset(1e-6));
        assertThat((double) p[0][1]).isCloseTo(-1.9, offset(1e-6));
        g[0][0] = -0.5f;
        a.update(p, g, 0.1f, 2, null);
        double m = (0.9 * 0.05 + 0.1 * -0.5) / (1 - 0.81), v = (0.999 * 0.00025 + 0.001 * 0.25) / (1 - 0.998001);
        assertThat((double) p[0][0]).isCloseTo(0.9 - 0.1 * m / (Math.sqrt(v) + 1e-8), offset(1e-6));
    }

    @Test
    void emaWarmsUp() {
        float[][] p = {{0f}};
        Ema e = new Ema(p, 0.9999f);
        p[0][0] = 11f;
        e.update(p, 1); // decay min(0.9999, 2/11): shadow moves 9/11 of the way
        assertThat((double) e.shadow[0][0]).isCloseTo(9.0, offset(1e-5));
        e.update(p, 100000); // decay 0.9999
        assertThat((double) e.shadow[0][0]).isCloseTo(9.0 + 2 * 1e-4, offset(1e-5));
    }

    @Test
    void clippingInsideAdamEqualsClippingTheGradientFirst() {
        java.util.Random rnd = new java.util.Random(1);
        int n = 65536 + 3000; // split across the pool, with a partial block
        float[][] p1 = {random(rnd, n), random(rnd, 5)}, g = {random(rnd, n), random(rnd, 5)};
        float[][] p2 = {p1[0].clone(), p1[1].clone()}, scaled = {g[0].clone(), g[1].clone()};
        float coef = 0.37f;
        for (float[] t : scaled) for (int i = 0; i < t.length; i++) t[i] *= coef;
        Adam one = new Adam(p1, 0.9f, 0.999f, 1e-8f), two = new Adam(p2, 0.9f, 0.999f, 1e-8f);
        try (ThreadPool pool = new ThreadPool(2)) {
            for (int step = 1; step <= 3; step++) {
                one.update(p1, scaled, 1e-3f, step, null);
                two.update(p2, g, coef, 1e-3f, step, pool);
            }
        }
        for (int t = 0; t < 2; t++) assertThat(p2[t]).containsExactly(p1[t]);
    }

    @Test
    void emaAndGradientNormGiveTheSameBitsOnAnyThreadCount() {
        java.util.Random rnd = new java.util.Random(2);
        int n = 3 * 65536 + 17;
        float[][] g = {random(rnd, n), random(rnd, 100)};
        double exact = 0;
        for (float[] t : g) for (float v : t) exact += (double) v * v;
        float[][] p = {random(rnd, n), random(rnd, 100)};
        Ema one = new Ema(g, 0.9999f), two = new Ema(g, 0.9999f);
        one.update(p, 7);
        try (ThreadPool pool = new ThreadPool(3)) {
            assertThat(Trainer.globalNorm(g, pool)).isEqualTo(Trainer.globalNorm(g));
            two.update(p, 7, pool);
        }
        assertThat(Trainer.globalNorm(g)).isCloseTo(Math.sqrt(exact), offset(1e-6 * Math.sqrt(exact)));
        for (int t = 0; t < 2; t++) assertThat(two.shadow[t]).containsExactly(one.shadow[t]);
    }

    private static float[] random(java.util.Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }
}
