package gfpose.sde;

import gfpose.kernel.Rng;

/**
 * A forward diffusion dx = f(x,t) dt + g(t) dw on [0, T] with a linear drift f(x,t) = a(t)·x, as in score_sde's
 * {@code sde_lib}. All three SDEs used here have Gaussian transition kernels: x_t | x_0 ~ N(m(t) x_0, std(t)² I).
 * Coefficients are computed in double.
 */
public abstract class Sde {
    private final int n;
    private final double tMax;

    /**
     * For subclasses: fixes N and T.
     *
     * @param n    N, the number of discretisation steps (at least 1); sets the discrete β_i of {@link #langevinAlpha}
     * @param tMax T, the end time of the forward process (&gt; 0); times are then in (0, T]
     * @throws IllegalArgumentException if n &lt; 1 or tMax is not positive
     */
    protected Sde(int n, double tMax) {
        if (n < 1 || !(tMax > 0)) throw new IllegalArgumentException("bad SDE: N=" + n + ", T=" + tMax);
        this.n = n;
        this.tMax = tMax;
    }

    /**
     * Number of discretisation steps the SDE was trained/configured with (GFPose: 1000).
     *
     * @return N, at least 1
     */
    public final int N() { return n; }

    /**
     * End time of the forward process (GFPose: 1).
     *
     * @return T &gt; 0
     */
    public final double T() { return tMax; }

    /**
     * m(t): mean of x_t given x_0 is m(t)·x_0.
     *
     * @param t diffusion time in [0, T]
     * @return m(t), in (0, 1] (1 at t = 0; identically 1 for VE)
     */
    public abstract double meanCoeff(double t);

    /**
     * std(t): standard deviation of x_t given x_0 (per coordinate).
     *
     * @param t diffusion time in (0, T]
     * @return std(t) &gt; 0, increasing in t (a standard deviation, also for sub-VP where it equals 1 − m(t)²)
     */
    public abstract double std(double t);

    /**
     * a(t) of the linear forward drift f(x,t) = a(t)·x (−½β(t) for VP/sub-VP, 0 for VE).
     *
     * @param t diffusion time in [0, T]
     * @return a(t), at most 0
     */
    public abstract double driftCoeff(double t);

    /**
     * g(t), the diffusion coefficient.
     *
     * @param t diffusion time in [0, T]
     * @return g(t) ≥ 0
     */
    public abstract double diffusion(double t);

    /**
     * g(t)²; subclasses override when a direct formula is more accurate than squaring g.
     *
     * @param t diffusion time in [0, T]
     * @return g(t)², the factor of the score in the reverse drift
     */
    public double diffusionSq(double t) {
        double g = diffusion(t);
        return g * g;
    }

    /**
     * λ(t) = log(m(t)/std(t)), the half log signal-to-noise ratio the exponential-integrator solvers (DDIM,
     * DPM-Solver++) step in; decreasing in t.
     *
     * @param t diffusion time in (0, T]
     * @return λ(t); +∞ at t = 0 when std(0) = 0 (VP, sub-VP)
     */
    public double lambda(double t) { return Math.log(meanCoeff(t) / std(t)); }

    /**
     * The t in (0, T] with λ(t) = l, by bisection (λ is monotone); clamped to the ends of (0, T].
     * Used to place few-step solver knots uniformly in λ.
     *
     * @param l the target λ (half log-SNR)
     * @return t with λ(t) = l (bisected to 1e-15 in t); 1e-9 when l ≥ λ(1e-9), T when l ≤ λ(T)
     */
    public double timeAtLambda(double l) {
        double lo = 1e-9, hi = tMax;
        if (l >= lambda(lo)) return lo;
        if (l <= lambda(hi)) return hi;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (lambda(mid) > l) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Standard deviation of the prior p_T = N(0, priorStd² I).
     *
     * @return priorStd: 1 for VP and sub-VP, σ_max for VE
     */
    public abstract double priorStd();

    /**
     * The label the score network is fed for time t (999·t for VP/sub-VP in continuous time, σ(t) for VE).
     *
     * @param t diffusion time in (0, T]
     * @return τ, the network's time input (see {@link gfpose.nn.ScoreNet#forward})
     */
    public abstract double timeLabel(double t);

    /**
     * The α factor of score_sde's Langevin step size 2α(snr·‖z‖/‖s‖)². 1 unless overridden (VE); VP and sub-VP
     * return score_sde's {@code alphas[t (N-1)/T]} = 1 − β_i/N of the shared β schedule.
     *
     * @param t diffusion time in (0, T]
     * @return α(t) in (0, 1]
     */
    public double langevinAlpha(double t) { return 1.0; }

    /**
     * Fills dst[off, off+n) with draws from the prior N(0, priorStd² I).
     *
     * @param rng the stream to draw from; it advances by n standard normal draws
     * @param dst receives the draws, e.g. x_T for rows x dim values
     * @param off first index of dst written
     * @param n   number of values drawn
     */
    public void samplePrior(Rng rng, float[] dst, int off, int n) {
        double s = priorStd();
        for (int i = 0; i < n; i++) dst[off + i] = (float) (s * rng.nextGaussian());
    }

    /** score_sde's discrete alpha for the linear β schedule β_min..β_max over N steps. */
    static double discreteAlpha(double t, double betaMin, double betaMax, int n, double tMax) {
        int i = (int) Math.floor(t * (n - 1) / tMax);
        i = Math.max(0, Math.min(n - 1, i));
        double beta = betaMin / n + (n == 1 ? 0 : i * (betaMax - betaMin) / n / (n - 1));
        return 1.0 - beta;
    }
}
