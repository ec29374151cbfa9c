package gfpose.nn;

import gfpose.GfposeException;
import gfpose.io.Safetensors;
import gfpose.io.SafetensorsDType;
import gfpose.io.SafetensorsEntry;
import gfpose.io.SafetensorsTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading and writing a {@link ScoreNet} as a safetensors file whose metadata carries the {@link ModelConfig}. */
final class ScoreNetFile {
    private ScoreNetFile() {}

    static final String MODEL_KEY = "gfpose.model";
    static final String MODEL_NAME = "ScoreModelFC_Adv";

    /** Reads the file, takes the config from its metadata and checks every tensor against it; first mismatch wins. */
    static ScoreNet load(Path file) { return load(Safetensors.read(file)); }

    /** As {@link #load(Path)} for weights already read (from a file, a stream or memory). */
    static ScoreNet load(Safetensors st) {
        String file = st.source();
        String model = st.metadata().get(MODEL_KEY);
        if (model != null && !model.equals(MODEL_NAME)) {
            throw new GfposeException(file + ": metadata '" + MODEL_KEY + "' is '" + model + "', expected '" + MODEL_NAME + "'");
        }
        ModelConfig config;
        try {
            config = ModelConfig.fromMetadata(st.metadata(), file.toString());
        } catch (GfposeException e) {
            String m = e.getMessage();
            throw new GfposeException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
        }
        ScoreNet.checkSupported(config, file.toString());
        // a metadata block count far beyond the file's tensors would otherwise build billions of specs first (a near
        // miss is left to the tensor-by-tensor check below, whose message names the first tensor that disagrees)
        long perBlock = ResBlock.specs(1, config).size(), fixed = ScoreNet.parameterSpecs(ModelConfig.of(config.hidden(),
                config.embed(), 0, config.groups())).size();
        long need = fixed + perBlock * config.blocks(), have = st.entries().size();
        if (need > 2 * have + 16) {
            throw new GfposeException(file + ": metadata says " + config.blocks() + " blocks, which needs " + need
                    + " tensors; the file holds " + have);
        }
        Map<String, float[]> params = new LinkedHashMap<>();
        Set<String> expected = new HashSet<>();
        for (ParamSpec s : ScoreNet.parameterSpecs(config)) {
            expected.add(s.name());
            SafetensorsEntry e = st.entry(s.name());
            if (e == null) {
                throw new GfposeException(file + ": missing tensor '" + s.name() + "' " + s.shapeString() + " ("
                        + ScoreNet.describe(config) + ")");
            }
            if (!s.hasShape(e.shape())) {
                throw new GfposeException(file + ": tensor '" + s.name() + "' has shape " + e.shapeString() + ", expected "
                        + s.shapeString() + " (" + ScoreNet.describe(config) + ")");
            }
            if (!e.dtype().isFloat() || e.dtype() == SafetensorsDType.F64) {
                throw new GfposeException(file + ": tensor '" + s.name() + "' has dtype " + e.dtype() + ", expected F32, F16 or BF16");
            }
        }
        for (SafetensorsEntry e : st.entries()) {
            if (!expected.contains(e.name()) && !e.name().equals(ScoreNet.SIGMAS)) {
                throw new GfposeException(file + ": unexpected tensor '" + e.name() + "' (" + ScoreNet.describe(config) + ")");
            }
        }
        for (ParamSpec s : ScoreNet.parameterSpecs(config)) {
            float[] v = st.floats(s.name());
            for (int i = 0; i < v.length; i++) {
                // one NaN or infinity poisons every output; say where instead of sampling NaN poses
                if (!Float.isFinite(v[i])) throw new GfposeException(file + ": tensor '" + s.name() + "' value " + i + " is " + v[i]);
            }
            params.put(s.name(), v);
        }
        return ScoreNet.fromTensors(config, params);
    }

    /** Writes every parameter in registration order with the config as metadata; {@code sigmas} is not written. */
    static void save(ScoreNet net, Path file, SafetensorsDType dtype) {
        Map<String, float[]> p = net.parameters();
        List<SafetensorsTensor> tensors = new ArrayList<>();
        for (ParamSpec s : ScoreNet.parameterSpecs(net.config())) tensors.add(new SafetensorsTensor(s.name(), s.shape(), p.get(s.name())));
        Safetensors.write(file, net.config().toMetadata(), tensors, dtype);
    }
}
