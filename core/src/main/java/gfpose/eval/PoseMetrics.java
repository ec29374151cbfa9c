package gfpose.eval;

/**
 * Per-pose error metrics on joint-major poses ({@code 3J} values, mm). Averaging over poses, hypotheses and
 * actions lives in {@link HypothesisStats} and {@link ActionAverage}.
 */
public final class PoseMetrics {
    private PoseMetrics() {}

    /** H36M-17 indices of the 14-joint PCK set (no pelvis, spine, neck/nose), as in Wehrbein's compute_3DPCK. */
    public static final int[] PCK_JOINTS = {1, 2, 3, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16};
    /** PCK threshold (mm). */
    public static final double PCK_THRESHOLD = 150;

    /** Euclidean error of each joint. */
    public static double[] perJoint(double[] pred, double[] gt) {
        double[] e = new double[pred.length / 3];
        for (int j = 0; j < e.length; j++) {
            double dx = pred[3 * j] - gt[3 * j], dy = pred[3 * j + 1] - gt[3 * j + 1], dz = pred[3 * j + 2] - gt[3 * j + 2];
            e[j] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return e;
    }

    /** MPJPE as GFPose computes protocol 1: mean joint error as is, no root alignment. */
    public static double mpjpe(double[] pred, double[] gt) { return mean(perJoint(pred, gt)); }

    /** Root-relative MPJPE (VideoPose3D protocol 1): both poses moved so the pelvis is at the origin. */
    public static double mpjpeRootRelative(double[] pred, double[] gt) {
        return mpjpe(rootRelative(pred), rootRelative(gt));
    }

    /** PA-MPJPE (protocol 2): MPJPE after similarity Procrustes alignment of the prediction. */
    public static double paMpjpe(double[] pred, double[] gt, Procrustes.Variant variant) {
        return mpjpe(Procrustes.align(pred, gt, variant), gt);
    }

    /** N-MPJPE (protocol 3): root-relative, the prediction scaled by the least-squares factor onto the target. */
    public static double nMpjpe(double[] pred, double[] gt) {
        double[] p = rootRelative(pred), g = rootRelative(gt);
        double pp = 0, pg = 0;
        for (int i = 0; i < p.length; i++) { pp += p[i] * p[i]; pg += p[i] * g[i]; }
        double s = pp == 0 ? 0 : pg / pp;
        for (int i = 0; i < p.length; i++) p[i] *= s;
        return mpjpe(p, g);
    }

    /** Fraction (0..1) of the {@link #PCK_JOINTS} whose root-relative error is at most {@code thresholdMm}. */
    public static double pck(double[] pred, double[] gt, double thresholdMm) {
        double[] e = perJoint(rootRelative(pred), rootRelative(gt));
        int ok = 0;
        for (int j : PCK_JOINTS) if (e[j] <= thresholdMm) ok++;
        return ok / (double) PCK_JOINTS.length;
    }

    /** AUC (0..1): mean PCK over the thresholds 0, 5, ..., 150 mm (31 values). */
    public static double auc(double[] pred, double[] gt) {
        double[] e = perJoint(rootRelative(pred), rootRelative(gt));
        return aucOfErrors(e);
    }

    static double aucOfErrors(double[] joints17) {
        double sum = 0;
        for (int t = 0; t <= 150; t += 5) {
            int ok = 0;
            for (int j : PCK_JOINTS) if (joints17[j] <= t) ok++;
            sum += ok / (double) PCK_JOINTS.length;
        }
        return sum / 31;
    }

    /** A copy with joint 0 subtracted from every joint. */
    public static double[] rootRelative(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) out[i] = p[i] - p[i % 3];
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
