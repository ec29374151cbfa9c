package gfpose.eval;

import gfpose.data.H36mCamera;
import gfpose.data.H36mDataset;
import gfpose.data.ShMapping;
import gfpose.data.Split;
import gfpose.skeleton.Skeleton;

/** Network-free reference points that check the data and the protocol end to end. */
public final class Baselines {
    private Baselines() {}

    /** Returns the condition itself as the single hypothesis (complete3d without missing joints: the ground truth). */
    public static PoseModel identity() {
        return (first, cond, obs) -> {
            int n = obs.length / Skeleton.JOINTS;
            float[][][] out = new float[n][1][];
            for (int i = 0; i < n; i++) out[i][0] = java.util.Arrays.copyOfRange(cond, i * Skeleton.DIM, (i + 1) * Skeleton.DIM);
            return out;
        };
    }

    /**
     * The 2-D input lifted with zero depth (a flat pose at the root depth). Unobserved joints are filled so the
     * baseline stays finite: the spine at the pelvis-thorax midpoint, any other at the pelvis.
     */
    public static PoseModel flat() {
        return (first, cond, obs) -> {
            int n = obs.length / Skeleton.JOINTS;
            float[][][] out = new float[n][1][Skeleton.DIM];
            for (int i = 0; i < n; i++) {
                float[] p = out[i][0];
                System.arraycopy(cond, i * Skeleton.DIM, p, 0, Skeleton.DIM);
                for (int j = 0; j < Skeleton.JOINTS; j++) {
                    p[3 * j + 2] = 0;
                    if (obs[i * Skeleton.JOINTS + j]) continue;
                    boolean mid = j == Skeleton.SPINE && obs[i * Skeleton.JOINTS + Skeleton.THORAX];
                    for (int a = 0; a < 2; a++) {
                        p[3 * j + a] = mid ? 0.5f * (p[a] + p[3 * Skeleton.THORAX + a]) : p[a];
                    }
                }
            }
            return out;
        };
    }

    /**
     * Nearest neighbours in the training poses: for each input, the {@code k} poses of {@code library} (image-frame,
     * 51 values each) closest on the input's observed joints fill its missing ones (and, for a 2-D input, every
     * depth) with their mean, each neighbour moved so that the mean of its observed joints sits on the input's.
     * A lookup that needs the training data at inference, not something to ship: it tells what a single answer
     * from "the poses seen in training" reaches, as a yardstick for the prior's one guess.
     *
     * @param library image-frame training poses, {@code M * 51} values
     * @param k       neighbours averaged (≥ 1)
     * @param use3d   match on x, y and z of the observed joints (3-D conditions) instead of u, v only
     * @param pool    threads to split the inputs across, or null
     * @return the baseline, one hypothesis per input
     */
    public static PoseModel nearest(float[] library, int k, boolean use3d, gfpose.kernel.ThreadPool pool) {
        int m = library.length / Skeleton.DIM, dims = use3d ? 3 : 2;
        if (k < 1 || k > m) throw new IllegalArgumentException("k must be in [1, " + m + "], got " + k);
        return (first, cond, obs) -> {
            int n = obs.length / Skeleton.JOINTS;
            float[][][] out = new float[n][1][];
            gfpose.kernel.ThreadPool.run(pool, n, 1, (i0, i1) -> {
                for (int i = i0; i < i1; i++) out[i][0] = nearestOne(library, m, k, dims, cond, i, obs);
            });
            return out;
        };
    }

