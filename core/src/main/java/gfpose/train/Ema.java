package gfpose.train;

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
    void update(float[][] params, long n) {
        double decay = Math.min(rate, (1.0 + n) / (10.0 + n));
        float k = (float) (1.0 - decay);
        for (int t = 0; t < params.length; t++) {
            float[] s = shadow[t], p = params[t];
            for (int i = 0; i < s.length; i++) s[i] -= k * (s[i] - p[i]);
        }
    }
}
