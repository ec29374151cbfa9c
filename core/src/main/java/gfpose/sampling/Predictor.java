package gfpose.sampling;

import gfpose.kernel.Rng;

/** One reverse-time step from t to t + dt (dt &lt; 0), given the score at (x, t). */
public interface Predictor {
    /**
     * Updates rows [from, to) of x in place and writes their noise-free part into xMean.
     *
     * @param score [rows * dim] the score at (x, t)
     * @param rngs  one stream per row (row r draws only from rngs[r])
     */
    void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t, double dt, Rng[] rngs);
}
