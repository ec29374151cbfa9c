package gfpose.train;

import gfpose.kernel.Spans;
import gfpose.kernel.ThreadPool;

/** Adam as {@code torch.optim.Adam} (no weight decay, no amsgrad), float32 moments, element-wise. */
final class Adam {
    final float[][] m, v;
    private final float beta1, beta2, eps;

    Adam(float[][] params, float beta1, float beta2, float eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = new float[params.length][];
        v = new float[params.length][];
        for (int i = 0; i < params.length; i++) { m[i] = new float[params[i].length]; v[i] = new float[params[i].length]; }
    }

    /** One update with unscaled gradients; {@code step} counts from 1 (bias correction). */
    void update(float[][] params, float[][] grads, float lr, long step, ThreadPool pool) {
        update(params, grads, 1f, lr, step, pool);
    }

    /**
     * One update with the gradients times {@code scale} (the clipping coefficient, applied here rather than in a
     * pass of its own: the same float product); {@code step} counts from 1 (bias correction).
     */
    void update(float[][] params, float[][] grads, float scale, float lr, long step, ThreadPool pool) {
        PerElement.forEach(params, pool, body(params, grads, scale, lr, step));
    }

    /** {@link #update(float[][], float[][], float, float, long, ThreadPool)} as a body over ranges of one tensor. */
    Spans.Body body(float[][] params, float[][] grads, float scale, float lr, long step) {
        double bc1 = 1 - Math.pow(beta1, step), bc2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) (lr / bc1), bc2Sqrt = (float) Math.sqrt(bc2);
        float a1 = 1f - beta1, a2 = 1f - beta2;
        return (t, i0, i1) -> {
            float[] p = params[t], g = grads[t], mt = m[t], vt = v[t];
            for (int i = i0; i < i1; i++) {
                float gi = g[i] * scale;
                mt[i] = mt[i] * beta1 + gi * a1;
                vt[i] = vt[i] * beta2 + gi * gi * a2;
                float denom = (float) Math.sqrt(vt[i]) / bc2Sqrt + eps;
                p[i] -= stepSize * (mt[i] / denom);
            }
        };
    }
}
