package gfpose.sampling;

import gfpose.kernel.Rng;

/**
 * One reverse-time step from t to t + dt (dt &lt; 0), given the score at (x, t). {@link PcSampler} calls
 * {@link #update} from several threads at once on disjoint row ranges: an implementation must touch only its rows.
 */
public interface Predictor {
    /**
     * Updates rows [from, to) of x in place and writes their noise-free part into xMean.
     *
     * @param x     [rows * dim] current states x_t, row-major; rows [from, to) become x_{t+dt}
     * @param score [rows * dim] the score at (x, t)
     * @param xMean [rows * dim] receives rows [from, to) of x_{t+dt} without the step's noise
     * @param dim   values per row (51 for a pose)
     * @param from  first row to update
     * @param to    end of the rows to update (exclusive)
     * @param t     diffusion time of x, in (0, T]
     * @param dt    the (negative) time step, {@link TimeGrid#dt()}
     * @param rngs  one stream per row (row r draws only from rngs[r])
     */
    void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t, double dt, Rng[] rngs);
}
