package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.sde.ScoreFunction;
import gfpose.skeleton.Skeleton;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mirror-averaged score is exactly mirror-equivariant, whatever the score it averages. */
class MirrorAveragedTest {
    private static final int D = Skeleton.DIM;

    /** A deliberately lopsided conditional score: each entry mixes the state, the masked condition and a left/right bias. */
    private static final TaskSampler.ConditionalScore LOPSIDED = (cond, mask, rows, pool) -> (x, n, t, out) -> {
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < D; i++) {
                int k = p * D + i;
                float m = mask == null ? 1f : mask[k];
                out[k] = (float) (-x[k] / (1 + t) + 0.7f * m * cond[k] + 0.3 * Math.sin(x[p * D + (i * 7) % D]) + 0.01f * i);
            }
        }
    };

    @Test
    void mirroredInputsGiveTheMirroredScoreBitForBit() {
        Random rnd = new Random(5);
        int rows = 3;
        float[] x = new float[rows * D], c = new float[rows * D], m = new float[rows * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian() * 20;
            c[i] = (float) rnd.nextGaussian() * 20;
            m[i] = rnd.nextBoolean() ? 1f : 0f;
        }
        float[] mx = mirror(x, true), mc = mirror(c, true), mm = mirror(m, false);
        TaskSampler.ConditionalScore avg = new MirrorAveraged(LOPSIDED);
        float[] s = score(avg.bind(c, m, rows, null), x), sm = score(avg.bind(mc, mm, rows, null), mx);
        assertThat(sm).containsExactly(mirror(s, true));
        // the plain score is not symmetric, so the test has something to catch
        float[] p = score(LOPSIDED.bind(c, m, rows, null), x), pm = score(LOPSIDED.bind(mc, mm, rows, null), mx);
        assertThat(java.util.Arrays.equals(pm, mirror(p, true))).isFalse();
        // and a symmetric score is left as it is (½ (s + s) = s)
        TaskSampler.ConditionalScore symmetric = (cond, mask, r, pool) -> (xx, n, t, out) -> {
            for (int i = 0; i < n * D; i++) out[i] = -xx[i] * 0.5f;
        };
        assertThat(score(new MirrorAveraged(symmetric).bind(c, m, rows, null), x)).containsExactly(score(symmetric.bind(c, m, rows, null), x));
    }

    @Test
    void mirrorIsAnInvolutionSwappingLeftAndRight() {
        float[] pose = new float[D];
        for (int i = 0; i < D; i++) pose[i] = i + 1;
        float[] once = mirror(pose, true);
        assertThat(mirror(once, true)).containsExactly(pose);
        int lHip = Skeleton.left()[0], rHip = Skeleton.right()[0];
        assertThat(once[3 * lHip]).isEqualTo(-pose[3 * rHip]);
        assertThat(once[3 * lHip + 1]).isEqualTo(pose[3 * rHip + 1]);
        assertThat(once[0]).isEqualTo(-pose[0]); // the pelvis stays, x negated
    }

    private static float[] mirror(float[] a, boolean negateX) {
        float[] b = new float[a.length];
        MirrorAveraged.mirror(a, b, a.length / D, negateX);
        return b;
    }

    private static float[] score(ScoreFunction f, float[] x) {
        float[] out = new float[x.length];
        f.score(x, x.length / D, 0.4, out);
        return out;
    }
}
