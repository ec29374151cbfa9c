package gfpose.bench;

import gfpose.kernel.Activation;
import gfpose.kernel.Gemm;
import gfpose.kernel.PackedMatrix;
import gfpose.kernel.ThreadPool;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * The one place where the benchmarks touch core API that is still being written ({@code Gemm.linear(..., pool)},
 * {@code Gemm.backend()}, {@code ScoreNet.fromTensors}). Each entry resolves the real method when it exists;
 * once core has them, replace each body with the direct call.
 */
public final class CoreApi {
    private CoreApi() {}

    private static final MethodHandles.Lookup L = MethodHandles.publicLookup();
    private static final MethodHandle LINEAR_POOL = find(Gemm.class, "linear", MethodType.methodType(void.class,
            float[].class, int.class, int.class, PackedMatrix.class, float[].class, float[].class, int.class,
            boolean.class, Activation.class, ThreadPool.class));
    private static final MethodHandle BACKEND = findAny(Gemm.class, "backend");
    private static final MethodHandle FROM_TENSORS = find(ScoreNet.class, "fromTensors",
            MethodType.methodType(ScoreNet.class, ModelConfig.class, Map.class));

    /** y = act(x W^T + b) over rows, split across the pool (core's threaded overload when present). */
    public static void linear(float[] x, int xOff, int rows, PackedMatrix w, float[] bias, float[] y, int yOff,
                              boolean accumulate, Activation act, ThreadPool pool) {
        if (LINEAR_POOL != null) {
            try {
                LINEAR_POOL.invokeExact(x, xOff, rows, w, bias, y, yOff, accumulate, act, pool);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return;
        }
        if (pool.threads() == 1) {
            Gemm.linear(x, xOff, rows, w, bias, y, yOff, accumulate, act);
            return;
        }
        // stand-in: row chunks in multiples of 4 (kernels.md); core's overload may split columns for small batches
        int in = w.in(), out = w.out();
        pool.forRange(rows, 4, (a, b) -> Gemm.linear(x, xOff + a * in, b - a, w, bias, y, yOff + a * out, accumulate, act));
    }

    /** What {@code Gemm.backend()} reports (e.g. the vector width), or "unknown" before it exists. */
    public static String gemmBackend() {
        if (BACKEND == null) return "unknown";
        try {
            return String.valueOf((Object) BACKEND.invoke());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ScoreNet.fromTensors(config, stateDict)}. */
    public static ScoreNet scoreNet(ModelConfig c, Map<String, float[]> weights) {
        if (FROM_TENSORS == null) throw new UnsupportedOperationException("core has no ScoreNet.fromTensors yet");
        try {
            return (ScoreNet) FROM_TENSORS.invokeExact(c, weights);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static MethodHandle find(Class<?> c, String name, MethodType t) {
        try {
            return L.findStatic(c, name, t);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static MethodHandle findAny(Class<?> c, String name) {
        for (java.lang.reflect.Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 0 && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                try {
                    return L.unreflect(m).asType(MethodType.methodType(Object.class));
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) return (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        return new IllegalStateException(t);
    }
}
