package gfpose.nn;

import gfpose.kernel.PackedRows;
import gfpose.kernel.ThreadPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One residual block {@code b<i>}: h ← h + S2(S1(h)), each sub-layer with its own projections of the time
 * and condition embeddings ("independent condition feature projection layers for each block").
 */
final class ResBlock {
    final String prefix;
    final Sublayer first;
    final Sublayer second;

    ResBlock(int index, ModelConfig c, Map<String, float[]> p, boolean live) {
        prefix = "b" + index;
        first = new Sublayer(prefix + "_dense1", prefix + "_gnorm1", c.hidden(), c, p, live);
        second = new Sublayer(prefix + "_dense2", prefix + "_gnorm2", c.hidden(), c, p, live);
    }

    static List<ParamSpec> specs(int index, ModelConfig c) {
        String b = "b" + index;
        List<ParamSpec> s = new ArrayList<>(Sublayer.specs(b + "_dense1", b + "_gnorm1", c.hidden(), c));
        s.addAll(Sublayer.specs(b + "_dense2", b + "_gnorm2", c.hidden(), c));
        return s;
    }

    /** Updates h (rows × hidden) in place; h1 and sum are scratch of the same size; tproj, pool and inRows as in {@link Sublayer#forward}. */
    void forward(float[] h, PackedRows temb, PackedRows cemb, int rows, float[] h1, float[] sum, float[] tproj,
                 ThreadPool pool, PackedRows inRows) {
        first.forward(h, 0, temb, cemb, rows, sum, h1, false, tproj, pool, inRows);
        second.forward(h1, 0, temb, cemb, rows, sum, h, true, tproj, pool, inRows);
    }
}
