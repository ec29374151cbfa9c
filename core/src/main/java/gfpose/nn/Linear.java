package gfpose.nn;

import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.PackedMatrix;
import java.util.Arrays;
import java.util.List;

/** {@code torch.nn.Linear}: y = x·Wᵀ + b with W stored [out, in] and packed once for the GEMM kernel. */
final class Linear {
    final String name;
    final int in;
    final int out;
    private final PackedMatrix weight;
    private final float[] bias;

    Linear(String name, float[] weight, float[] bias, int out, int in) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.weight = PackedMatrix.pack(weight, out, in);
        this.bias = Arrays.copyOf(bias, out);
    }

    /** The parameters of a Linear named {@code name}, weight first as PyTorch registers them. */
    static List<ParamSpec> specs(String name, int out, int in) {
        return List.of(new ParamSpec(name + ".weight", new int[] {out, in}, ParamSpec.Init.UNIFORM, in),
                new ParamSpec(name + ".bias", new int[] {out}, ParamSpec.Init.UNIFORM, in));
    }

    /**
     * Rows [0, rows) of x (stride in) to y (stride out): y = act((accumulate ? y : 0) + b + x·Wᵀ).
     * Accumulating adds this layer's full result to y, as PyTorch's {@code a(x) + b(y)} does.
     */
    void forward(float[] x, int xOff, int rows, float[] y, int yOff, boolean accumulate, Activation act) {
        Gemm.linear(x, xOff, rows, weight, bias, y, yOff, accumulate, act);
    }

    float[] weight() { return weight.toRowMajor(); }

    float[] bias() { return bias.clone(); }
}
