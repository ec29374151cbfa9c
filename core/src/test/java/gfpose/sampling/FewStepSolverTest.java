package gfpose.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;
import gfpose.sde.SubVpSde;
import gfpose.sde.VeSde;
import gfpose.sde.VpSde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The few-step solvers against exact answers: the diffused Gaussian's moments (every solver, every SDE), the exact
 * probability-flow map of a diagonal Gaussian (convergence order 1 for DDIM, 2 for DPM-Solver++(2M) and Heun), the
 * knots of every spacing, and independence of thread count and batch.
 */
class FewStepSolverTest {
    static final Sde SUBVP = SubVpSde.GFPOSE;

    @ParameterizedTest
    @EnumSource(names = {"DDIM_ODE", "DPM2M_ODE", "HEUN", "DDIM_SDE", "DPM2M_SDE", "DPM3M_SDE"})
    void everySolverReproducesTheGaussian(SamplerKind kind) {
        // first order needs many more steps than second order for the same accuracy
        int steps = kind == SamplerKind.DDIM_ODE || kind == SamplerKind.DDIM_SDE ? 400 : 50;
        for (Sde sde : new Sde[] {SUBVP, VpSde.defaults()}) {
            TimeGrid grid = TimeGrid.solver(sde, TimeSpacing.LAMBDA, 1.0, 1e-3, steps);
            String bad = GaussianSamplerTest.check(sde, Sampler.of(kind, sde, 0.16, 1), grid);
            assertThat(bad).as(kind + " on " + sde.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void aSecondOrderSolverIsCloseInTenSteps() {
        TimeGrid grid = TimeGrid.solver(SUBVP, TimeSpacing.LAMBDA, 1.0, 1e-3, 10);
        for (SamplerKind k : new SamplerKind[] {SamplerKind.DPM2M_ODE, SamplerKind.DPM2M_SDE}) {
            assertThat(GaussianSamplerTest.check(SUBVP, Sampler.of(k, SUBVP, 0.16, 1), grid)).as(k.cliName()).isNull();
        }
    }

    @Test
    void brokenSolversAreCaught() {
        // a first-order solver on only 3 steps, and DPM-Solver++ fed the score with the wrong sign
        TimeGrid three = TimeGrid.solver(SUBVP, TimeSpacing.TIME, 1.0, 1e-3, 3);
        assertThat(GaussianSamplerTest.check(SUBVP, Sampler.of(SamplerKind.DDIM_ODE, SUBVP, 0.16, 1), three)).isNotNull();
        ScoreFunction flipped = (x, rows, t, out) -> {
            GaussianSamplerTest.G.score(SUBVP).score(x, rows, t, out);
            for (int i = 0; i < rows * GaussianSamplerTest.D; i++) out[i] = -out[i];
        };
        float[] x = GaussianSamplerTest.run(SUBVP, Sampler.of(SamplerKind.DPM2M_ODE, SUBVP, 0.16, 1),
                TimeGrid.solver(SUBVP, TimeSpacing.LAMBDA, 1.0, 1e-3, 50), flipped, 7);
        assertThat(GaussianSamplerTest.G.mismatch(x, GaussianSamplerTest.N, GaussianSamplerTest.D, Gaussian.range(4), 5, 0.03)).isNotNull();
    }

    /** N(μ, diag(v)) in 3 dims: the probability-flow ODE keeps (x − mμ)/√(m²v + std²) constant per coordinate. */
    static final double[] MU = {1.5, -0.7, 0.2}, VAR = {0.04, 1.0, 9.0};

    static ScoreFunction diagonal(Sde sde) {
        return (x, rows, t, out) -> {
            double m = sde.meanCoeff(t), s = sde.std(t);
            for (int r = 0; r < rows; r++) for (int i = 0; i < 3; i++) out[r * 3 + i] = (float) (-(x[r * 3 + i] - m * MU[i]) / (m * m * VAR[i] + s * s));
        };
    }

    /**
     * Max error of one solver run from fixed starts against the exact map: the probability-flow ODE keeps
     * (x − mμ)/√(m²v + std²) constant, GFPose's deterministic drift (factor 1) keeps (x/m − μ)/(v + (std/m)²) constant.
     */
    static double flowError(Sde sde, SamplerKind kind, int steps) {
        boolean drift = kind == SamplerKind.DDIM || kind == SamplerKind.DPM2M || kind == SamplerKind.DPM3M;
        return flowError(sde, Sampler.of(kind, sde, 0.16, 1), drift, steps);
    }

    static double flowError(Sde sde, Sampler sampler, boolean drift, int steps) {
        TimeGrid grid = TimeGrid.solver(sde, TimeSpacing.LAMBDA, 1.0, 1e-3, steps);
        int rows = 8;
        float[] x = new float[rows * 3];
        double[] want = new double[rows * 3];
        Rng rng = new Rng(11);
        double m0 = sde.meanCoeff(1.0), s0 = sde.std(1.0), m1 = sde.meanCoeff(1e-3), s1 = sde.std(1e-3);
        for (int r = 0; r < rows; r++) for (int i = 0; i < 3; i++) {
            double u = rng.nextGaussian();
            x[r * 3 + i] = (float) (m0 * MU[i] + Math.sqrt(m0 * m0 * VAR[i] + s0 * s0) * u);
            double x0 = x[r * 3 + i], st0 = s0 / m0, st1 = s1 / m1;
            want[r * 3 + i] = drift ? m1 * (MU[i] + (x0 / m0 - MU[i]) * (VAR[i] + st1 * st1) / (VAR[i] + st0 * st0))
                    : m1 * MU[i] + Math.sqrt(m1 * m1 * VAR[i] + s1 * s1) * u;
        }
        sampler.sample(diagonal(sde), grid, x, rows, 3, GaussianSamplerTest.rngs(1, rows), null, null);
        double err = 0;
        for (int i = 0; i < rows * 3; i++) err = Math.max(err, Math.abs(x[i] - want[i]));
        return err;
    }

    @Test
    void convergenceOrdersMatchTheMethods() {
        for (Sde sde : new Sde[] {SUBVP, VpSde.defaults(), VeSde.defaults()}) {
            String name = sde.getClass().getSimpleName();
            double d1 = flowError(sde, SamplerKind.DDIM_ODE, 20), d2 = flowError(sde, SamplerKind.DDIM_ODE, 40);
            double p1 = flowError(sde, SamplerKind.DPM2M_ODE, 20), p2 = flowError(sde, SamplerKind.DPM2M_ODE, 40);
            double h1 = flowError(sde, SamplerKind.HEUN, 20), h2 = flowError(sde, SamplerKind.HEUN, 40);
            assertThat(d1 / d2).as("DDIM halving the step on " + name).isBetween(1.6, 2.6);
            assertThat(p1 / p2).as("DPM-Solver++(2M) halving the step on " + name).isGreaterThan(3.2);
            assertThat(h1 / h2).as("Heun halving the step on " + name).isGreaterThan(3.2);
            assertThat(p1).as("second order beats first at equal steps on " + name).isLessThan(d1 / 4);
            Sampler third = new DpmSolver(sde, 3, DpmSolver.Process.FLOW);
            // 3M's first step is first order, so its global order is 2 as well, with a smaller constant
            double t2 = flowError(sde, third, false, 40), t3 = flowError(sde, third, false, 80);
            assertThat(t2 / t3).as("DPM-Solver++(3M) halving the step on " + name).isGreaterThan(3.2);
            assertThat(t2).as("3M beats 2M at equal steps on " + name).isLessThan(p2 / 2);
            // GFPose's deterministic process (the reverse SDE's drift): for Gaussian data its exponential integrator is exact
            assertThat(flowError(sde, SamplerKind.DDIM, 5)).as("DDIM on the drift, " + name).isLessThan(2e-5);
            assertThat(flowError(sde, SamplerKind.DPM2M, 10)).as("DPM-Solver++(2M) on the drift, " + name).isLessThan(2e-5);
            assertThat(flowError(sde, SamplerKind.DPM3M, 10)).as("DPM-Solver++(3M) on the drift, " + name).isLessThan(2e-5);
        }
    }

    /** A 1-d mixture 0.3 N(−1, 0.1) + 0.7 N(2, 0.5): its exact diffused score, where no solver is exact. */
    static ScoreFunction mixture(Sde sde) {
        double[] w = {0.3, 0.7}, mu = {-1, 2}, v = {0.1, 0.5};
        return (x, rows, t, out) -> {
            double m = sde.meanCoeff(t), s = sde.std(t);
            for (int r = 0; r < rows; r++) {
                double num = 0, den = 0;
                for (int k = 0; k < 2; k++) {
                    double var = m * m * v[k] + s * s, dx = x[r] - m * mu[k];
                    double p = w[k] * Math.exp(-0.5 * dx * dx / var) / Math.sqrt(var);
                    num += p * -dx / var;
                    den += p;
                }
                out[r] = (float) (num / den);
            }
        };
    }

    static float[] mixtureRun(SamplerKind kind, int steps) {
        float[] x = new float[16];
        for (int i = 0; i < x.length; i++) x[i] = -2f + 0.27f * i;
        Sampler.of(kind, SUBVP, 0.16, 1).sample(mixture(SUBVP), TimeGrid.solver(SUBVP, TimeSpacing.LAMBDA, 1.0, 1e-3, steps), x,
                x.length, 1, GaussianSamplerTest.rngs(1, x.length), null, null);
        return x;
    }

    static double maxDiff(float[] a, float[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
        return e;
    }

    @Test
    void onAMixtureTheDriftSolversConvergeWithTheirOrder() {
        float[] exact = mixtureRun(SamplerKind.DPM2M, 3000);
        assertThat(maxDiff(mixtureRun(SamplerKind.DPM2M, 1500), exact)).isLessThan(1e-4);
        double g1 = maxDiff(mixtureRun(SamplerKind.DDIM, 20), exact), g2 = maxDiff(mixtureRun(SamplerKind.DDIM, 40), exact);
        double q1 = maxDiff(mixtureRun(SamplerKind.DPM2M, 20), exact), q2 = maxDiff(mixtureRun(SamplerKind.DPM2M, 40), exact);
        assertThat(g1 / g2).as("DDIM halving the step").isBetween(1.6, 2.6);
        assertThat(q1 / q2).as("DPM-Solver++(2M) halving the step").isGreaterThan(3.2);
        // 3M converges too (its order is measured on the smooth Gaussian flow above: here a few particles sit near the
        // point where the two modes part, and the error at a given step count is not monotone for any solver)
        assertThat(maxDiff(mixtureRun(SamplerKind.DPM3M, 40), exact)).as("DPM-Solver++(3M), 40 steps").isLessThan(q2);
        // and GFPose's own Euler steps on the same process agree with it at 1000 steps
        float[] euler = new float[16];
        for (int i = 0; i < euler.length; i++) euler[i] = -2f + 0.27f * i;
        Sampler.of(SamplerKind.DETERMINISTIC, SUBVP, 0.16, 1).sample(mixture(SUBVP), TimeGrid.linspace(1.0, 1e-3, 4000), euler,
                euler.length, 1, GaussianSamplerTest.rngs(1, 16), null, null);
        assertThat(maxDiff(euler, exact)).isLessThan(0.02);
    }

    @Test
    void ddimIsExactForAPointMassInOneStep() {
        // D is exact everywhere when the data is one point, so the exponential integrator has no error at all
        double mu = 0.8;
        ScoreFunction point = (x, rows, t, out) -> {
            double m = SUBVP.meanCoeff(t), s = SUBVP.std(t);
            for (int i = 0; i < rows; i++) out[i] = (float) (-(x[i] - m * mu) / (s * s));
        };
        float[] x = {0.3f};
        double m0 = SUBVP.meanCoeff(1), s0 = SUBVP.std(1), m1 = SUBVP.meanCoeff(1e-3), s1 = SUBVP.std(1e-3);
        double want = m1 * mu + s1 * (0.3 - m0 * mu) / s0;
        Sampler.of(SamplerKind.DDIM_ODE, SUBVP, 0.16, 1).sample(point, TimeGrid.solver(SUBVP, TimeSpacing.LAMBDA, 1, 1e-3, 1), x, 1, 1,
                GaussianSamplerTest.rngs(1, 1), null, null);
        // up to float rounding of the score, which D = (x + σ²s)/α amplifies by 1/α(1) ≈ 150
        assertThat((double) x[0]).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void knotsRunFromStartToEndAndLambdaIsUniform() {
        for (Sde sde : new Sde[] {SUBVP, VpSde.defaults(), VeSde.defaults()}) {
            for (double t : new double[] {1e-3, 0.01, 0.3, 0.999}) assertThat(sde.timeAtLambda(sde.lambda(t))).isCloseTo(t, org.assertj.core.data.Offset.offset(1e-9));
            for (TimeSpacing sp : TimeSpacing.values()) {
                double[] k = sp.knots(sde, 1.0, 1e-3, 12);
                assertThat(k).hasSize(13);
                assertThat(k[0]).isEqualTo(1.0);
                assertThat(k[12]).isEqualTo(1e-3);
                for (int i = 1; i < k.length; i++) assertThat(k[i]).as(sp + " decreasing").isLessThan(k[i - 1]);
            }
            double[] k = TimeSpacing.LAMBDA.knots(sde, 1.0, 1e-3, 12);
            double h = sde.lambda(k[1]) - sde.lambda(k[0]);
            for (int i = 1; i < 12; i++) assertThat(sde.lambda(k[i + 1]) - sde.lambda(k[i])).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-6));
        }
        TimeGrid g = TimeGrid.solver(SUBVP, TimeSpacing.TIME, 1.0, 1e-3, 4);
        assertThat(g.steps()).isEqualTo(4);
        assertThat(g.next(3)).isEqualTo(1e-3);
        assertThat(g.next(0)).isEqualTo(g.t(1));
    }

    @ParameterizedTest
    @EnumSource(names = {"DDIM_SDE", "DPM2M_SDE", "DPM3M_SDE", "HEUN"})
    void resultsDependOnNeitherThreadsNorTheOtherRows(SamplerKind kind) {
        int rows = 9, d = 4;
        TimeGrid grid = TimeGrid.solver(SUBVP, TimeSpacing.LAMBDA, 1.0, 1e-3, 8);
        ScoreFunction score = GaussianSamplerTest.G.score(SUBVP);
        Sampler s = Sampler.of(kind, SUBVP, 0.16, 1);
        float[] start = new float[rows * d];
        Rng r = new Rng(3);
        for (int i = 0; i < start.length; i++) start[i] = (float) r.nextGaussian();
        float[] one = start.clone(), two = start.clone(), tail = java.util.Arrays.copyOfRange(start, 4 * d, rows * d);
        s.sample(score, grid, one, rows, d, GaussianSamplerTest.rngs(5, rows), null, null);
        try (ThreadPool pool = new ThreadPool(2)) {
            s.sample(score, grid, two, rows, d, GaussianSamplerTest.rngs(5, rows), null, pool);
        }
        assertThat(two).containsExactly(one);
        Rng[] tailRngs = java.util.Arrays.copyOfRange(GaussianSamplerTest.rngs(5, rows), 4, rows);
        s.sample(score, grid, tail, rows - 4, d, tailRngs, null, null);
        assertThat(tail).containsExactly(java.util.Arrays.copyOfRange(one, 4 * d, rows * d));
    }
}
