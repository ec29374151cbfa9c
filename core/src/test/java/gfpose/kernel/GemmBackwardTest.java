package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two training GEMMs (dx = dy·W, dW += dyᵀ·x, dB += Σ dy) against a double oracle. */
class GemmBackwardTest {
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "3,5,7", "5,17,33", "7,33,37", "9,51,1024", "13,1024,51", "4,64,64", "6,130,70"})
    void backwardInputMatchesOracle(int rows, int out, int in) {
        Random rnd = new Random(rows * 7919L + out * 31L + in);
        float[] w = Oracle.random(rnd, out * in);
        PackedMatrix m = PackedMatrix.pack(w, out, in);
        int dyOff = 2, dxOff = 1;
        float[] dy = Oracle.random(rnd, dyOff + rows * out), dx0 = Oracle.random(rnd, dxOff + rows * in + 3);
        float[] wt = new float[in * out]; // Wᵀ, so the oracle is a forward layer
        for (int j = 0; j < out; j++) for (int i = 0; i < in; i++) wt[i * out + j] = w[j * in + i];
        for (boolean acc : new boolean[] {false, true}) {
            float[] dx = dx0.clone();
            Gemm.linearBackwardInput(dy, dyOff, rows, m, dx, dxOff, acc);
            Oracle.assertClose(dx, dxOff, Oracle.linear(dy, dyOff, rows, wt, in, out, null, dx0, dxOff, acc),
                    Activation.NONE, "dx acc=" + acc);
            Oracle.assertSameBits(new float[] {dx[0], dx[dx.length - 1]}, new float[] {dx0[0], dx0[dx.length - 1]}, "outside");
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "3,5,7", "5,17,33", "7,33,37", "9,51,1024", "13,1024,51", "64,64,64", "33,70,130"})
    void weightGradientMatchesOracle(int rows, int out, int in) {
        Random rnd = new Random(rows * 104729L + out * 13L + in);
        float[] dy = Oracle.random(rnd, rows * out), x = Oracle.random(rnd, rows * in);
        float[] dW0 = Oracle.random(rnd, out * in), dB0 = Oracle.random(rnd, out);
        float[] dW = dW0.clone(), dB = dB0.clone();
        Gemm.weightGradient(dy, x, rows, out, in, dW, dB);
        // dW = dW0 + dyᵀ·x is a forward layer with input dyᵀ [out][rows] and weight xᵀ [in][rows].
        float[] dyT = new float[out * rows], xT = new float[in * rows];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) dyT[o * rows + r] = dy[r * out + o];
            for (int i = 0; i < in; i++) xT[i * rows + r] = x[r * in + i];
        }
        Oracle.assertClose(dW, 0, Oracle.linear(dyT, 0, out, xT, in, rows, null, dW0, 0, true), Activation.NONE, "dW");
        float[] ones = new float[rows];
        java.util.Arrays.fill(ones, 1f);
        Oracle.assertClose(dB, 0, Oracle.linear(ones, 0, 1, dyT, out, rows, null, dB0, 0, true), Activation.NONE, "dB");
        float[] dW2 = dW0.clone();
        Gemm.weightGradient(dy, x, rows, out, in, dW2, null);
        Oracle.assertSameBits(dW2, dW, "dW without dB");
        // overwriting what was there gives the bits of adding to zeros (training skips zeroing its gradients)
        float[] zW = new float[out * in], zB = new float[out], oW = dW0.clone(), oB = dB0.clone();
        Gemm.weightGradient(dy, x, rows, out, in, zW, zB);
        OutputGradient prepared = new OutputGradient().set(dy, rows, out, null);
        Gemm.weightGradient(prepared, java.util.List.of(new Gemm.Gradient(x, in, oW, oB)), false, null);
        Oracle.assertSameBits(oW, zW, "dW overwritten");
        Oracle.assertSameBits(oB, zB, "dB overwritten");
    }

    @Test
    void packedInputOfAnotherShapeIsRefused() {
        OutputGradient dy = new OutputGradient().set(new float[6 * 4], 6, 4, null);
        PackedInput x = new PackedInput().set(new float[5 * 3], 5, 3, null);
        assertThatThrownBy(() -> Gemm.weightGradient(dy, java.util.List.of(new Gemm.Gradient(x, new float[4 * 3], null)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5x3").hasMessageContaining("6x3");
    }
}
