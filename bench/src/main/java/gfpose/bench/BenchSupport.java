package gfpose.bench;

import java.util.SplittableRandom;

/** Small helpers shared by the benchmarks: thread-count params and a representative input batch. */
public final class BenchSupport {
    private BenchSupport() {}

    /** "all" = every available processor, else the number. */
    public static int threads(String p) {
        return "all".equals(p) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p);
    }

    /** Network inputs for {@code rows} rows, cycling through the sampler's cases (2-D, 3-D and no condition). */
    public static final class Batch {
        public final int rows;
        public final float[] x, tau, cond, mask;

        public Batch(int rows, int dim, long seed) {
            this.rows = rows;
            SplittableRandom r = new SplittableRandom(seed);
            x = new float[rows * dim];
            tau = new float[rows];
            cond = new float[rows * dim];
            mask = new float[rows * dim];
            for (int i = 0; i < rows; i++) {
                tau[i] = (float) (999 * (0.001 + 0.999 * r.nextDouble()));
                int kind = i % 3; // 0: 2-D condition (estimate), 1: 3-D condition (completion), 2: none (generate)
                for (int j = 0; j < dim; j++) {
                    int k = i * dim + j;
                    x[k] = (float) (r.nextGaussian() * 3);
                    boolean depth = j % 3 == 2;
                    cond[k] = kind == 2 || (kind == 0 && depth) ? 0f : (float) (r.nextGaussian() * 3);
                    mask[k] = kind == 2 || (kind == 0 && depth) ? 0f : 1f;
                }
            }
        }
    }

    /** max |a - b| / max |b|. */
    public static double relativeError(float[] a, float[] b, int n) {
        double d = 0, m = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.abs((double) a[i] - b[i]));
            m = Math.max(m, Math.abs(b[i]));
        }
        return m == 0 ? d : d / m;
    }

    /** The median of v (the upper one of an even count). */
    public static double median(double[] v) { return quantile(v, 0.5); }

    /** The value at rank round(q·(n − 1)) of v sorted. */
    public static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }

    public static double max(double[] v) { return java.util.Arrays.stream(v).max().orElse(Double.NaN); }
}
