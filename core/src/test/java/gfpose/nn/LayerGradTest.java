package gfpose.nn;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.kernel.Rng;
import org.junit.jupiter.api.Test;

/** Each layer's backward against finite differences (SiLU, GroupNorm) or the exact linear algebra (Linear). */
class LayerGradTest {
    @Test
    void siluDerivative() {
        for (double v = -8; v <= 8; v += 0.37) {
            double h = 1e-5, s = (silu(v + h) - silu(v - h)) / (2 * h);
            assertThat((double) gfpose.kernel.Activation.SILU.derivative((float) v)).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    static double silu(double v) { return v / (1 + Math.exp(-v)); }

    /**
     * GroupNorm: loss L = Σ w·y for random w. The forward is float32 but computes its moments in float64, so a
     * float32 difference with a step of 1e-2 on O(1) inputs is accurate to ~1e-5 relative.
     */
    @Test
    void groupNormBackward() {
        int rows = 3, ch = 12, groups = 3;
        Rng r = new Rng(1);
        float[] x = new float[rows * ch], w = new float[rows * ch], gamma = new float[ch], beta = new float[ch];
        for (int i = 0; i < x.length; i++) { x[i] = (float) r.nextGaussian(); w[i] = (float) r.nextGaussian(); }
        for (int c = 0; c < ch; c++) { gamma[c] = (float) (1 + 0.5 * r.nextGaussian()); beta[c] = (float) r.nextGaussian(); }
        float[] dx = new float[x.length], dg = new float[ch], db = new float[ch];
        float[] y = new float[x.length], xh = new float[x.length], rs = new float[rows * groups];
        GroupNorm.forwardKeeping(x, gamma, beta, ch, groups, 0, rows, y, xh, rs);
        gfpose.kernel.Norm.backwardParams(w, xh, rows, ch, 0, ch, dg, db);
        gfpose.kernel.Norm.backwardInput(w, xh, rs, gamma, ch, groups, 0, rows, dx);
        double h = 1e-2;
        for (int i = 0; i < x.length; i++) {
            float keep = x[i];
            x[i] = (float) (keep + h); double up = weighted(x, gamma, beta, w, ch, groups);
            x[i] = (float) (keep - h); double dn = weighted(x, gamma, beta, w, ch, groups);
            x[i] = keep;
            assertThat((double) dx[i]).as("dx " + i).isCloseTo((up - dn) / (2 * h), org.assertj.core.data.Offset.offset(2e-3));
        }
        for (int c = 0; c < ch; c++) {
            float keep = gamma[c];
            gamma[c] = (float) (keep + h); double up = weighted(x, gamma, beta, w, ch, groups);
            gamma[c] = (float) (keep - h); double dn = weighted(x, gamma, beta, w, ch, groups);
            gamma[c] = keep;
            assertThat((double) dg[c]).as("dgamma " + c).isCloseTo((up - dn) / (2 * h), org.assertj.core.data.Offset.offset(2e-3));
            double sb = 0;
            for (int k = 0; k < rows; k++) sb += w[k * ch + c];
            assertThat((double) db[c]).as("dbeta " + c).isCloseTo(sb, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    private static double weighted(float[] x, float[] gamma, float[] beta, float[] w, int ch, int groups) {
        int rows = x.length / ch;
        float[] y = new float[x.length], xh = new float[x.length], rs = new float[rows * groups];
        GroupNorm.forwardKeeping(x, gamma, beta, ch, groups, 0, rows, y, xh, rs);
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (double) w[i] * y[i];
        return s;
    }

    @Test
    void linearBackwardIsTheTransposedProduct() {
        int rows = 6, out = 7, in = 5;
        Rng r = new Rng(2);
        float[] w = new float[out * in], x = new float[rows * in], dy = new float[rows * out];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < dy.length; i++) dy[i] = (float) r.nextGaussian();
        float[] dx = new float[rows * in], dW = new float[out * in], dB = new float[out];
        Linear layer = new Linear("l", w, new float[out], out, in, true);
        // the trainer's two calls: the weight and bias gradients from the prepared dy, then this layer's input gradient
        gfpose.kernel.Gemm.weightGradient(new gfpose.kernel.OutputGradient().set(dy, rows, out, null),
                java.util.List.of(new gfpose.kernel.Gemm.Gradient(x, in, dW, dB)), null);
        gfpose.kernel.Gemm.linearBackwardInput(dy, 0, rows, java.util.List.of(layer.inputGradient(dx, 0, false)), null);
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int o = 0; o < out; o++) s += (double) dy[k * out + o] * w[o * in + i];
                assertThat((double) dx[k * in + i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        for (int o = 0; o < out; o++) {
            double sb = 0;
            for (int k = 0; k < rows; k++) sb += dy[k * out + o];
            assertThat((double) dB[o]).isCloseTo(sb, org.assertj.core.data.Offset.offset(1e-5));
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int k = 0; k < rows; k++) s += (double) dy[k * out + o] * x[k * in + i];
                assertThat((double) dW[o * in + i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }
}
