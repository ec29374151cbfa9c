package gfpose.nn;

import gfpose.kernel.Activation;
import gfpose.kernel.PackedRows;
import gfpose.kernel.ThreadPool;
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
     * row that every row shares. in is packed into {@code inRows}; with a pool every GEMM splits W's panels across it
     * (for few rows), and the element-wise steps stay on the calling thread.
     */
    void forward(float[] in, int inOff, PackedRows temb, PackedRows cemb, int rows, float[] sum, float[] dst,
                 boolean residual, float[] tproj, ThreadPool pool, PackedRows inRows) {
        int h = norm.channels;
        // summed in the reference's order: ((dense + dense_t) + dense_cond)
        PackedRows x = inRows.set(in, inOff, rows, dense.in);
        if (tproj == null) {
            dense.forward(x, null, sum, 0, false, Activation.NONE, pool);
            denseT.forward(temb, null, sum, 0, true, Activation.NONE, pool);
        } else {
            // dense_t once: each row then adds the same (Σ + bias) the GEMM would add to it, so the bits are equal
            denseT.forward(temb, null, tproj, 0, false, Activation.NONE, pool);
            dense.forward(x, tproj, sum, 0, false, Activation.NONE, pool);
        }
        denseCond.forward(cemb, null, sum, 0, true, Activation.NONE, pool);
        norm.forward(sum, 0, rows, sum, 0);
        Activation.SILU.apply(sum, 0, dst, 0, rows * h, residual);
    }
}
