package gfpose.sampling;

import gfpose.sde.Sde;

/**
 * The times at which the reverse process queries the score, from t_start down to t_end, the step dt (&lt; 0) the
 * predictor-corrector loop integrates with, and the time the last step lands on ({@link #next}, which the few-step
 * solvers step between). GFPose ({@code get_pc_sampler}) uses linspace(T, ε, N) with dt = −1/N
 * regardless of the grid spacing; for its default (1, 1e-3, 1000) the spacing is exactly 1/N, so the two
 * coincide. See {@link #linspace} and {@link #gfpose} for the two ways they are generalised.
 */
public final class TimeGrid {
    private final double[] times;
    private final double dt, end;

    private TimeGrid(double[] times, double dt, double end) {
        if (times.length == 0 || !(dt < 0) || !(end < times[times.length - 1])) throw new IllegalArgumentException("bad time grid");
        this.times = times;
        this.dt = dt;
        this.end = end;
    }

    private TimeGrid(double[] times, double dt) { this(times, dt, times[times.length - 1] + dt); }

    /**
     * linspace(tStart, tEnd, steps) with dt = −(tStart − tEnd)/(steps − 1), the grid spacing (steps = 1: one
     * step of the whole span). Equals GFPose's grid and dt for (1, 1e-3, 1000); for other step counts it keeps
     * dt consistent with the spacing so the integrated span stays about t_start whatever the number of steps.
     *
     * @param tStart first query time, in (0, T] (GFPose: T = 1)
     * @param tEnd   last query time, below tStart (GFPose's sampling ε: 1e-3)
     * @param steps  number of queries (≥ 1)
     * @return the grid; its last step lands one dt past the last query
     * @throws IllegalArgumentException if steps &lt; 1 or tStart ≤ tEnd
     */
    public static TimeGrid linspace(double tStart, double tEnd, int steps) {
        double dt = steps == 1 ? -(tStart - tEnd) : -(tStart - tEnd) / (steps - 1);
        return new TimeGrid(points(tStart, tEnd, steps), dt);
    }

    /**
     * GFPose's rule taken literally: linspace(tStart, tEnd, steps) but dt = −1/steps (−1/N) whatever the span.
     * This is how GFPose denoises (spec §3.3: T rebuilt as 0.05, grid [0.05, 1e-3], dt still −1/1000, so the
     * integrator advances one full time unit while the network is queried only at small t).
     *
     * @param tStart first query time, in (0, T]
     * @param tEnd   last query time, below tStart
     * @param steps  number of queries N (≥ 1); also sets dt = −1/N
     * @return the grid; its last step lands 1/N past the last query
     * @throws IllegalArgumentException if steps &lt; 1
     */
    public static TimeGrid gfpose(double tStart, double tEnd, int steps) {
        return new TimeGrid(points(tStart, tEnd, steps), -1.0 / steps);
    }

    /**
     * A few-step solver's grid: M = {@code steps} queries at the first M of {@code spacing}'s M + 1 knots from
     * tStart to tEnd, the last step landing on tEnd itself (dt, unused by the solvers, is the mean spacing).
     *
     * @param sde     the forward SDE (λ-based spacings place their knots by its λ(t))
     * @param spacing where the knots go
     * @param tStart  first query time, in (0, T]
     * @param tEnd    the time the last step lands on, in (0, tStart)
     * @param steps   number of steps M (≥ 1), one query each
     * @return the grid
     * @throws IllegalArgumentException if steps &lt; 1 or not tStart &gt; tEnd &gt; 0
     */
    public static TimeGrid solver(Sde sde, TimeSpacing spacing, double tStart, double tEnd, int steps) {
        double[] k = spacing.knots(sde, tStart, tEnd, steps);
        return new TimeGrid(java.util.Arrays.copyOf(k, steps), -(tStart - tEnd) / steps, tEnd);
    }

    /**
     * Any grid and step (for experiments and tests).
     *
     * @param times the query times, normally decreasing in (0, T] (copied)
     * @param dt    the predictor's step (&lt; 0); the grid ends at the last time plus dt
     * @return the grid
     * @throws IllegalArgumentException if times is empty or dt is not negative
     */
    public static TimeGrid of(double[] times, double dt) { return new TimeGrid(times.clone(), dt); }

    private static double[] points(double a, double b, int n) {
        if (n < 1) throw new IllegalArgumentException("steps must be >= 1");
        double[] t = new double[n];
        if (n == 1) { t[0] = a; return t; }
        double h = (b - a) / (n - 1);
        // as torch.linspace: first half from the start, second half from the end (exact end points)
        for (int i = 0; i < n; i++) t[i] = i < n / 2 ? a + i * h : b - (n - 1 - i) * h;
        return t;
    }

    /**
     * Number of steps, one query time each (PC correctors and Heun add score evaluations per step).
     *
     * @return the number of query times, at least 1
     */
    public int steps() { return times.length; }

    /**
     * The time of query i.
     *
     * @param i step index in [0, {@link #steps()})
     * @return t_i, the time at which step i evaluates the score
     */
    public double t(int i) { return times[i]; }

    /**
     * The time step i lands on: t(i + 1), or after the last query the grid's end.
     *
     * @param i step index in [0, {@link #steps()})
     * @return t_{i+1}, or the grid's end for the last step
     */
    public double next(int i) { return i + 1 < times.length ? times[i + 1] : end; }

    /**
     * The predictor's (negative) step.
     *
     * @return dt &lt; 0
     */
    public double dt() { return dt; }

    /**
     * All query times.
     *
     * @return a copy of t_0..t_{steps−1}
     */
    public double[] times() { return times.clone(); }
}
