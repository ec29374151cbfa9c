package gfpose.sampling;

import gfpose.kernel.Rng;

/** A Markov step that leaves p_t (approximately) invariant, run before each predictor step. */
public interface Corrector {
    /** Steps per predictor step. */
    int steps();

    /** One step on rows [from, to) given the score at (x, t); x in place, its noise-free part into xMean. */
    void update(float[] x, float[] score, float[] xMean, int dim, int from, int to, double t, Rng[] rngs);
}
