package gfpose.sde;

/** The score ∇_x log p_t(x) of some (possibly conditional) density, for a batch of rows at one time t. */
@FunctionalInterface
public interface ScoreFunction {
    /**
     * @param x    [rows * dim] current states (read only)
     * @param rows number of rows
     * @param t    diffusion time shared by all rows
     * @param out  [rows * dim] receives the score
     */
    void score(float[] x, int rows, double t, float[] out);
}
