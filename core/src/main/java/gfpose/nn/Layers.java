package gfpose.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The layers of {@code ScoreModelFC_Adv}, named and ordered in this one place: {@link ScoreNet} runs them for
 * inference and {@link TrainNet} trains the same objects (built over its live parameter arrays).
 * <pre>
 * temb = SiLU(shared_time_embed.0(fourier(τ)))      cemb = SiLU(cond_embed.0(mask · (x − c)))
 * h = pre(x);  per block b: h = h + b_2(b_1(h))      out = post_dense(h)
 * sub-layer(in) = SiLU(GroupNorm((dense(in) + dense_t(temb)) + dense_cond(cemb)))
 * </pre>
 */
final class Layers {
    static final String TIME_EMBED = "shared_time_embed.0", COND_EMBED = "cond_embed.0", POST = "post_dense";

    final TimeEmbedding timeEmbedding;
    final Sublayer pre;
    final Linear timeEmbed;
    final Linear condEmbed;
    final ResBlock[] blocks;
    final Linear post;

    /**
     * Builds the layers from a parameter map validated against {@link #specs}.
     *
     * @param live false: the layers copy (and pack) the values; true: they keep the map's arrays (training)
     */
    Layers(ModelConfig c, Map<String, float[]> p, boolean live) {
        int h = c.hidden(), e = c.embed();
        timeEmbedding = new TimeEmbedding(e);
        pre = new Sublayer("pre_dense", "pre_gnorm", c.inDim(), c, p, live);
        timeEmbed = new Linear(TIME_EMBED, p.get(TIME_EMBED + ".weight"), p.get(TIME_EMBED + ".bias"), e, e, live);
        condEmbed = new Linear(COND_EMBED, p.get(COND_EMBED + ".weight"), p.get(COND_EMBED + ".bias"), h, c.condIn(), live);
        blocks = new ResBlock[c.blocks()];
        for (int b = 0; b < blocks.length; b++) blocks[b] = new ResBlock(b + 1, c, p, live);
        post = new Linear(POST, p.get(POST + ".weight"), p.get(POST + ".bias"), c.inDim(), h, live);
    }

    /** The parameters in PyTorch registration ({@code parameters()}) order. */
    static List<ParamSpec> specs(ModelConfig c) {
        List<ParamSpec> s = new ArrayList<>(Sublayer.specs("pre_dense", "pre_gnorm", c.inDim(), c));
        s.addAll(Linear.specs(TIME_EMBED, c.embed(), c.embed()));
        s.addAll(Linear.specs(COND_EMBED, c.hidden(), c.condIn()));
        for (int b = 1; b <= c.blocks(); b++) s.addAll(ResBlock.specs(b, c));
        s.addAll(Linear.specs(POST, c.inDim(), c.hidden()));
        return Collections.unmodifiableList(s);
    }

    /** The sub-layers in forward order: pre, then each block's first and second. */
    Sublayer[] sublayers() {
        Sublayer[] s = new Sublayer[1 + 2 * blocks.length];
        s[0] = pre;
        for (int b = 0; b < blocks.length; b++) {
            s[2 * b + 1] = blocks[b].first;
            s[2 * b + 2] = blocks[b].second;
        }
        return s;
    }

    /** Every linear layer. */
    List<Linear> linears() {
        List<Linear> all = new ArrayList<>(List.of(timeEmbed, condEmbed, post));
        for (Sublayer s : sublayers()) all.addAll(List.of(s.dense, s.denseT, s.denseCond));
        return all;
    }
}
