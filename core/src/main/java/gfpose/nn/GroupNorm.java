package gfpose.nn;

import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.nn.GroupNorm(groups, channels)} on [rows, channels] vectors: each group of channels/groups
 * consecutive channels is normalised by its own mean and biased variance, then scaled by γ and shifted by β.
 */
final class GroupNorm {
    static final double EPS = 1e-5;

    final String name;
    final int channels;
    final int groups;
    private final float[] gamma;
    private final float[] beta;

    /** γ and β are copied for inference; a training layer ({@code live}) keeps the optimiser's arrays. */
    GroupNorm(String name, float[] gamma, float[] beta, int channels, int groups, boolean live) {
        this.name = name;
        this.channels = channels;
        this.groups = groups;
        this.gamma = live ? gamma : Arrays.copyOf(gamma, channels);
        this.beta = live ? beta : Arrays.copyOf(beta, channels);
    }

    /** γ then β, as PyTorch registers them. */
    static List<ParamSpec> specs(String name, int channels) {
        return List.of(new ParamSpec(name + ".weight", new int[] {channels}, ParamSpec.Init.ONES, 0),
                new ParamSpec(name + ".bias", new int[] {channels}, ParamSpec.Init.ZEROS, 0));
    }

    /** Normalises rows [0, rows) of x into y (same stride; y may be x). */
    void forward(float[] x, int xOff, int rows, float[] y, int yOff) {
        int size = channels / groups;
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groups; g++) {
                int c0 = g * size;
                normalize(x, xOff + r * channels + c0, size, gamma, beta, c0, y, yOff + r * channels + c0, null);
            }
        }
    }

    /**
     * One group of {@code size} values at x[xs]: y[ys + i] = x̂·γ + β with x̂ = (x − mean)·rstd; returns rstd, and
     * keeps x̂ (at xhat[ys + i]) when xhat is not null. The one arithmetic of the eval and train forwards, so they
     * agree bitwise. Moments in double (at least as accurate as PyTorch's float kernel), each summed as four
     * interleaved partial sums: four short dependency chains instead of one long one, in a fixed order.
     */
    static double normalize(float[] x, int xs, int size, float[] gamma, float[] beta, int c0, float[] y, int ys, float[] xhat) {
        int n4 = size & ~3;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n4; i += 4) { s0 += x[xs + i]; s1 += x[xs + i + 1]; s2 += x[xs + i + 2]; s3 += x[xs + i + 3]; }
        for (int i = n4; i < size; i++) s0 += x[xs + i];
        double mean = ((s0 + s1) + (s2 + s3)) / size;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int i = 0; i < n4; i += 4) {
            double d0 = x[xs + i] - mean, d1 = x[xs + i + 1] - mean, d2 = x[xs + i + 2] - mean, d3 = x[xs + i + 3] - mean;
            q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
        }
        for (int i = n4; i < size; i++) { double d = x[xs + i] - mean; q0 += d * d; }
        double rstd = 1.0 / Math.sqrt(((q0 + q1) + (q2 + q3)) / size + EPS);
        for (int i = 0; i < size; i++) {
            double xh = (x[xs + i] - mean) * rstd;
            if (xhat != null) xhat[ys + i] = (float) xh;
            y[ys + i] = (float) (xh * gamma[c0 + i] + beta[c0 + i]);
        }
        return rstd;
    }

    float[] gamma() { return gamma.clone(); }

    /** γ itself (training: the live array). */
    float[] gammaRef() { return gamma; }

    /** β itself (training: the live array). */
    float[] betaRef() { return beta; }

    float[] beta() { return beta.clone(); }
}
