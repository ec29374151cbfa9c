package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

/** Double-precision reference GEMMs and tolerance checks for the kernel tests. */
final class Oracle {
    private Oracle() {}

    /** Relative tolerance against the magnitude Σ|x||w| (+|b| +|y|) of each output. */
    static final double REL = 2e-6;

    static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }

    /** Reference of {@link Gemm#linear}; returns {value, magnitude} pairs for rows x out. */
    static double[][] linear(float[] x, int xOff, int rows, float[] w, int out, int in, float[] bias,
                             float[] y0, int yOff, boolean acc) {
        double[][] ref = new double[2][rows * out];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double s = 0, m = 0;
                for (int k = 0; k < in; k++) {
                    double p = (double) x[xOff + r * in + k] * w[j * in + k];
                    s += p;
                    m += Math.abs(p);
                }
                if (bias != null) { s += bias[j]; m += Math.abs(bias[j]); }
                if (acc) { s += y0[yOff + r * out + j]; m += Math.abs(y0[yOff + r * out + j]); }
                ref[0][r * out + j] = s;
                ref[1][r * out + j] = m;
            }
        }
        return ref;
    }

    static double silu(double v) { return v / (1 + Math.exp(-v)); }

    /** Asserts {@code act(ref)} within tolerance of each of rows x n values of y from {@code yOff}. */
    static void assertClose(float[] y, int yOff, double[][] ref, Activation act, String what) {
        for (int i = 0; i < ref[0].length; i++) {
            double want = act == Activation.SILU ? silu(ref[0][i]) : ref[0][i];
            // SiLU's slope is below 1.1; the float exp adds a few ulps of the result.
            double tol = 1.1 * REL * ref[1][i] + 1e-6 * Math.abs(want) + 1e-30;
            assertThat((double) y[yOff + i]).as("%s element %d", what, i).isCloseTo(want, org.assertj.core.data.Offset.offset(tol));
        }
    }

    /** Bitwise equality with a readable first mismatch. */
    static void assertSameBits(float[] actual, float[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
        assertThat(actual).hasSameSizeAs(expected);
    }
}
