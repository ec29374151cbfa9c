package gfpose.task;

import gfpose.skeleton.Skeleton;

/**
 * One answer per pose from its K hypotheses: per joint the geometric median of the K positions (the point with the
 * least summed distance to them: unlike the mean, a few stray hypotheses barely move it, and unlike a per-coordinate
 * median it does not depend on the axes), the per-joint spread (the median distance of the hypotheses to it, in the
 * input's units: pixels for {@link PosePrior}'s image frame) and the hypothesis closest to it.
 *
 * @param pose    [51] the per-joint geometric medians (not necessarily one of the hypotheses)
 * @param spread  [17] per joint, the median distance of the hypotheses to {@code pose}; 0 for one hypothesis
 * @param closest index of the hypothesis with the least summed joint distance to {@code pose}
 */
public record Consensus(float[] pose, float[] spread, int closest) {
    private static final int J = Skeleton.JOINTS;

    /**
     * The consensus of one pose's hypotheses ({@code [K][51]}, K &gt;= 1).
     *
     * @param hyps [K][51] the hypotheses of one pose: 17 joints x 3, joint-major, any unit; K &gt;= 1
     * @return the per-joint geometric medians, their spreads in the input's unit and the closest hypothesis
     * @throws IllegalArgumentException when there is no hypothesis
     */
    public static Consensus of(float[][] hyps) {
        if (hyps == null || hyps.length == 0) throw new IllegalArgumentException("no hypotheses");
        int k = hyps.length;
        float[] pose = new float[Skeleton.DIM], spread = new float[J];
        double[] d = new double[k], summed = new double[k];
        for (int j = 0; j < J; j++) {
            double[] y = geometricMedian(hyps, j), stored = new double[3];
            for (int a = 0; a < 3; a++) stored[a] = pose[3 * j + a] = (float) y[a];
            for (int h = 0; h < k; h++) {
                d[h] = dist(hyps[h], j, y);
                summed[h] += dist(hyps[h], j, stored);  // the closest hypothesis to the pose as returned
            }
            spread[j] = (float) median(d.clone());
        }
        int best = 0;
        for (int h = 1; h < k; h++) if (summed[h] < summed[best]) best = h;
        return new Consensus(pose, spread, best);
    }

    /** Weiszfeld's iteration from the mean; a point that coincides with the estimate is skipped (it cannot pull). */
    static double[] geometricMedian(float[][] hyps, int j) {
        int k = hyps.length;
        double[] y = new double[3];
        for (float[] h : hyps) for (int a = 0; a < 3; a++) y[a] += h[3 * j + a] / (double) k;
        if (k <= 2) return y;  // any point between two is a median; the midpoint is the natural one
        for (int it = 0; it < 200; it++) {
            double[] num = new double[3];
            double den = 0;
            for (float[] h : hyps) {
                double dd = dist(h, j, y);
                if (dd < 1e-9) continue;
                for (int a = 0; a < 3; a++) num[a] += h[3 * j + a] / dd;
                den += 1 / dd;
            }
            if (den == 0) break;
            double move = 0;
            for (int a = 0; a < 3; a++) {
                double v = num[a] / den;
                move = Math.max(move, Math.abs(v - y[a]));
                y[a] = v;
            }
            if (move < 1e-6) break;
        }
        return y;
    }

    private static double dist(float[] h, int j, double[] y) {
        double dx = h[3 * j] - y[0], dy = h[3 * j + 1] - y[1], dz = h[3 * j + 2] - y[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double median(double[] v) {
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
