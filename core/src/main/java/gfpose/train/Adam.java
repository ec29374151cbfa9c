package gfpose.train;

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

    /** One update; {@code step} counts from 1 (bias correction), grads are already clipped. */
    void update(float[][] params, float[][] grads, float lr, long step, ThreadPool pool) {
        double bc1 = 1 - Math.pow(beta1, step), bc2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) (lr / bc1), bc2Sqrt = (float) Math.sqrt(bc2);
        float a1 = 1f - beta1, a2 = 1f - beta2;
        for (int t = 0; t < params.length; t++) {
            float[] p = params[t], g = grads[t], mt = m[t], vt = v[t];
            ThreadPool.RangeBody body = (i0, i1) -> {
                for (int i = i0; i < i1; i++) {
                    mt[i] = mt[i] * beta1 + g[i] * a1;
                    vt[i] = vt[i] * beta2 + g[i] * g[i] * a2;
                    float denom = (float) Math.sqrt(vt[i]) / bc2Sqrt + eps;
                    p[i] -= stepSize * (mt[i] / denom);
                }
            };
            if (pool == null || p.length < 65536) body.run(0, p.length); else pool.forRange(p.length, 1024, body);
        }
    }
}
