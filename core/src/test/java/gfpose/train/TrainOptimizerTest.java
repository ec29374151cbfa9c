package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

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
}
