package gfpose.eval;

import java.util.Arrays;

/** Minimum, mean and median over the K hypotheses of one pose (each hypothesis scored on its own). */
public record HypothesisStats(double min, double mean, double median, int argmin) {

    /** Statistics of one pose's per-hypothesis errors. */
    public static HypothesisStats of(double[] errors) {
        if (errors.length == 0) throw new IllegalArgumentException("no hypotheses");
        int arg = 0;
        double sum = 0;
        for (int k = 0; k < errors.length; k++) {
            sum += errors[k];
            if (errors[k] < errors[arg]) arg = k;
        }
        double[] s = errors.clone();
        Arrays.sort(s);
        int n = s.length;
        double med = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        return new HypothesisStats(errors[arg], sum / n, med, arg);
    }
}
