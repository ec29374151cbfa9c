package gfpose.sampling;

import gfpose.kernel.Rng;

/**
 * A Markov step that leaves p_t (approximately) invariant, run before each predictor step. {@link PcSampler} calls
 * {@link #update} from several threads at once on disjoint row ranges: an implementation must touch only its rows.
 */
public interface Corrector {
    /**
     * Steps per predictor step.
     *
     * @return how many times {@link PcSampler} runs this corrector (one score evaluation each) at every grid time
     */
    int steps();

    /**
     * One step on rows [from, to) given the score at (x, t); x in place, its noise-free part into xMean.
     *
     * @param x     [rows * dim] current states x_t, row-major; rows [from, to) are updated in place
     * @param score [rows * dim] the score at (x, t) (read only)
     * @param xMean [rows * dim] receives rows [from, to) of the step's noise-free part
     * @param dim   values per row (51 for a pose)
     * @param from  first row to update
     * @param to    end of the rows to update (exclusive)
     * @param t     diffusion time of x, in (0, T]
     * @param rngs  one stream per row (row r draws only from rngs[r])
     */
    void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t, Rng[] rngs);
}
