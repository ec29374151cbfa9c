package gfpose.nn;

import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.PackedRows;
import gfpose.kernel.PackedMatrix;
import gfpose.kernel.ThreadPool;
import java.util.Arrays;
import java.util.List;

/** {@code torch.nn.Linear}: y = x·Wᵀ + b with W stored [out, in] and packed once for the GEMM kernel. */
final class Linear {
    final String name;
    final int in;
    final int out;
    private final PackedMatrix weight;
    private final float[] bias;
    /** Training only: the live row-major weights the optimiser updates ({@link #repack} after each update); else null. */
    private final float[] rows;

    /**
     * A layer over {@code weight} [out, in] and {@code bias} [out]: for inference ({@code live} false) it packs and
     * copies them; for training it keeps both arrays, so an optimiser updating them in place updates the layer.
     */
    Linear(String name, float[] weight, float[] bias, int out, int in, boolean live) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.weight = PackedMatrix.pack(weight, out, in);
        this.bias = live ? bias : Arrays.copyOf(bias, out);
        this.rows = live ? weight : null;
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

    /**
     * Rows of x, packed beforehand, to y = act((accumulate ? y : 0) + (x·Wᵀ + b) + shift), W's column panels split
     * across pool (null: the calling thread); shift is one row [out] that every row adds, or null.
     */
    void forward(PackedRows x, float[] shift, float[] y, int yOff, boolean accumulate, Activation act, ThreadPool pool) {
        Gemm.linear(x, weight, bias, shift, y, yOff, accumulate, act, pool);
    }

    /** This layer's part of a shared input-gradient GEMM: dx (+ when acc)= dy·W into dx from row r0. */
    Gemm.Layer inputGradient(float[] dx, int r0, boolean acc) {
        return new Gemm.Layer(weight, null, dx, r0 * in, acc, Activation.NONE);
    }

    /** Re-packs the live weights of training layers after an optimiser step, all in one parallel region. */
    static void repack(List<Linear> layers, ThreadPool pool) {
        List<PackedMatrix> ms = new java.util.ArrayList<>(layers.size());
        List<float[]> ws = new java.util.ArrayList<>(layers.size());
        for (Linear l : layers) {
            if (l.rows == null) throw new IllegalStateException(l.name + ": an inference layer has no live weights");
            ms.add(l.weight);
            ws.add(l.rows);
        }
        PackedMatrix.repack(ms, ws, pool);
    }

    float[] weight() { return rows != null ? rows.clone() : weight.toRowMajor(); }

    float[] bias() { return bias.clone(); }
}
