package gfpose.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Back-propagation against central finite differences. The network runs in float32, where a finite difference
 * would drown in rounding (a step small enough for the O(h²) error leaves only a few significant bits), so the
 * differences are taken on {@link DoubleTwin}, an independent float64 transcription of the same forward pass with
 * the same dropout draws; the float32 analytic gradient must agree with it to float32 accuracy.
 */
class TrainNetGradTest {
    static final ModelConfig SMALL = ModelConfig.of(16, 8, 2, 4);

    /** A batch exercising every branch: 2-D and 3-D conditions, masked joints, a fully masked row. */
    static final class Batch {
        final int rows;
        final float[] x, tau, cond, mask, z;

        Batch(long seed) { this(seed, 5); }

        Batch(long seed, int rows) {
            this.rows = rows;
            x = new float[rows * 51]; tau = new float[rows]; cond = new float[rows * 51];
            mask = new float[rows * 51]; z = new float[rows * 51];
            Rng r = new Rng(seed);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (3 * r.nextGaussian());
                z[i] = (float) r.nextGaussian();
                cond[i] = (i % 3 == 2 && i / 51 < 3) ? 0f : (float) (3 * r.nextGaussian());
                mask[i] = (i / 51 == 4) || r.nextDouble() < 0.2 ? 0f : 1f;
            }
            for (int k = 0; k < rows; k++) tau[k] = (float) (999 * r.nextDouble());
        }
    }

    static double maxAbs(double[] a) { double m = 0; for (double v : a) m = Math.max(m, Math.abs(v)); return m; }

    @Test
    void endToEndMatchesFiniteDifferencesWithDropoutAndMasking() {
        ScoreNet base = ScoreNet.random(SMALL, 7);
        TrainNet net = TrainNet.of(base);
        Batch b = new Batch(11);
        Rng[] rng = new Rng[b.rows];
        for (int r = 0; r < b.rows; r++) rng[r] = Rng.stream(3, r);
        double loss = net.lossAndGradient(b.x, b.tau, b.cond, b.mask, b.z, b.rows, 0.25f, rng, null, null);
        int subs = 1 + 2 * SMALL.blocks();
        float[][] drop = new float[subs][];
        for (int s = 0; s < subs; s++) drop[s] = net.lastDropout(s).clone();
        DoubleTwin twin = new DoubleTwin(SMALL, net.parameterArrays(), b, drop);
        assertThat(Math.abs(twin.loss() - loss)).isLessThan(1e-5 * Math.abs(loss));

        List<ParamSpec> specs = net.specs();
        float[][] g = net.gradientArrays();
        for (int i = 0; i < specs.size(); i++) {
            double[] fd = new double[g[i].length];
            for (int k = 0; k < fd.length; k++) {
                double keep = twin.p[i][k], h = 1e-6 * Math.max(1, Math.abs(keep));
                twin.p[i][k] = keep + h;
                double up = twin.loss();
                twin.p[i][k] = keep - h;
                double down = twin.loss();
                twin.p[i][k] = keep;
                fd[k] = (up - down) / (2 * h);
            }
            double maxDiff = 0;
            for (int k = 0; k < fd.length; k++) maxDiff = Math.max(maxDiff, Math.abs(g[i][k] - fd[k]));
            assertThat(maxDiff).as(specs.get(i).name()).isLessThan(1e-4 * maxAbs(fd) + 1e-7);
        }
    }

    @Test
    void threadCountDoesNotChangeGradients() {
        TrainNet one = TrainNet.of(ScoreNet.random(ModelConfig.of(32, 8, 1, 4), 5));
        TrainNet two = TrainNet.of(ScoreNet.random(ModelConfig.of(32, 8, 1, 4), 5));
        Batch b = new Batch(2, 11); // 3 threads take rows [0, 4), [4, 8), [8, 11) of the forward and backward passes
        Rng[] r1 = new Rng[b.rows], r2 = new Rng[b.rows];
        for (int r = 0; r < b.rows; r++) { r1[r] = Rng.stream(9, r); r2[r] = Rng.stream(9, r); }
        double l1 = one.lossAndGradient(b.x, b.tau, b.cond, b.mask, b.z, b.rows, 0.25f, r1, null, null);
        double l2;
        try (ThreadPool pool = new ThreadPool(3)) {
            l2 = two.lossAndGradient(b.x, b.tau, b.cond, b.mask, b.z, b.rows, 0.25f, r2, null, pool);
        }
        assertThat(l2).isEqualTo(l1);
        for (int i = 0; i < one.gradientArrays().length; i++) {
            assertThat(two.gradientArrays()[i]).as(one.specs().get(i).name()).isEqualTo(one.gradientArrays()[i]);
        }
    }

    @Test
    void evalModeTrainForwardEqualsEvalForwardBitwise() {
        ScoreNet net = ScoreNet.random(ModelConfig.of(32, 8, 2, 4), 3);
        TrainNet t = TrainNet.of(net);
        Batch b = new Batch(4);
        t.lossAndGradient(b.x, b.tau, b.cond, b.mask, b.z, b.rows, 0f, null, null, null);
        float[] out = new float[b.rows * 51];
        net.forward(b.x, b.tau, b.cond, b.mask, b.rows, out, null);
        assertThat(java.util.Arrays.copyOf(t.lastOutput(), out.length)).isEqualTo(out);
    }

    @Test
    void dropoutDropsAFractionPAndScalesTheRest() {
        float[] scales = new float[200_001]; // odd: the last value takes a draw of its own
        TrainNet.dropoutScales(new Rng(5), 0.25f, scales, 0, scales.length);
        int dropped = 0;
        for (float v : scales) {
            assertThat(v).isIn(0f, 1f / 0.75f);
            if (v == 0f) dropped++;
        }
        // binomial sd = sqrt(n·p·(1−p)) ≈ 194: 5 sd either side
        assertThat(dropped).isBetween(50_000 - 970, 50_000 + 970);
        float[] again = new float[scales.length];
        TrainNet.dropoutScales(new Rng(5), 0.25f, again, 0, again.length);
        assertThat(again).containsExactly(scales);
    }
}
