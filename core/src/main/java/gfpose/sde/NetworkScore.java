package gfpose.sde;

import gfpose.kernel.ThreadPool;
import gfpose.nn.ScoreNet;

/**
 * GFPose's score from its ε-network ({@code utils.get_score_fn}, continuous): score = −out(x, τ, c, mask)/std(t)
 * with τ = timeLabel(t). Binds the network to one batch's condition and mask; rows go through the network in
 * one call (the network splits them across the pool's threads).
 *
 * <p>Every row of a call is at one t, so the network gets one time label ({@link ScoreNet#forward(float[], float,
 * float[], float[], int, float[], ThreadPool)}). The instance holds no scratch of its own; the condition and mask
 * arrays are kept by reference, not copied.
 */
public final class NetworkScore implements ScoreFunction {
    private final ScoreNet net;
    private final Sde sde;
    private final float[] cond, mask;
    private final ThreadPool pool;

    /**
     * Binds a network to one batch.
     *
     * @param net  the ε-network
     * @param sde  the SDE it was trained with: gives the time label τ(t) and the std(t) the output is divided by
     * @param cond [rows * 51] conditions in network space (may be all zeros)
     * @param mask [rows * 51] 1 = use, 0 = drop; null = all ones
     * @param pool splits the rows across threads (null = calling thread); the score does not depend on it
     */
    public NetworkScore(ScoreNet net, Sde sde, float[] cond, float[] mask, ThreadPool pool) {
        this.net = net;
        this.sde = sde;
        this.cond = cond;
        this.mask = mask;
        this.pool = pool;
    }

    @Override public void score(float[] x, int rows, double t, float[] out) {
        net.forward(x, (float) sde.timeLabel(t), cond, mask, rows, out, pool);
        double inv = -1.0 / sde.std(t);
        int n = rows * net.config().inDim();
        for (int i = 0; i < n; i++) out[i] = (float) (out[i] * inv);
    }
}
