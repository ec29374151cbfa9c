package gfpose.eval;

import gfpose.data.H36mActions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates one per-pose value by action and reports both averages: frame-wise (mean over all poses) and
 * action-wise (unweighted mean of the per-action means, GFPose {@code eval_multi} / VideoPose3D).
 */
public final class ActionAverage {
    private final double[] sum = new double[H36mActions.NAMES.size()];
    private final long[] count = new long[sum.length];
    private double total;
    private long n;

    /** Adds one pose's value under its canonical action name. */
    public void add(String action, double value) {
        int a = H36mActions.index(action);
        sum[a] += value;
        count[a]++;
        total += value;
        n++;
    }

    public long count() { return n; }

    /** Mean over all poses (NaN when empty). */
    public double frameWise() { return n == 0 ? Double.NaN : total / n; }

    /** Mean of the per-action means over the actions that have poses (NaN when empty). */
    public double actionWise() {
        double s = 0;
        int k = 0;
        for (int a = 0; a < sum.length; a++) if (count[a] > 0) { s += sum[a] / count[a]; k++; }
        return k == 0 ? Double.NaN : s / k;
    }

    /** Per-action means in action-id order, for the actions that have poses. */
    public Map<String, Double> perAction() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int a = 0; a < sum.length; a++) if (count[a] > 0) m.put(H36mActions.NAMES.get(a), sum[a] / count[a]);
        return m;
    }

    /** Number of poses per action, same keys as {@link #perAction()}. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int a = 0; a < sum.length; a++) if (count[a] > 0) m.put(H36mActions.NAMES.get(a), count[a]);
        return m;
    }
}
