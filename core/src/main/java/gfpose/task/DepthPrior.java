package gfpose.task;

import gfpose.GfposeException;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;

/**
 * DiffPose's pose-specific start distribution for 2-D estimation: per joint, a Gaussian mixture over the root-relative
 * depth, fitted on training poses. An informed start ({@code SampleOptions.tStart() < 1}) then begins from the 2-D
 * input with these depths (the mixture's mean, or one draw per hypothesis) instead of depth 0.
 * <p>
 * Depths are in network units (root-relative depth / frame width · 2 · {@link PoseSpace#DATA_SCALE}), so one mixture
 * serves every image size.
 *
 * @param weight [17][K] mixture weights per joint, each row summing to 1
 * @param mean   [17][K] component means, network units
 * @param std    [17][K] component standard deviations, network units, &gt; 0 (the pelvis: one component at 0 with a
 *               tiny spread, as it is the root)
 */
public record DepthPrior(float[][] weight, float[][] mean, float[][] std) {
    private static final int J = Skeleton.JOINTS;
    /** Smallest standard deviation a component may shrink to (network units: about 0.1 mm at GFPose's scale). */
    static final float MIN_STD = 1e-3f;

    /**
     * Checks the shapes and values.
     *
     * @param weight [17][K] weights per joint, non-negative, summing to 1 (within 1e-3)
     * @param mean   [17][K] finite means
     * @param std    [17][K] standard deviations, finite and &gt; 0
     * @throws GfposeException naming the joint and component of the first bad value
     */
    public DepthPrior {
        if (weight == null || mean == null || std == null || weight.length != J || mean.length != J || std.length != J) {
            throw new GfposeException("depth prior: weights, means and standard deviations need " + J + " joints each");
        }
        for (int j = 0; j < J; j++) {
            int k = weight[j] == null ? 0 : weight[j].length;
            if (k < 1 || mean[j] == null || std[j] == null || mean[j].length != k || std[j].length != k) {
                throw new GfposeException("depth prior: joint " + Skeleton.name(j) + " needs as many means and standard deviations as weights (at least 1)");
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                if (!(weight[j][c] >= 0) || !Float.isFinite(mean[j][c]) || !(std[j][c] > 0) || !Float.isFinite(std[j][c])) {
                    throw new GfposeException("depth prior: joint " + Skeleton.name(j) + ", component " + c
                            + ": weight must be >= 0, mean finite and std > 0, got " + weight[j][c] + ", " + mean[j][c] + ", " + std[j][c]);
                }
                sum += weight[j][c];
            }
            if (Math.abs(sum - 1) > 1e-3) throw new GfposeException("depth prior: joint " + Skeleton.name(j) + ": weights sum to " + sum + ", not 1");
        }
    }

    /**
     * Fits a K-component mixture per joint by expectation-maximisation, started from the depth quantiles.
     *
     * @param depth      [17][n] root-relative depths per joint, network units (n ≥ K, the same for every joint)
     * @param components K ≥ 1
     * @param iterations EM iterations (50 is plenty for one dimension)
     * @return the fitted prior
     */
    public static DepthPrior fit(float[][] depth, int components, int iterations) {
        if (depth.length != J) throw new IllegalArgumentException("need " + J + " joints, got " + depth.length);
        if (components < 1) throw new IllegalArgumentException("components must be >= 1, got " + components);
        float[][] w = new float[J][], m = new float[J][], s = new float[J][];
        for (int j = 0; j < J; j++) {
            double[][] fit = fit1d(depth[j], components, iterations);
            w[j] = toFloat(fit[0]);
            m[j] = toFloat(fit[1]);
            s[j] = toFloat(fit[2]);
        }
        return new DepthPrior(w, m, s);
    }

