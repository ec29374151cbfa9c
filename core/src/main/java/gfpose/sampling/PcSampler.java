package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/**
 * The predictor-corrector loop of score_sde/GFPose {@code get_pc_sampler}: for each t_i of the grid, the corrector
 * (if any) then the predictor, each followed by the imputation hook; returns the noise-free x_mean of the last
 * step ({@code noise_removal}). The score is evaluated once per predictor/corrector step for the whole batch;
 * the elementwise updates are split over rows. Row r draws only from rngs[r], so results depend neither on the
 * thread count nor on the other rows of the batch.
 */
public final class PcSampler implements Sampler {
    private final Predictor predictor;
    private final Corrector corrector;

    /**
     * A predictor-corrector loop; immutable if its predictor and corrector are (those of this package are).
     *
     * @param predictor the reverse-time step run at every grid time
     * @param corrector null for predictor-only sampling (GFPose's {@code corrector='none'})
     */
    public PcSampler(Predictor predictor, Corrector corrector) {
        this.predictor = predictor;
        this.corrector = corrector;
    }

    /**
     * GFPose's samplers (the four PC kinds); snr and correctorSteps matter for PC only.
     *
     * @param kind           {@link SamplerKind#SDE}, {@link SamplerKind#DETERMINISTIC}, {@link SamplerKind#ODE} or
     *                       {@link SamplerKind#PC}
     * @param sde            the forward SDE the score belongs to
     * @param snr            the Langevin corrector's signal-to-noise ratio (&gt; 0 when PC has corrector steps)
     * @param correctorSteps Langevin steps per predictor step for PC (0 = no corrector)
     * @return the sampler: Euler–Maruyama predictor, plus a {@link LangevinCorrector} for PC
     * @throws IllegalArgumentException if kind is a few-step solver ({@link SamplerKind#solver()})
     */
    public static PcSampler of(SamplerKind kind, Sde sde, double snr, int correctorSteps) {
        return switch (kind) {
            case SDE -> new PcSampler(EulerMaruyama.reverseSde(sde), null);
            case DETERMINISTIC -> new PcSampler(EulerMaruyama.gfposeDeterministic(sde), null);
            case ODE -> new PcSampler(EulerMaruyama.probabilityFlow(sde), null);
            case PC -> new PcSampler(EulerMaruyama.reverseSde(sde),
                    correctorSteps > 0 ? new LangevinCorrector(sde, snr, correctorSteps) : null);
            default -> throw new IllegalArgumentException(kind + " is not a predictor-corrector sampler");
        };
    }

    /**
     * The predictor.
     *
     * @return the step run at every grid time
     */
    public Predictor predictor() { return predictor; }

    /**
     * The corrector.
     *
     * @return the corrector run before each predictor step, or null if there is none
     */
    public Corrector corrector() { return corrector; }

    /** Returns x_mean of the last step (score_sde's {@code noise_removal}). */
    @Override public void sample(ScoreFunction score, TimeGrid grid, float[] x, int rows, int dim, Rng[] rngs,
                       Imputation imp, ThreadPool pool) {
        if (rngs.length < rows || x.length < rows * dim) throw new IllegalArgumentException("batch too small");
        float[] s = new float[rows * dim], xMean = new float[rows * dim];
        double dt = grid.dt();
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.t(i);
            if (corrector != null) {
                for (int k = 0; k < corrector.steps(); k++) {
                    score.score(x, rows, t, s);
                    ThreadPool.run(pool, rows, 1, (a, b) -> corrector.update(x, s, xMean, dim, a, b, t, rngs));
                }
            }
            // GFPose imputes after the corrector slot even when the corrector is 'none'.
            if (imp != null) ThreadPool.run(pool, rows, 1, (a, b) -> imp.impute(x, xMean, dim, a, b, t, rngs));
            score.score(x, rows, t, s);
            ThreadPool.run(pool, rows, 1, (a, b) -> predictor.update(x, s, xMean, dim, a, b, t, dt, rngs));
            if (imp != null) ThreadPool.run(pool, rows, 1, (a, b) -> imp.impute(x, xMean, dim, a, b, t, rngs));
        }
        System.arraycopy(xMean, 0, x, 0, rows * dim);
    }
}
