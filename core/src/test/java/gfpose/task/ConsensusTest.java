package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gfpose.kernel.Rng;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    /** K hypotheses: joint j at (10j, 5j, −j) plus noise of sigma s. */
    static float[][] cloud(int k, double s, long seed) {
        Rng r = new Rng(seed);
        float[][] h = new float[k][51];
        for (float[] p : h) for (int j = 0; j < 17; j++) {
            p[3 * j] = (float) (10 * j + s * r.nextGaussian());
            p[3 * j + 1] = (float) (5 * j + s * r.nextGaussian());
            p[3 * j + 2] = (float) (-j + s * r.nextGaussian());
        }
        return h;
    }

    @Test
    void aFewStrayHypothesesBarelyMoveTheConsensusButMoveTheMean() {
        float[][] h = cloud(40, 1.0, 1);
        for (int k = 0; k < 4; k++) for (int i = 0; i < 51; i++) h[k][i] += 500;  // 10 % far away
        Consensus c = Consensus.of(h);
        for (int j = 0; j < 17; j++) {
            assertThat((double) c.pose()[3 * j]).isCloseTo(10 * j, within(1.0));
            double mean = 0;
            for (float[] p : h) mean += p[3 * j] / h.length;
            assertThat(mean - 10 * j).isGreaterThan(40);
        }
        assertThat(c.closest()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theGeometricMedianMinimisesTheSummedDistanceAndTheSpreadIsTheMedianDistance() {
        float[][] h = cloud(15, 3.0, 2);
        Consensus c = Consensus.of(h);
        for (int j = 0; j < 17; j += 4) {
            double at = summed(h, j, c.pose()[3 * j], c.pose()[3 * j + 1], c.pose()[3 * j + 2]);
            for (double[] e : new double[][] {{0.05, 0, 0}, {0, -0.05, 0}, {0, 0, 0.05}}) {
                assertThat(summed(h, j, c.pose()[3 * j] + e[0], c.pose()[3 * j + 1] + e[1], c.pose()[3 * j + 2] + e[2])).isGreaterThan(at - 1e-4);
            }
            double[] d = new double[15];
            for (int k = 0; k < 15; k++) d[k] = Math.sqrt(sq(h[k][3 * j] - c.pose()[3 * j]) + sq(h[k][3 * j + 1] - c.pose()[3 * j + 1]) + sq(h[k][3 * j + 2] - c.pose()[3 * j + 2]));
            java.util.Arrays.sort(d);
            assertThat((double) c.spread()[j]).isCloseTo(d[7], within(1e-4));
        }
    }

    @Test
    void oneHypothesisIsItsOwnConsensus() {
        float[][] h = cloud(1, 2.0, 3);
        Consensus c = Consensus.of(h);
        assertThat(c.pose()).containsExactly(h[0]);
        assertThat(c.spread()).containsOnly(0f);
        assertThat(c.closest()).isZero();
    }

    static double sq(double v) { return v * v; }

    static double summed(float[][] h, int j, double x, double y, double z) {
        double s = 0;
        for (float[] p : h) s += Math.sqrt(sq(p[3 * j] - x) + sq(p[3 * j + 1] - y) + sq(p[3 * j + 2] - z));
        return s;
    }
}
