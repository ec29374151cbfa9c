package gfpose.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.kernel.Rng;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;
import gfpose.sde.SubVpSde;
import gfpose.sde.VeSde;
import gfpose.sde.VpSde;
import org.junit.jupiter.api.Test;

/**
 * Samplers driven by the exact score of a diffused Gaussian must return that Gaussian (SDE, ODE, PC), and
 * GFPose's deterministic λ = 1 sampler must keep the mean but shrink the covariance. Deliberately broken
 * variants (wrong λ, flipped score sign, wrong dt) must be caught by the same check.
 */
class GaussianSamplerTest {
    static final int N = 3000, D = 4, STEPS = 500;
    static final Gaussian G = Gaussian.example(D);
    static final double K = 5, SLACK = 0.03;

    static Rng[] rngs(long seed, int n) {
        Rng[] r = new Rng[n];
        for (int i = 0; i < n; i++) r[i] = Rng.stream(seed, i);
        return r;
    }

    /** Runs from the exact marginal at t_start ≈ N(m μ, std² I) (the prior, shifted by the tiny m(T)μ). */
    static float[] run(Sde sde, Sampler sampler, TimeGrid grid, ScoreFunction score, long seed) {
        Rng[] r = rngs(seed, N);
        float[] x = new float[N * D];
        double m = sde.meanCoeff(grid.t(0)), s = sde.std(grid.t(0));
        for (int i = 0; i < N; i++) for (int j = 0; j < D; j++) x[i * D + j] = (float) (m * G.mu[j] + s * r[i].nextGaussian());
        sampler.sample(score, grid, x, N, D, r, null, null);
        return x;
    }

    static String check(Sde sde, Sampler sampler, TimeGrid grid) {
        return G.mismatch(run(sde, sampler, grid, G.score(sde), 7), N, D, Gaussian.range(D), K, SLACK);
    }

    static TimeGrid grid() { return TimeGrid.linspace(1.0, 1e-3, STEPS); }

    @Test
    void reverseSdeReproducesTheGaussianForAllThreeSdes() {
        for (Sde sde : new Sde[] {SubVpSde.GFPOSE, VpSde.defaults(), VeSde.defaults()}) {
            assertThat(check(sde, PcSampler.of(SamplerKind.SDE, sde, 0.16, 1), grid())).as(sde.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void probabilityFlowOdeReproducesTheGaussianForAllThreeSdes() {
        for (Sde sde : new Sde[] {SubVpSde.GFPOSE, VpSde.defaults(), VeSde.defaults()}) {
            assertThat(check(sde, PcSampler.of(SamplerKind.ODE, sde, 0.16, 1), grid())).as(sde.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void predictorCorrectorReproducesTheGaussian() {
        Sde sde = SubVpSde.GFPOSE;
        assertThat(check(sde, PcSampler.of(SamplerKind.PC, sde, 0.16, 1), TimeGrid.linspace(1.0, 1e-3, 500))).isNull();
    }

    @Test
    void fewerStepsWithSpacingDtStillWork() {
        Sde sde = SubVpSde.GFPOSE;
        assertThat(check(sde, PcSampler.of(SamplerKind.ODE, sde, 0.16, 1), TimeGrid.linspace(1.0, 1e-3, 200))).isNull();
    }

    @Test
    void gfposeDeterministicKeepsTheMeanButShrinksTheCovariance() {
        Sde sde = SubVpSde.GFPOSE;
        float[] x = run(sde, PcSampler.of(SamplerKind.DETERMINISTIC, sde, 0.16, 1), grid(), G.score(sde), 7);
        // mean: the noise has zero mean, so λ = 1 without noise follows the same mean ODE as the reverse SDE
        for (int j = 0; j < D; j++) {
            double m = 0;
            for (int i = 0; i < N; i++) m += x[i * D + j];
            assertThat(m / N).isCloseTo(G.mu[j], org.assertj.core.data.Offset.offset(5 * Math.sqrt(G.sigma[j][j] / N)));
        }
        // covariance: every marginal variance well below the target (mode seeking)
        for (int j = 0; j < D; j++) {
            double m = 0, v = 0;
            for (int i = 0; i < N; i++) m += x[i * D + j];
            m /= N;
            for (int i = 0; i < N; i++) v += (x[i * D + j] - m) * (x[i * D + j] - m);
            assertThat(v / (N - 1)).isLessThan(0.5 * G.sigma[j][j]);
        }
    }

    @Test
    void brokenVariantsAreCaught() {
        Sde sde = SubVpSde.GFPOSE;
        // λ = 1 without noise is not the probability-flow ODE
        assertThat(check(sde, new PcSampler(new EulerMaruyama(sde, 1.0, false), null), grid())).isNotNull();
        // score with the wrong sign
        ScoreFunction flipped = (x, rows, t, out) -> {
            G.score(sde).score(x, rows, t, out);
            for (int i = 0; i < rows * D; i++) out[i] = -out[i];
        };
        PcSampler ode = PcSampler.of(SamplerKind.ODE, sde, 0.16, 1);
        assertThat(G.mismatch(run(sde, ode, grid(), flipped, 7), N, D, Gaussian.range(D), K, SLACK)).isNotNull();
        // 200 grid points but GFPose's dt = −1/1000: integrates only a fifth of the time span
        TimeGrid g = TimeGrid.linspace(1.0, 1e-3, 200);
        assertThat(check(sde, ode, TimeGrid.of(g.times(), -1e-3))).isNotNull();
    }
}
