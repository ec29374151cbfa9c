package gfpose.sampling;

import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/**
 * Heun's second-order method on the probability-flow ODE (Karras et al. 2022, EDM Algorithm 1 without churn), in the
 * scaled variable x̃ = x/α, which diffuses as x̃ = x_0 + σ̃ ε with σ̃ = σ/α, so that dx̃/dσ̃ = (x̃ − D)/σ̃:
 * an Euler step to σ̃', then the trapezoid of the slopes at both ends. Two network calls per step.
 */
public final class HeunSolver implements Sampler {
    private final Sde sde;

    /**
     * A Heun solver; immutable, so one instance may run several batches at once.
     *
     * @param sde the forward SDE, for m(t) and std(t)
     */
    public HeunSolver(Sde sde) { this.sde = sde; }

    @Override
    public void sample(ScoreFunction score, TimeGrid grid, float[] x, int rows, int dim, Rng[] rngs, Imputation imp, ThreadPool pool) {
        int n = rows * dim;
        float[] s = new float[n], slope = new float[n], xe = new float[n], xMean = new float[n];
        if (imp != null) ThreadPool.run(pool, rows, 1, (a, b) -> imp.impute(x, xMean, dim, a, b, grid.t(0), rngs));
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.t(i), tn = grid.next(i);
            double al = sde.meanCoeff(t), sg = sde.std(t), aln = sde.meanCoeff(tn), sgn = sde.std(tn);
            double st = sg / al, stn = sgn / aln, ds = stn - st;
            score.score(x, rows, t, s);
            ThreadPool.run(pool, rows, 1, (a, b) -> {
                for (int o = a * dim; o < b * dim; o++) {
                    double xt = x[o] / al, dk = (x[o] + sg * sg * s[o]) / al, k1 = (xt - dk) / st;
                    slope[o] = (float) k1;
                    xe[o] = (float) (aln * (xt + ds * k1));
                }
            });
            score.score(xe, rows, tn, s);
            ThreadPool.run(pool, rows, 1, (a, b) -> {
                for (int o = a * dim; o < b * dim; o++) {
                    double xt = x[o] / al, xte = xe[o] / aln, dk = (xe[o] + sgn * sgn * s[o]) / aln, k2 = (xte - dk) / stn;
                    double v = aln * (xt + ds * 0.5 * (slope[o] + k2));
                    xMean[o] = (float) v;
                    x[o] = (float) v;
                }
                if (imp != null) imp.impute(x, xMean, dim, a, b, tn, rngs);
            });
        }
    }
}
