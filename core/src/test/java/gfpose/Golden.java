package gfpose;

import gfpose.data.DataPaths;
import gfpose.data.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Assumptions;

/** The golden tensors of the official implementation, and the error measure the golden tests share. */
public final class Golden {
    private Golden() {}

    /** Opens the golden archive; the calling test is skipped (not failed) when the shared folder lacks it. */
    public static Npy.Archive archive() throws IOException {
        Path p = DataPaths.golden();
        Assumptions.assumeTrue(p != null, "golden tensors absent");
        return Npy.openArchive(p);
    }

    /** max|ours − ref| / max|ref| over the whole tensor. */
    public static double relativeError(float[] ours, float[] ref) {
        return relativeError(ours, i -> ref[i], 0, ref.length);
    }

    /** max|ours − ref| / max|ref| over entries {@code [from, to)}. */
    public static double relativeError(float[] ours, double[] ref, int from, int to) {
        return relativeError(ours, i -> ref[i], from, to);
    }

    private static double relativeError(float[] ours, IntToDoubleFunction ref, int from, int to) {
        double diff = 0, scale = 0;
        for (int i = from; i < to; i++) {
            double r = ref.applyAsDouble(i);
            diff = Math.max(diff, Math.abs(ours[i] - r));
            scale = Math.max(scale, Math.abs(r));
        }
        return diff / scale;
    }
}
