package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/**
 * DPM-Solver++ (Lu et al. 2022) for the ε-network: exponential integrators of order 1 (DDIM) or 2 (multistep "2M")
 * for the three reverse processes GFPose samples with. Written on the marginal x_t = α x_0 + σ ε with α = m(t),
 * σ = std(t) of any {@link Sde} (sub-VP: σ = 1 − α², not √(1 − α²)) and λ = log(α/σ). With the data prediction
 * D = (x + σ² s)/α (s the score = −ε/σ), h = λ' − λ and f = 1 (probability-flow ODE) or 2 (reverse SDE, with or
 * without its noise), one step from t to t' is
 * <pre>
 * x' = (σ'/σ) e^{−(f−1)h} x + α' (1 − e^{−fh}) [D + (1/2r)(D − D_prev)] + σ' √(1 − e^{−2(f−1)h}) z,   r = h_prev/h
 * </pre>
 * f = 1 is DPM-Solver++(2M); f = 2 with z is SDE-DPM-Solver++(2M) (k-diffusion's {@code dpmpp_2m_sde}, midpoint form,
 * taken from σ/α to x); f = 2 without z integrates GFPose's deterministic sampler dx = [f(x,t) − g² ∇log p] dt, the
 * reverse SDE's drift, whose exponential integrator is exactly the SDE solver's mean. The first step, and the last
 * one when there are fewer than 10 (DPM-Solver's {@code lower_order_final}), are first order; the last step adds no
 * noise.
 */
public final class DpmSolver implements Sampler {
    /** Which reverse process is integrated. */
    public enum Process {
        /** The probability-flow ODE (drift factor ½): samples the distribution deterministically. */
        FLOW(1, false),
        /** GFPose's deterministic sampler: the reverse SDE's drift without noise (mode-seeking). */
        DRIFT(2, false),
        /** The reverse SDE with its noise. */
        SDE(2, true);

        final int f;
        final boolean noise;

        Process(int f, boolean noise) {
            this.f = f;
            this.noise = noise;
        }
    }

    private final Sde sde;
    private final int order;
    private final Process process;

    /**
     * A solver for one process; immutable, so one instance may run several batches at once.
     *
     * @param sde     the forward SDE, for m(t), std(t) and λ(t)
     * @param order   1 (DDIM) or 2 (DPM-Solver++(2M), one network call per step like order 1)
     * @param process which reverse process is integrated
     * @throws IllegalArgumentException if order is not 1 or 2
     */
    public DpmSolver(Sde sde, int order, Process process) {
        if (order < 1 || order > 2) throw new IllegalArgumentException("order must be 1 or 2, got " + order);
        this.sde = sde;
        this.order = order;
        this.process = process;
    }

    @Override
    public void sample(ScoreFunction score, TimeGrid grid, float[] x, int rows, int dim, Rng[] rngs, Imputation imp, ThreadPool pool) {
        int n = rows * dim, steps = grid.steps(), f = process.f;
        float[] s = new float[n], d = new float[n], dPrev = new float[n], xMean = new float[n];
        if (imp != null) ThreadPool.run(pool, rows, 1, (a, b) -> imp.impute(x, xMean, dim, a, b, grid.t(0), rngs));
        double hPrev = 0;
        for (int i = 0; i < steps; i++) {
            double t = grid.t(i), tn = grid.next(i);
            double al = sde.meanCoeff(t), sg = sde.std(t), aln = sde.meanCoeff(tn), sgn = sde.std(tn);
            double h = sde.lambda(tn) - sde.lambda(t), ks = sg * sg;
            boolean second = order == 2 && i > 0 && !(i == steps - 1 && steps < 10);
            boolean noise = process.noise && i < steps - 1;
            double cx = sgn / sg * Math.exp(-(f - 1) * h), cd = -aln * Math.expm1(-f * h);
            double corr = second ? cd * 0.5 * h / hPrev : 0, cz = noise ? sgn * Math.sqrt(-Math.expm1(-2 * (f - 1) * h)) : 0;
            score.score(x, rows, t, s);
            ThreadPool.run(pool, rows, 1, (a, b) -> {
                float[] z = noise ? new float[dim] : null;
                for (int r = a; r < b; r++) {
                    if (noise) rngs[r].fillGaussian(z, 0, dim);
                    for (int k = 0, o = r * dim; k < dim; k++, o++) {
                        double dk = (x[o] + ks * s[o]) / al;
                        double mean = cx * x[o] + cd * dk + corr * (dk - dPrev[o]);
                        d[o] = (float) dk;
                        xMean[o] = (float) mean;
                        x[o] = (float) (noise ? mean + cz * z[k] : mean);
                    }
                }
                if (imp != null) imp.impute(x, xMean, dim, a, b, tn, rngs);
            });
            System.arraycopy(d, 0, dPrev, 0, n);
            hPrev = h;
        }
    }
}
