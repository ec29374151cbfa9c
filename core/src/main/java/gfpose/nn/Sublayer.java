package gfpose.nn;

import gfpose.kernel.Activation;
import gfpose.kernel.PackedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The unit the network repeats: dst (+)= SiLU(GN(dense(in) + dense_t(temb) + dense_cond(cemb))).
 * The pre layer ({@code pre_dense*}, {@code pre_gnorm}) and each half of a residual block
 * ({@code b1_dense1*}, {@code b1_gnorm1}) are one each; dropout is the identity in eval mode.
 */
final class Sublayer {
    final Linear dense;
    final Linear denseT;
    final Linear denseCond;
    final GroupNorm norm;

    Sublayer(String denseName, String normName, int in, ModelConfig c, Map<String, float[]> p, boolean live) {
        int h = c.hidden();
        dense = new Linear(denseName, p.get(denseName + ".weight"), p.get(denseName + ".bias"), h, in, live);
        denseT = new Linear(denseName + "_t", p.get(denseName + "_t.weight"), p.get(denseName + "_t.bias"), h, c.embed(), live);
        denseCond = new Linear(denseName + "_cond", p.get(denseName + "_cond.weight"), p.get(denseName + "_cond.bias"), h, h, live);
        norm = new GroupNorm(normName, p.get(normName + ".weight"), p.get(normName + ".bias"), h, c.groups(), live);
    }

    /** Parameters in PyTorch registration order: dense, dense_t, dense_cond, then the norm. */
    static List<ParamSpec> specs(String denseName, String normName, int in, ModelConfig c) {
        List<ParamSpec> s = new ArrayList<>();
        s.addAll(Linear.specs(denseName, c.hidden(), in));
        s.addAll(Linear.specs(denseName + "_t", c.hidden(), c.embed()));
        s.addAll(Linear.specs(denseName + "_cond", c.hidden(), c.hidden()));
        s.addAll(GroupNorm.specs(normName, c.hidden()));
        return s;
    }

    /**
     * For rows [0, rows): sum = dense(in) + dense_t(temb) + dense_cond(cemb), normalised in place, then
     * dst = SiLU(sum), or dst += SiLU(sum) when {@code residual}. All buffers start at offset 0 except in; temb and
     * cemb come packed, once for every sub-layer. With {@code tproj} (scratch of {@code hidden} floats) temb holds one
     * row that every row shares.
     */
    void forward(float[] in, int inOff, PackedRows temb, PackedRows cemb, int rows, float[] sum, float[] dst,
                 boolean residual, float[] tproj) {
        int h = norm.channels;
        // summed in the reference's order: ((dense + dense_t) + dense_cond)
        if (tproj == null) {
            dense.forward(in, inOff, rows, sum, 0, false, Activation.NONE);
            denseT.forward(temb, sum, 0, true, Activation.NONE);
        } else {
            // dense_t once: each row then adds the same (Σ + bias) the GEMM would add to it, so the bits are equal
            denseT.forward(temb, tproj, 0, false, Activation.NONE);
            dense.forward(in, inOff, rows, tproj, sum, 0);
        }
        denseCond.forward(cemb, sum, 0, true, Activation.NONE);
        norm.forward(sum, 0, rows, sum, 0);
        Activation.SILU.apply(sum, 0, dst, 0, rows * h, residual);
    }
}
