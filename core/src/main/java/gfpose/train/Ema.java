package gfpose.train;

import gfpose.kernel.Spans;
import gfpose.kernel.ThreadPool;

/** Exponential moving average of the parameters with the reference's warm-up: decay_n = min(rate, (1+n)/(10+n)). */
final class Ema {
    final float[][] shadow;
    private final float rate;

    Ema(float[][] params, float rate) {
        this.rate = rate;
        shadow = new float[params.length][];
        for (int i = 0; i < params.length; i++) shadow[i] = params[i].clone();
    }

    /** After update number n (1, 2, …): shadow ← shadow − (1 − decay_n)(shadow − param). */
    void update(float[][] params, long n) { update(params, n, null); }

    /** {@link #update(float[][], long)} split across {@code pool} (null = caller); element-wise, so exact for any split. */
    void update(float[][] params, long n, ThreadPool pool) {
        PerElement.forEach(shadow, pool, body(params, n));
    }

    /** {@link #update(float[][], long, ThreadPool)} as a body over ranges of one tensor. */
    Spans.Body body(float[][] params, long n) {
        double decay = Math.min(rate, (1.0 + n) / (10.0 + n));
        float k = (float) (1.0 - decay);
        return (t, i0, i1) -> {
            float[] s = shadow[t], p = params[t];
            for (int i = i0; i < i1; i++) s[i] -= k * (s[i] - p[i]);
        };
    }
}
