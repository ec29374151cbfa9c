package gfpose.train;

import gfpose.GfposeException;
import gfpose.io.Safetensors;
import gfpose.io.SafetensorsDType;
import gfpose.io.SafetensorsEntry;
import gfpose.io.SafetensorsTensor;
import gfpose.nn.ParamSpec;
import gfpose.nn.ScoreNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training checkpoint: one safetensors file with the parameters ({@code param/}), Adam moments ({@code adam_m/},
 * {@code adam_v/}) and EMA ({@code ema/}) in float32, and the config, step, sample count and data position as
 * metadata. Every random draw is a function of (seed, sample index) or (seed, epoch), so this is the whole state.
 */
final class Checkpoint {
    private Checkpoint() {}

    static final String FORMAT = "gfpose.train.checkpoint/1";
    private static final String[] GROUPS = {"param/", "adam_m/", "adam_v/", "ema/"};

    record State(TrainConfig config, long step, long samples, long epoch, int offset, int dataSize,
                 Map<String, float[]> params, Map<String, float[]> adamM, Map<String, float[]> adamV, Map<String, float[]> ema) {
        State withConfig(TrainConfig c) { return new State(c, step, samples, epoch, offset, dataSize, params, adamM, adamV, ema); }
    }

    static void write(Path file, State s) {
        Map<String, String> meta = new LinkedHashMap<>(s.config().toMetadata());
        meta.put("train.format", FORMAT);
        meta.put("train.step", Long.toString(s.step()));
        meta.put("train.samples", Long.toString(s.samples()));
        meta.put("train.epoch", Long.toString(s.epoch()));
        meta.put("train.offset", Integer.toString(s.offset()));
        meta.put("train.data_size", Integer.toString(s.dataSize()));
        List<SafetensorsTensor> t = new ArrayList<>();
        List<Map<String, float[]>> maps = List.of(s.params(), s.adamM(), s.adamV(), s.ema());
        for (int g = 0; g < GROUPS.length; g++) {
            for (ParamSpec p : ScoreNet.parameterSpecs(s.config().model())) {
                t.add(new SafetensorsTensor(GROUPS[g] + p.name(), p.shape(), maps.get(g).get(p.name())));
            }
        }
        Safetensors.write(file, meta, t, SafetensorsDType.F32);
    }

    static State read(Path file) {
        if (!Files.isRegularFile(file)) throw new GfposeException(file + ": checkpoint not found");
        Safetensors st = Safetensors.read(file);
        Map<String, String> m = st.metadata();
        if (!FORMAT.equals(m.get("train.format"))) {
            throw new GfposeException(file + ": not a gfpose training checkpoint (metadata 'train.format' is "
                    + m.get("train.format") + ")");
        }
        TrainConfig cfg = TrainConfig.fromMetadata(m, file.toString());
        List<Map<String, float[]>> maps = new ArrayList<>();
        for (String g : GROUPS) {
            Map<String, float[]> map = new LinkedHashMap<>();
            for (ParamSpec p : ScoreNet.parameterSpecs(cfg.model())) {
                SafetensorsEntry e = st.entry(g + p.name());
                if (e == null || !p.hasShape(e.shape()) || e.dtype() != SafetensorsDType.F32) {
                    throw new GfposeException(file + ": tensor '" + g + p.name() + "' missing or not F32 " + p.shapeString());
                }
                map.put(p.name(), st.floats(g + p.name()));
            }
            maps.add(map);
        }
        try {
            return new State(cfg, Long.parseLong(TrainConfig.get(m, "train.step", file.toString())),
                    Long.parseLong(TrainConfig.get(m, "train.samples", file.toString())),
                    Long.parseLong(TrainConfig.get(m, "train.epoch", file.toString())),
                    Integer.parseInt(TrainConfig.get(m, "train.offset", file.toString())),
                    Integer.parseInt(TrainConfig.get(m, "train.data_size", file.toString())),
                    maps.get(0), maps.get(1), maps.get(2), maps.get(3));
        } catch (NumberFormatException e) {
            throw new GfposeException(file + ": bad checkpoint metadata (" + e.getMessage() + ")", e);
        }
    }
}
