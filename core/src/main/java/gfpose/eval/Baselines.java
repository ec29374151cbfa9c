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
