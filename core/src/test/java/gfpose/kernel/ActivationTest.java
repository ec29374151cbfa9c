package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array SiLU (vectorized when the Vector API is on) against its scalar twin and against float64. */
class ActivationTest {
    private static float[] inputs() {
        Random rnd = new Random(17);
        float[] v = new float[4099]; // not a multiple of any vector length: the scalar tail runs too
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * (i % 3 == 0 ? 40 : 4));
        float[] edge = {0f, -0f, 1e-30f, -1e-30f, 86.9f, 87f, 87.1f, 88f, 88.5f, 100f, 1e30f, -86.9f, -87f, -88f,
                -88.8f, -89f, -100f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 0.5f, -0.5f};
        System.arraycopy(edge, 0, v, 0, edge.length);
        return v;
    }

    @Test
    void vectorMatchesScalarBitForBit() {
        float[] x = inputs();
        float[] y = new float[x.length + 3], acc = new float[x.length + 3];
        for (int i = 0; i < acc.length; i++) acc[i] = i * 0.25f;
        float[] acc0 = acc.clone();
        Activation.SILU.apply(x, 0, y, 3, x.length, false);
        Activation.SILU.apply(x, 0, acc, 3, x.length, true);
        for (int i = 0; i < x.length; i++) {
            float want = Activation.SILU.apply(x[i]);
            Oracle.assertSameBits(new float[] {y[i + 3]}, new float[] {want}, "silu(" + x[i] + ")");
            Oracle.assertSameBits(new float[] {acc[i + 3]}, new float[] {acc0[i + 3] + want}, "acc silu(" + x[i] + ")");
        }
    }

    @Test
    void backwardMatchesScalarBitForBitAndFloat64() {
        float[] x = inputs(), dy = new float[x.length + 2];
        for (int i = 0; i < dy.length; i++) dy[i] = (i % 7 - 3) * 0.37f;
        float[] dx = new float[x.length + 1];
        Activation.SILU.backward(x, 0, dy, 2, dx, 1, x.length);
        for (int i = 0; i < x.length; i++) {
            float d = Activation.SILU.derivative(x[i]);
            Oracle.assertSameBits(new float[] {dx[i + 1]}, new float[] {dy[i + 2] * d}, "silu'(" + x[i] + ")");
            double v = x[i], sig = 1 / (1 + Math.exp(-v)), want = sig * (1 + v * (1 - sig));
            assertThat((double) d).as("silu'(%s)", v).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-6));
        }
        // in place, and NONE passes dy through
        float[] g = dy.clone();
        Activation.SILU.backward(x, 0, g, 2, g, 2, x.length);
        Oracle.assertSameBits(java.util.Arrays.copyOfRange(g, 2, g.length), java.util.Arrays.copyOfRange(dx, 1, dx.length), "in place");
        Activation.NONE.backward(x, 0, dy, 0, dx, 0, 5);
        Oracle.assertSameBits(java.util.Arrays.copyOf(dx, 5), java.util.Arrays.copyOf(dy, 5), "none");
    }

    @Test
    void closeToFloat64() {
        for (float v : inputs()) {
            double want = Oracle.silu(v);
            float got = Activation.SILU.apply(v);
            // a few ulps of the result; below 1e-30 in magnitude (v < -88) absolute error is what counts
            assertThat((double) got).as("silu(%s)", v).isCloseTo(want, org.assertj.core.api.Assertions.within(
                    Math.max(4 * Math.ulp((float) want), 1e-35)));
        }
        assertThat(Activation.NONE.apply(-3f)).isEqualTo(-3f);
    }
}