    /** EM for one joint: {weights, means, stds}. */
    private static double[][] fit1d(float[] x, int k, int iterations) {
        int n = x.length;
        if (n < k) throw new IllegalArgumentException("need at least " + k + " depths, got " + n);
        float[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double[] w = new double[k], mu = new double[k], var = new double[k];
        double spread = Math.max(sorted[n - 1] - sorted[0], MIN_STD) / (2.0 * k);
        for (int c = 0; c < k; c++) {
            w[c] = 1.0 / k;
            mu[c] = sorted[(int) ((c + 0.5) * n / k)];
            var[c] = spread * spread;
        }
        double[] resp = new double[k];
        for (int it = 0; it < iterations; it++) {
            double[] sw = new double[k], sx = new double[k], sxx = new double[k];
            for (float xi : x) {
                double total = 0;
                for (int c = 0; c < k; c++) {
                    double d = xi - mu[c];
                    resp[c] = w[c] * Math.exp(-0.5 * d * d / var[c]) / Math.sqrt(var[c]);
                    total += resp[c];
                }
                for (int c = 0; c < k; c++) {
                    double r = total > 0 ? resp[c] / total : 1.0 / k;
                    sw[c] += r;
                    sx[c] += r * xi;
                    sxx[c] += r * xi * xi;
                }
            }
            for (int c = 0; c < k; c++) {
                if (sw[c] <= 0) continue; // an empty component keeps its parameters
                w[c] = sw[c] / n;
                mu[c] = sx[c] / sw[c];
                var[c] = Math.max(sxx[c] / sw[c] - mu[c] * mu[c], (double) MIN_STD * MIN_STD);
            }
        }
        double total = 0;
        for (double v : w) total += v;
        double[] sd = new double[k];
        for (int c = 0; c < k; c++) {
            w[c] /= total;
            sd[c] = Math.sqrt(var[c]);
        }
        return new double[][] {w, mu, sd};
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    /**
     * The mixture's mean depth of a joint.
     *
     * @param j joint index
     * @return Σ weight · mean, network units
     */
    public double meanDepth(int j) {
        double m = 0;
        for (int c = 0; c < weight[j].length; c++) m += weight[j][c] * mean[j][c];
        return m;
    }

    /**
     * One draw of a joint's depth.
     *
     * @param j   joint index
     * @param rng the stream to draw from (two draws: the component, then the Gaussian)
     * @return a depth, network units
     */
    public double sample(int j, Rng rng) {
        double u = rng.nextDouble(), acc = 0;
        int c = 0;
        for (; c < weight[j].length - 1; c++) {
            acc += weight[j][c];
            if (u < acc) break;
        }
        return mean[j][c] + std[j][c] * rng.nextGaussian();
    }

    /**
     * Starts for 2-D estimation: {@link PosePrior#flatGuess} with the depths of this prior.
     *
     * @param uv         [pose][34] u, v per joint, image pixels
     * @param observed   [pose][17] which joints were detected; null = all
     * @param size       the image the pixels belong to (converts network depth to its pixels)
     * @param hypotheses 1 for the mixture's mean depth (one guess per pose), or H ≥ 2 for one draw per hypothesis
     * @param seed       the sampling seed; pose p's hypothesis h draws from its own stream, so a pose's guesses do not
     *                   depend on the other poses of the call
     * @param firstPose  global index of {@code uv[0]} (as in {@link PosePrior#estimate})
     * @return [pose][1 or H][51] guesses in the image frame, depth root-relative in pixels
     */
    public float[][][] guess(float[][] uv, boolean[][] observed, ImageSize size, int hypotheses, long seed, long firstPose) {
        float[][][] flat = PosePrior.flatGuess(uv, observed);
        double px = new PoseSpace(size).pixelsPerUnit();
        float[][][] out = new float[uv.length][hypotheses][];
        for (int p = 0; p < uv.length; p++) {
            for (int h = 0; h < hypotheses; h++) {
                float[] g = flat[p][0].clone();
                Rng rng = hypotheses == 1 ? null : Rng.stream(seed ^ STREAMS, (firstPose + p) * hypotheses + h);
                for (int j = 1; j < J; j++) g[3 * j + 2] = (float) ((rng == null ? meanDepth(j) : sample(j, rng)) * px);
                out[p][h] = g;
            }
        }
        return out;
    }

    /** Keeps the depth draws off the sampler's own streams (Rng.stream(seed, row)). */
    private static final long STREAMS = 0x6A09E667F3BCC909L;
}
