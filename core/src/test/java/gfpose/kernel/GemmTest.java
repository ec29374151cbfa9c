package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Forward GEMM against a double oracle, on shapes with tails in every dimension (2500: several K blocks), on the configured backend. */
class GemmTest {
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "3,5,7", "5,17,33", "7,33,37", "9,51,1024", "13,1024,51", "4,64,64", "8,64,129", "2,3,200", "14,70,600", "333,40,300", "2,33,5", "9,40,2500", "1,200,70", "2,130,9", "5,200,40", "8,300,64", "3,520,70"})
    void matchesOracle(int rows, int out, int in) {
        Random rnd = new Random(rows * 1_000_003L + out * 1009L + in);
        float[] w = Oracle.random(rnd, out * in), bias = Oracle.random(rnd, out);
        PackedMatrix m = PackedMatrix.pack(w, out, in);
        int xOff = 3, yOff = 5;
        float[] x = Oracle.random(rnd, xOff + rows * in + 2);
        float[] y0 = Oracle.random(rnd, yOff + rows * out + 4);
        for (boolean withBias : new boolean[] {false, true}) {
            for (boolean acc : new boolean[] {false, true}) {
                for (Activation act : Activation.values()) {
                    float[] y = y0.clone();
                    Gemm.linear(x, xOff, rows, m, withBias ? bias : null, y, yOff, acc, act);
                    String what = rows + "x" + out + "x" + in + " bias=" + withBias + " acc=" + acc + " " + act;
                    Oracle.assertClose(y, yOff, Oracle.linear(x, xOff, rows, w, out, in, withBias ? bias : null, y0, yOff, acc), act, what);
                    // Nothing outside the output block is touched.
                    for (int i = 0; i < yOff; i++) Oracle.assertSameBits(new float[] {y[i]}, new float[] {y0[i]}, what + " head");
                    for (int i = yOff + rows * out; i < y.length; i++) Oracle.assertSameBits(new float[] {y[i]}, new float[] {y0[i]}, what + " tail");
                    // The scalar kernel on the same panels gives the same bits: one arithmetic for all backends.
                    float[] s = y0.clone();
                    ScalarGemm.linear(new Operands.Rows(x, xOff, in), 0, rows, new Operands.Output(m.forward(),
                            withBias ? bias : null, new Operands.Rows(s, yOff, out), acc, act), 0, PackedMatrix.panelCount(out));
                    Oracle.assertSameBits(y, s, what + " vs scalar");
                }
            }
        }
        // A shift shared by the rows is added after the bias and before y: the bits of adding it to the plain result.
        float[] shift = Oracle.random(rnd, out), plain = y0.clone();
        Gemm.linear(x, xOff, rows, m, bias, plain, yOff, false, Activation.NONE);
        for (boolean acc : new boolean[] {false, true}) {
            for (Activation act : Activation.values()) {
                float[] want = y0.clone(), y = y0.clone(), s = y0.clone();
                for (int r = 0; r < rows; r++) {
                    for (int j = 0, i = yOff + r * out; j < out; j++, i++) {
                        want[i] = act.apply(acc ? (plain[i] + shift[j]) + y0[i] : plain[i] + shift[j]);
                    }
                }
                Gemm.linear(x, xOff, rows, m, bias, shift, y, yOff, acc, act, null);
                String what = rows + "x" + out + "x" + in + " shift acc=" + acc + " " + act;
                Oracle.assertSameBits(y, want, what);
                ScalarGemm.linear(new Operands.Rows(x, xOff, in), 0, rows, new Operands.Output(m.forward(), bias, shift,
                        new Operands.Rows(s, yOff, out), acc, act), 0, PackedMatrix.panelCount(out));
                Oracle.assertSameBits(s, want, what + " scalar");
            }
        }
    }

    @Test
    void zeroRowsIsANoOp() {
        PackedMatrix m = PackedMatrix.pack(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        float[] y = {7, 8};
        Gemm.linear(new float[0], 0, 0, m, null, y, 0, false, Activation.SILU);
        Oracle.assertSameBits(y, new float[] {7, 8}, "y");
    }

    @Test
    void rejectsShortArrays() {
        PackedMatrix m = PackedMatrix.pack(new float[6], 2, 3);
        assertThatThrownBy(() -> Gemm.linear(new float[5], 0, 2, m, null, new float[4], 0, false, Activation.NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Gemm.linear(new float[6], 0, 2, m, null, new float[3], 0, false, Activation.NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Gemm.linear(new float[6], 0, 2, m, new float[1], new float[4], 0, false, Activation.NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
