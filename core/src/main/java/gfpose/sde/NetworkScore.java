package gfpose.sde;

import gfpose.kernel.ThreadPool;
import gfpose.nn.ScoreNet;
import java.util.Arrays;

/**
 * GFPose's score from its ε-network ({@code utils.get_score_fn}, continuous): score = −out(x, τ, c, mask)/std(t)
 * with τ = timeLabel(t). Binds the network to one batch's condition and mask; rows go through the network in
 * one call (the network splits them across the pool's threads).
 */
public final class NetworkScore implements ScoreFunction {
    private final ScoreNet net;
    private final Sde sde;
    private final float[] cond, mask;
    private final ThreadPool pool;
    private float[] tau = new float[0];

    /**
     * @param cond [rows * 51] conditions in network space (may be all zeros)
     * @param mask [rows * 51] 1 = use, 0 = drop; null = all ones
     */
    public NetworkScore(ScoreNet net, Sde sde, float[] cond, float[] mask, ThreadPool pool) {
        this.net = net;
        this.sde = sde;
        this.cond = cond;
        this.mask = mask;
        this.pool = pool;
    }

    @Override public void score(float[] x, int rows, double t, float[] out) {
        if (tau.length < rows) tau = new float[rows];
        Arrays.fill(tau, 0, rows, (float) sde.timeLabel(t));
        net.forward(x, tau, cond, mask, rows, out, pool);
        double inv = -1.0 / sde.std(t);
        int n = rows * net.config().inDim();
        for (int i = 0; i < n; i++) out[i] = (float) (out[i] * inv);
    }
}
