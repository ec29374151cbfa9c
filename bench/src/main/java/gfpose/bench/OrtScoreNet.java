package gfpose.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The score network as an ONNX Runtime session (the native peer): one session per thread count, inputs
 * bound once per batch so that {@link #run} times only the session.
 */
public final class OrtScoreNet implements AutoCloseable {
    private static final String TMP_PREFIX = "onnxruntime-java";
    private static Set<Path> ownTmp;

    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
    private int rows;

    /** @param model serialized ONNX model; @param threads intra-op threads (inter-op 1, sequential execution) */
    public OrtScoreNet(byte[] model, int threads) { this(model, threads, true); }

    /**
     * @param model   serialized ONNX model
     * @param threads intra-op threads (inter-op 1, sequential execution)
     * @param spin    let idle intra-op threads spin (ORT's default); off when another engine shares the cores next
     */
    public OrtScoreNet(byte[] model, int threads, boolean spin) {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            if (!spin) o.addConfigEntry("session.intra_op.allow_spinning", "0");
            o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model, o);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime rejected the model: " + e.getMessage(), e);
        }
    }

    /** Binds the inputs for the following {@link #run} calls (copied into native tensors once). */
    public void bind(float[] x, float[] tau, float[] cond, float[] mask, int rows) {
        releaseInputs();
        this.rows = rows;
        int d = x.length / rows;
        OrtEnvironment env = environment();
        try {
            inputs.put("x", OnnxTensor.createTensor(env, FloatBuffer.wrap(x, 0, rows * d), new long[] {rows, d}));
            inputs.put("tau", OnnxTensor.createTensor(env, FloatBuffer.wrap(tau, 0, rows), new long[] {rows}));
            inputs.put("cond", OnnxTensor.createTensor(env, FloatBuffer.wrap(cond, 0, rows * d), new long[] {rows, d}));
            inputs.put("mask", OnnxTensor.createTensor(env, FloatBuffer.wrap(mask, 0, rows * d), new long[] {rows, d}));
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the bound batch and copies the output into {@code out}. */
    public void run(float[] out) {
        try (OrtSession.Result r = session.run(inputs)) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            fb.get(out, 0, fb.remaining());
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Convenience for tests: bind, run, return a fresh array. */
    public float[] forward(float[] x, float[] tau, float[] cond, float[] mask, int rows) {
        bind(x, tau, cond, mask, rows);
        float[] out = new float[x.length / rows * rows];
        run(out);
        return out;
    }

    public int rows() { return rows; }

    private void releaseInputs() {
        for (OnnxTensor t : inputs.values()) t.close();
        inputs.clear();
    }

    @Override public void close() {
        releaseInputs();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The process-wide environment. The first call loads the native libraries; the folders that appear during
     * that call are taken to be this process's extraction folders (a window of milliseconds).
     */
    static synchronized OrtEnvironment environment() {
        if (ownTmp != null) return OrtEnvironment.getEnvironment();
        Set<Path> before = tmpDirs();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ownTmp = tmpDirs();
        ownTmp.removeAll(before);
        return env;
    }

    /**
     * Deletes the {@code onnxruntime-java*} folders this process created in {@code java.io.tmpdir} when ORT
     * extracted its native libraries (ORT leaves them behind). Folders of other processes are left alone.
     */
    public static synchronized void cleanTempDirs() {
        if (ownTmp == null) return;
        for (Path p : ownTmp) {
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(q -> q.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Set<Path> tmpDirs() {
        Set<Path> s = new HashSet<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, TMP_PREFIX + "*")) {
            for (Path p : ds) s.add(p);
        } catch (IOException e) {
            // no readable tmpdir: nothing to clean
        }
        return s;
    }
}
