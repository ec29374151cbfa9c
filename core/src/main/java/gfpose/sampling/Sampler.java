package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/**
 * A way of running the reverse process over a {@link TimeGrid}: GFPose's predictor-corrector loop or a few-step
 * solver. Row r draws only from rngs[r], so no sampler's result depends on the thread count or on the other rows.
 */
public interface Sampler {
    /**
     * Runs from x (a prior sample or a given start at grid.t(0)) to the grid's end, in place.
     *
     * @param score the score of the target density; called once per network evaluation for all rows at one t
     * @param grid  the query times (t_start down to t_end, in (0, T]) and the step
     * @param x     [rows * dim] start; on return the sample (noise-free)
     * @param rows  number of rows (samples) in x
     * @param dim   values per row (51 for a pose)
     * @param rngs  one stream per row
     * @param imp   null, or the hook that re-imputes observed entries after every step
     * @param pool  null (single thread) or the pool that splits the elementwise updates
     */
    void sample(ScoreFunction score, TimeGrid grid, float[] x, int rows, int dim, Rng[] rngs, Imputation imp, ThreadPool pool);

    /**
     * The sampler of a {@link SamplerKind}; snr and correctorSteps matter for PC only.
     *
     * @param kind           which sampler
     * @param sde            the forward SDE the score belongs to
     * @param snr            the Langevin corrector's signal-to-noise ratio (&gt; 0 when PC has corrector steps)
     * @param correctorSteps Langevin steps per predictor step for PC (0 = none)
     * @return a new sampler; the implementations here keep no state between calls, so it can be shared
     */
    static Sampler of(SamplerKind kind, Sde sde, double snr, int correctorSteps) {
        return switch (kind) {
            case SDE, DETERMINISTIC, ODE, PC -> PcSampler.of(kind, sde, snr, correctorSteps);
            case DDIM -> new DpmSolver(sde, 1, DpmSolver.Process.DRIFT);
            case DPM2M -> new DpmSolver(sde, 2, DpmSolver.Process.DRIFT);
            case DDIM_ODE -> new DpmSolver(sde, 1, DpmSolver.Process.FLOW);
            case DPM2M_ODE -> new DpmSolver(sde, 2, DpmSolver.Process.FLOW);
            case HEUN -> new HeunSolver(sde);
            case DDIM_SDE -> new DpmSolver(sde, 1, DpmSolver.Process.SDE);
            case DPM2M_SDE -> new DpmSolver(sde, 2, DpmSolver.Process.SDE);
            case DPM3M -> new DpmSolver(sde, 3, DpmSolver.Process.DRIFT);
            case DPM3M_SDE -> new DpmSolver(sde, 3, DpmSolver.Process.SDE);
        };
    }
}
