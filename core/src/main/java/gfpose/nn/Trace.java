package gfpose.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects copies of intermediate activations during a traced forward pass (tests and debugging only). */
final class Trace {
    final Map<String, float[]> values = new LinkedHashMap<>();

    void record(String name, float[] buf, int len) { values.put(name, Arrays.copyOf(buf, len)); }
}
