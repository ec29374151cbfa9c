package gfpose.nn;

import gfpose.kernel.Norm;
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
        Norm.rows(x, xOff, rows, channels, groups, gamma, beta, y, yOff, null, null, 0, EPS);
    }

    /**
     * The training forward: rows [r0, r1) of x (rows × channels) to y = x̂·γ + β, keeping x̂ and rstd (rows × groups)
     * for the backward ({@link Norm#backwardInput}, {@link Norm#backwardParams}); the eval forward's arithmetic, so
     * train and eval outputs agree bitwise.
     */
    static void forwardKeeping(float[] x, float[] gamma, float[] beta, int channels, int groups, int r0, int r1,
                               float[] y, float[] xhat, float[] rstd) {
        int o = r0 * channels;
        Norm.rows(x, o, r1 - r0, channels, groups, gamma, beta, y, o, xhat, rstd, r0 * groups, EPS);
    }

    float[] gamma() { return gamma.clone(); }

    /** γ itself (training: the live array). */
    float[] gammaRef() { return gamma; }

    /** β itself (training: the live array). */
    float[] betaRef() { return beta; }

    float[] beta() { return beta.clone(); }
}
