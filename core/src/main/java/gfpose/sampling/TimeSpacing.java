package gfpose.sampling;

import gfpose.sde.Sde;

/**
 * Where a few-step solver puts its M + 1 knots t_0 = t_start &gt; … &gt; t_M = t_end (DPM-Solver's {@code skip_type}s
 * and EDM's schedule). Dense steps near t_end matter most: that is where the pose's detail is decided.
 */
public enum TimeSpacing {
    /** Uniform in λ = log(m/std) (DPM-Solver's {@code logSNR}). */
    LAMBDA,
    /** Uniform in t. */
    TIME,
    /** Uniform in √t (DPM-Solver's {@code time_quadratic}). */
    QUADRATIC,
    /** Karras et al. (EDM): uniform in σ̃^(1/7), σ̃ = std/m = e^(−λ). */
    KARRAS;

    /**
     * The knots t_0..t_M for M steps (M + 1 values, decreasing).
     *
     * @param sde    the forward SDE, whose λ(t) places the {@link #LAMBDA} and {@link #KARRAS} knots
     * @param tStart t_0, in (0, T]
     * @param tEnd   t_M, in (0, tStart)
     * @param steps  M (≥ 1)
     * @return a new array of M + 1 times from exactly tStart down to exactly tEnd
     * @throws IllegalArgumentException if steps &lt; 1 or not tStart &gt; tEnd &gt; 0
     */
    public double[] knots(Sde sde, double tStart, double tEnd, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1");
        if (!(tStart > tEnd) || !(tEnd > 0)) throw new IllegalArgumentException("need t_start > t_end > 0");
        double[] t = new double[steps + 1];
        double l0 = sde.lambda(tStart), l1 = sde.lambda(tEnd);
        double rho = 7, k0 = Math.pow(Math.exp(-l0), 1 / rho), k1 = Math.pow(Math.exp(-l1), 1 / rho);
        for (int i = 0; i <= steps; i++) {
            double f = (double) i / steps;
            t[i] = switch (this) {
                case LAMBDA -> sde.timeAtLambda(l0 + f * (l1 - l0));
                case TIME -> tStart + f * (tEnd - tStart);
                case QUADRATIC -> { double r = Math.sqrt(tStart) + f * (Math.sqrt(tEnd) - Math.sqrt(tStart)); yield r * r; }
                case KARRAS -> sde.timeAtLambda(-rho * Math.log(k0 + f * (k1 - k0)));
            };
        }
        t[0] = tStart;   // exact ends whatever the inversion's rounding
        t[steps] = tEnd;
        return t;
    }
}
