package gfpose.bench.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one ONNX {@code ModelProto} (a single graph, default domain) node by node. Field numbers follow
 * {@code onnx.proto}; only the fields a float32 inference graph needs are written.
 */
public final class OnnxGraph {
    /** TensorProto.DataType values. */
    public static final int FLOAT = 1, INT64 = 7;

    // AttributeProto.AttributeType values
    private static final int ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_INTS = 7;

    private final String name;
    private final List<Proto> nodes = new ArrayList<>();
    private final List<Proto> initializers = new ArrayList<>();
    private final List<Proto> inputs = new ArrayList<>();
    private final List<Proto> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int counter;

    public OnnxGraph(String name) { this.name = name; }

    /** An attribute of a node. */
    public static final class Attr {
        final Proto p;
        private Attr(Proto p) { this.p = p; }
    }

    public static Attr attr(String name, long v) {
        return new Attr(new Proto().string(1, name).varint(3, v).varint(20, ATTR_INT));
    }

    public static Attr attr(String name, float v) {
        return new Attr(new Proto().string(1, name).fixed32(2, v).varint(20, ATTR_FLOAT));
    }

    public static Attr attrInts(String name, long... v) {
        Proto p = new Proto().string(1, name);
        for (long x : v) p.varint(8, x); // unpacked repeated int64, as onnx's own helper writes it
        return new Attr(p.varint(20, ATTR_INTS));
    }

    /** Adds a node with one generated output name and returns that name. */
    public String op(String opType, String[] in, Attr... attrs) {
        String out = "t" + (counter++) + "_" + opType;
        opTo(out, opType, in, attrs);
        return out;
    }

    /** Adds a node whose single output has the given name (for graph outputs). */
    public String opTo(String out, String opType, String[] in, Attr... attrs) {
        define(out);
        Proto node = new Proto();
        for (String s : in) node.string(1, s);
        node.string(2, out).string(3, "n" + nodes.size() + "_" + opType).string(4, opType);
        for (Attr a : attrs) node.message(5, a.p);
        nodes.add(node);
        return out;
    }

    /** A float32 initializer stored as little-endian raw data; the name is kept exactly as given. */
    public String initializer(String name, float[] data, long... dims) {
        checkCount(name, data.length, dims);
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return addTensor(name, FLOAT, b.array(), dims);
    }

    public String initializer(String name, long[] data, long... dims) {
        checkCount(name, data.length, dims);
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(data);
        return addTensor(name, INT64, b.array(), dims);
    }

    /** A graph input; a dimension is a Long (fixed) or a String (symbolic, e.g. "B"). */
    public void input(String name, int elemType, Object... dims) {
        define(name);
        inputs.add(valueInfo(name, elemType, dims));
    }

    /** Declares an already produced value as a graph output. */
    public void output(String name, int elemType, Object... dims) {
        if (!names.contains(name)) throw new IllegalArgumentException("output " + name + " is never produced");
        outputs.add(valueInfo(name, elemType, dims));
    }

    /** The serialized model: IR version 7 (the one that goes with opset 13). */
    public byte[] toModel(int opset, String producer) {
        Proto g = new Proto();
        for (Proto p : nodes) g.message(1, p);
        g.string(2, name);
        for (Proto p : initializers) g.message(5, p);
        for (Proto p : inputs) g.message(11, p);
        for (Proto p : outputs) g.message(12, p);
        Proto opsetId = new Proto().string(1, "").varint(2, opset);
        Proto m = new Proto().varint(1, 7).string(2, producer).string(3, "1").message(7, g).message(8, opsetId);
        return m.toByteArray();
    }

    private String addTensor(String name, int type, byte[] raw, long[] dims) {
        define(name);
        Proto t = new Proto();
        if (dims.length > 0) t.packedVarints(1, dims); // no dims = a scalar
        t.varint(2, type).string(8, name).bytes(9, raw);
        initializers.add(t);
        return name;
    }

    private static Proto valueInfo(String name, int elemType, Object[] dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            Proto dim = d instanceof String ? new Proto().string(2, (String) d) : new Proto().varint(1, ((Number) d).longValue());
            shape.message(1, dim);
        }
        Proto tensor = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    private void define(String n) {
        if (!names.add(n)) throw new IllegalArgumentException("value '" + n + "' is defined twice");
    }

    private static void checkCount(String name, int len, long[] dims) {
        long c = 1;
        for (long d : dims) c *= d;
        if (c != len) throw new IllegalArgumentException(name + ": " + len + " values do not fill shape " + java.util.Arrays.toString(dims));
    }
}