    private static float[] nearestOne(float[] lib, int m, int k, int dims, float[] cond, int i, boolean[] obs) {
        int c0 = i * Skeleton.DIM, o0 = i * Skeleton.JOINTS;
        double[] anchor = new double[3], la = new double[3];
        if (observedMean(cond, c0, obs, o0, dims, anchor) == 0) throw new IllegalArgumentException("nearest: an input with no observed joint");
        // the k smallest distances, kept sorted (k is small)
        double[] best = new double[k];
        int[] idx = new int[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int r = 0, b = 0; r < m; r++, b += Skeleton.DIM) {
            observedMean(lib, b, obs, o0, dims, la);
            double d = 0;
            for (int j = 0; j < Skeleton.JOINTS && d < best[k - 1]; j++) {
                if (!obs[o0 + j]) continue;
                for (int a = 0; a < dims; a++) {
                    double e = (lib[b + 3 * j + a] - la[a]) - (cond[c0 + 3 * j + a] - anchor[a]);
                    d += e * e;
                }
            }
            if (d >= best[k - 1]) continue;
            int p = k - 1;
            while (p > 0 && best[p - 1] > d) { best[p] = best[p - 1]; idx[p] = idx[p - 1]; p--; }
            best[p] = d;
            idx[p] = r;
        }
        double[][] anchors = new double[k][3];
        for (int q = 0; q < k; q++) observedMean(lib, idx[q] * Skeleton.DIM, obs, o0, dims, anchors[q]);
        float[] pose = new float[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            for (int a = 0; a < 3; a++) {
                if (a < dims && obs[o0 + j]) { pose[3 * j + a] = cond[c0 + 3 * j + a]; continue; }
                double sum = 0;
                for (int q = 0; q < k; q++) sum += lib[idx[q] * Skeleton.DIM + 3 * j + a] - anchors[q][a];
                pose[3 * j + a] = (float) (anchor[a] + sum / k);
            }
        }
        return pose;
    }

    /**
     * The mean of the first {@code dims} coordinates over the observed joints of the pose at {@code p[base]} into
     * {@code mean} (the rest stay 0); returns the number of observed joints.
     */
    private static int observedMean(float[] p, int base, boolean[] obs, int o0, int dims, double[] mean) {
        mean[0] = mean[1] = mean[2] = 0;
        int n = 0;
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            if (!obs[o0 + j]) continue;
            n++;
            for (int a = 0; a < dims; a++) mean[a] += p[base + 3 * j + a];
        }
        if (n > 0) for (int a = 0; a < dims; a++) mean[a] /= n;
        return n;
    }

    /** Pixel error statistics of the SH detections against the distorted projection of the ground truth. */
    public record PixelError(long joints, double mean, double median, double fractionOver50) {}

    /**
     * Distance (px) between each detected joint (16 per item, spine excluded) and the ground truth projected
     * with the full distortion model, over the items of a split kept by {@code stride} (0 limit = all).
     */
    public static PixelError detectionError(H36mDataset data, Split split, int stride, int limit) {
        final double bin = 0.01; // median from a 0.01 px histogram: the full test set has ~8.4 M joints
        long[] hist = new long[200_000];
        double[] sum = {0};
        long[] n = {0}, over = {0};
        double[] uv = new double[2];
        data.forEachSample(split, stride, limit, s -> {
            H36mCamera cam = data.camera(s.subject(), s.camera());
            for (int j = 0; j < Skeleton.JOINTS; j++) {
                if (ShMapping.mpiiIndex(j) < 0 || !s.shObserved()[j]) continue;
                cam.projectDistorted(s.cameraMm(), 3 * j, uv, 0);
                double e = Math.hypot(s.sh2d()[2 * j] - uv[0], s.sh2d()[2 * j + 1] - uv[1]);
                sum[0] += e;
                n[0]++;
                if (e > 50) over[0]++;
                hist[(int) Math.min(hist.length - 1, e / bin)]++;
            }
        });
        long half = (n[0] + 1) / 2, c = 0;
        double median = Double.NaN;
        for (int b = 0; b < hist.length; b++) {
            c += hist[b];
            if (c >= half) { median = (b + 0.5) * bin; break; }
        }
        return new PixelError(n[0], sum[0] / n[0], median, over[0] / (double) n[0]);
    }
}
