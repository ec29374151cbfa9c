package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gfpose.GfposeException;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;
import org.junit.jupiter.api.Test;

class DepthPriorTest {
    private static final int J = Skeleton.JOINTS;

    /** 40,000 draws of 0.3 N(−2, 0.25²) + 0.7 N(1.5, 0.5²) per joint: EM recovers the mixture. */
    @Test
    void emRecoversAKnownMixture() {
        Rng rng = new Rng(4);
        int n = 40_000;
        float[][] d = new float[J][n];
        for (int j = 0; j < J; j++) {
            for (int i = 0; i < n; i++) d[j][i] = (float) (rng.nextDouble() < 0.3 ? -2 + 0.25 * rng.nextGaussian() : 1.5 + 0.5 * rng.nextGaussian());
        }
        DepthPrior p = DepthPrior.fit(d, 2, 100);
        for (int j = 0; j < J; j++) {
            int lo = p.mean()[j][0] < p.mean()[j][1] ? 0 : 1, hi = 1 - lo;
            assertThat(p.weight()[j][lo]).isCloseTo(0.3f, within(0.01f));
            assertThat(p.mean()[j][lo]).isCloseTo(-2f, within(0.02f));
            assertThat(p.std()[j][lo]).isCloseTo(0.25f, within(0.02f));
            assertThat(p.mean()[j][hi]).isCloseTo(1.5f, within(0.02f));
            assertThat(p.std()[j][hi]).isCloseTo(0.5f, within(0.02f));
            assertThat(p.meanDepth(j)).isCloseTo(0.3 * -2 + 0.7 * 1.5, within(0.02));
        }
    }

    @Test
    void aConstantJointGetsTheSmallestSpreadNotNaN() {
        float[][] d = new float[J][100]; // all depths 0, as the pelvis
        DepthPrior p = DepthPrior.fit(d, 3, 20);
        assertThat(p.meanDepth(0)).isZero();
        for (float s : p.std()[0]) assertThat(s).isEqualTo(DepthPrior.MIN_STD);
    }

    @Test
    void guessesKeepUvAndTakeDepthFromThePriorPerPoseStream() {
        float[][] w = new float[J][], m = new float[J][], s = new float[J][];
        for (int j = 0; j < J; j++) {
            w[j] = new float[] {1f};
            m[j] = new float[] {j == 0 ? 0f : 3f}; // 3 network units = 3 · 500/30 = 50 px in a 1000-px frame
            s[j] = new float[] {j == 0 ? 1e-3f : 0.6f};
        }
        DepthPrior p = new DepthPrior(w, m, s);
        float[][] uv = new float[3][2 * J];
        for (int q = 0; q < 3; q++) for (int i = 0; i < 2 * J; i++) uv[q][i] = 100 * q + i;
        float[][][] mean = p.guess(uv, null, ImageSize.GFPOSE, 1, 7, 0);
        assertThat(mean[1][0][3 * 5]).isEqualTo(uv[1][10]);
        assertThat(mean[1][0][3 * 5 + 1]).isEqualTo(uv[1][11]);
        assertThat(mean[1][0][3 * 5 + 2]).isCloseTo(50f, within(1e-3f));
        assertThat(mean[1][0][2]).isZero(); // the root
        float[][][] all = p.guess(uv, null, ImageSize.GFPOSE, 4, 7, 0);
        float[][][] tail = p.guess(new float[][] {uv[2]}, null, ImageSize.GFPOSE, 4, 7, 2);
        assertThat(tail[0]).isDeepEqualTo(all[2]); // a pose's draws do not depend on the others in the call
        assertThat(all[2][0][3 * 5 + 2]).isNotEqualTo(all[2][1][3 * 5 + 2]);
        assertThat(p.guess(uv, null, ImageSize.GFPOSE, 4, 8, 0)[2][0][3 * 5 + 2]).isNotEqualTo(all[2][0][3 * 5 + 2]);
    }

    @Test
    void badMixturesAreOneLineNamingTheJoint() {
        float[][] w = new float[J][], m = new float[J][], s = new float[J][];
        for (int j = 0; j < J; j++) { w[j] = new float[] {0.5f, 0.5f}; m[j] = new float[] {0, 1}; s[j] = new float[] {1, 1}; }
        s[4] = new float[] {1, 0};
        assertThatThrownBy(() -> new DepthPrior(w, m, s)).isInstanceOf(GfposeException.class).hasMessageContaining("l_hip, component 1");
        s[4] = new float[] {1, 1};
        w[6] = new float[] {0.5f, 0.6f};
        assertThatThrownBy(() -> new DepthPrior(w, m, s)).isInstanceOf(GfposeException.class).hasMessageContaining("l_ankle: weights sum");
    }
}
