package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/**
 * DPM-Solver++ (Lu et al. 2022) for the ε-network: exponential integrators of order 1 (DDIM), 2 or 3 (multistep "2M", "3M")
 * for the three reverse processes GFPose samples with. Written on the marginal x_t = α x_0 + σ ε with α = m(t),
 * σ = std(t) of any {@link Sde} (sub-VP: σ = 1 − α², not √(1 − α²)) and λ = log(α/σ). With the data prediction
 * D = (x + σ² s)/α (s the score = −ε/σ), h = λ' − λ and f = 1 (probability-flow ODE) or 2 (reverse SDE, with or
 * without its noise), one step from t to t' is
 * <pre>
 * x' = (σ'/σ) e^{−(f−1)h} x + α' (1 − e^{−fh}) [D + (1/2r)(D − D_prev)] + σ' √(1 − e^{−2(f−1)h}) z,   r = h_prev/h
 * </pre>
 * f = 1 is DPM-Solver++(2M); f = 2 with z is SDE-DPM-Solver++(2M) (k-diffusion's {@code dpmpp_2m_sde}, midpoint form,
 * taken from σ/α to x); f = 2 without z integrates GFPose's deterministic sampler dx = [f(x,t) − g² ∇log p] dt, the
 * reverse SDE's drift, whose exponential integrator is exactly the SDE solver's mean. Order 3 (3M, k-diffusion's
 * {@code dpmpp_3m_sde}) replaces the bracket's correction, once two earlier D are known, by
 * <pre>
 * α' [φ₂ d₁ − φ₃ d₂],  φ₂ = (e^{−fh} − 1)/(fh) + 1,  φ₃ = φ₂/(fh) − 1/2,
 * d₁ = δ₀ + (δ₀ − δ₁) r₀/(r₀ + r₁),  d₂ = (δ₀ − δ₁)/(r₀ + r₁),  δ₀ = (D − D₋₁)/r₀,  δ₁ = (D₋₁ − D₋₂)/r₁
 * </pre>
 * with r₀ = h₋₁/h and r₁ = h₋₂/h. Step i uses order min(order, i + 1): the first step is first order and a 3M run's
 * second step is the 2M step; with fewer than 10 steps (15 for 3M, as diffusers does) the last ones fall back as well
 * (order ≤ steps − i, DPM-Solver's {@code lower_order_final}). The last step adds no noise. The first-order first step
 * leaves an O(h²) error, so 3M's global order is 2 as well: it gains a smaller constant, not a higher order.
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
     * @param order   1 (DDIM), 2 (DPM-Solver++(2M)) or 3 (3M); one network call per step whatever the order
     * @param process which reverse process is integrated
     * @throws IllegalArgumentException if order is not 1, 2 or 3
     */
    public DpmSolver(Sde sde, int order, Process process) {
        if (order < 1 || order > 3) throw new IllegalArgumentException("order must be 1, 2 or 3, got " + order);
        this.sde = sde;
        this.order = order;
        this.process = process;
    }

    @Override
    public void sample(ScoreFunction score, TimeGrid grid, float[] x, int rows, int dim, Rng[] rngs, Imputation imp, ThreadPool pool) {
        int n = rows * dim, steps = grid.steps(), f = process.f;
        float[] s = new float[n], d = new float[n], dPrev = new float[n], dPrev2 = order == 3 ? new float[n] : null,
                xMean = new float[n];
        if (imp != null) ThreadPool.run(pool, rows, 1, (a, b) -> imp.impute(x, xMean, dim, a, b, grid.t(0), rngs));
        double hPrev = 0, hPrev2 = 0;
        for (int i = 0; i < steps; i++) {
            double t = grid.t(i), tn = grid.next(i);
            double al = sde.meanCoeff(t), sg = sde.std(t), aln = sde.meanCoeff(tn), sgn = sde.std(tn);
            double h = sde.lambda(tn) - sde.lambda(t), ks = sg * sg;
            int ord = Math.min(order, i + 1);
            if (steps < (order == 3 ? 15 : 10)) ord = Math.min(ord, steps - i);
            boolean noise = process.noise && i < steps - 1;
            double cx = sgn / sg * Math.exp(-(f - 1) * h), cd = -aln * Math.expm1(-f * h);
            double corr = ord == 2 ? cd * 0.5 * h / hPrev : 0, cz = noise ? sgn * Math.sqrt(-Math.expm1(-2 * (f - 1) * h)) : 0;
            // third order: α'(φ₂ d₁ − φ₃ d₂) written as c0 (D − D₋₁) + c1 (D₋₁ − D₋₂)
            double c0 = 0, c1 = 0;
            if (ord == 3) {
                double hf = f * h, r0 = hPrev / h, r1 = hPrev2 / h, phi2 = Math.expm1(-hf) / hf + 1, phi3 = phi2 / hf - 0.5;
                double a2 = aln * phi2, a3 = aln * phi3, w = r0 / (r0 + r1);
                // d₁ = δ₀(1 + w) − δ₁ w, d₂ = (δ₀ − δ₁)/(r₀ + r₁), δ₀ = ΔD₀/r₀, δ₁ = ΔD₁/r₁
                c0 = (a2 * (1 + w) - a3 / (r0 + r1)) / r0;
                c1 = (-a2 * w + a3 / (r0 + r1)) / r1;
            }
            final double q0 = c0, q1 = c1;
            final boolean third = ord == 3;
            score.score(x, rows, t, s);
            ThreadPool.run(pool, rows, 1, (a, b) -> {
                float[] z = noise ? new float[dim] : null;
                for (int r = a; r < b; r++) {
                    if (noise) rngs[r].fillGaussian(z, 0, dim);
                    for (int k = 0, o = r * dim; k < dim; k++, o++) {
                        double dk = (x[o] + ks * s[o]) / al;
                        double mean = cx * x[o] + cd * dk + (third ? q0 * (dk - dPrev[o]) + q1 * (dPrev[o] - dPrev2[o])
                                : corr * (dk - dPrev[o]));
                        d[o] = (float) dk;
                        xMean[o] = (float) mean;
                        x[o] = (float) (noise ? mean + cz * z[k] : mean);
                    }
                }
                if (imp != null) imp.impute(x, xMean, dim, a, b, tn, rngs);
            });
            if (dPrev2 != null) System.arraycopy(dPrev, 0, dPrev2, 0, n);
            System.arraycopy(d, 0, dPrev, 0, n);
            hPrev2 = hPrev;
            hPrev = h;
        }
    }
}
