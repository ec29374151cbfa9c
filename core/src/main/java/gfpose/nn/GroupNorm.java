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

    GroupNorm(String name, float[] gamma, float[] beta, int channels, int groups) {
        this.name = name;
        this.channels = channels;
        this.groups = groups;
        this.gamma = Arrays.copyOf(gamma, channels);
        this.beta = Arrays.copyOf(beta, channels);
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
                int xs = xOff + r * channels + g * size, ys = yOff + r * channels + g * size, c0 = g * size;
                // moments in double: at least as accurate as PyTorch's float kernel, and order-independent enough
                double sum = 0;
                for (int i = 0; i < size; i++) sum += x[xs + i];
                double mean = sum / size;
                double sq = 0;
                for (int i = 0; i < size; i++) { double d = x[xs + i] - mean; sq += d * d; }
                double rstd = 1.0 / Math.sqrt(sq / size + EPS);
                for (int i = 0; i < size; i++) {
                    y[ys + i] = (float) ((x[xs + i] - mean) * rstd * gamma[c0 + i] + beta[c0 + i]);
                }
            }
        }
    }

    float[] gamma() { return gamma.clone(); }

    float[] beta() { return beta.clone(); }
}
