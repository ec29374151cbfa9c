package gfpose.kernel;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A row's bits do not depend on the rows sharing the call, the split, or the thread count. */
class GemmDeterminismTest {
    private static ThreadPool one, two;

    @BeforeAll static void pools() { one = new ThreadPool(1); two = new ThreadPool(2); }

    @AfterAll static void close() { one.close(); two.close(); }

    // 13, 9, 14 and 333 rows split by rows (333: two row chunks, a 1-row tail); 5 and fewer split by column panels;
    // alone, each row of 4x200x70 takes the 1 x 8 tile and its leftover panels (together: the 4-row tile).
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"13,150,37", "9,51,100", "5,150,37", "3,1024,20", "1,70,9", "14,70,600", "333,40,300", "2,33,5", "9,40,2500", "4,200,70"})
    void forward(int rows, int out, int in) {
        Random rnd = new Random(rows + 17L * out + 31L * in);
        PackedMatrix m = PackedMatrix.pack(Oracle.random(rnd, out * in), out, in);
        float[] x = Oracle.random(rnd, rows * in), bias = Oracle.random(rnd, out), y0 = Oracle.random(rnd, rows * out);
        for (Activation act : Activation.values()) {
            float[] together = y0.clone();
            Gemm.linear(x, 0, rows, m, bias, together, 0, true, act);
            float[] alone = y0.clone();
            for (int r = 0; r < rows; r++) Gemm.linear(x, r * in, 1, m, bias, alone, r * out, true, act);
            Oracle.assertSameBits(alone, together, "row alone " + act);
            for (ThreadPool pool : new ThreadPool[] {one, two}) {
                float[] split = y0.clone();
                Gemm.linear(x, 0, rows, m, bias, split, 0, true, act, pool);
                Oracle.assertSameBits(split, together, pool.threads() + " threads " + act);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"13,150,37", "9,51,100", "5,37,150", "3,20,1024"})
    void backwardInput(int rows, int out, int in) {
        Random rnd = new Random(rows + 7L * out + 11L * in);
        PackedMatrix m = PackedMatrix.pack(Oracle.random(rnd, out * in), out, in);
        float[] dy = Oracle.random(rnd, rows * out), dx0 = Oracle.random(rnd, rows * in);
        float[] together = dx0.clone();
        Gemm.linearBackwardInput(dy, 0, rows, m, together, 0, true);
        float[] alone = dx0.clone();
        for (int r = 0; r < rows; r++) Gemm.linearBackwardInput(dy, r * out, 1, m, alone, r * in, true);
        Oracle.assertSameBits(alone, together, "row alone");
        for (ThreadPool pool : new ThreadPool[] {one, two}) {
            float[] split = dx0.clone();
            Gemm.linearBackwardInput(dy, 0, rows, m, split, 0, true, pool);
            Oracle.assertSameBits(split, together, pool.threads() + " threads");
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"13,150,37", "9,5,100", "40,7,3", "130,110,20"})
    void weightGradient(int rows, int out, int in) {
        Random rnd = new Random(rows + 3L * out + 5L * in);
        float[] dy = Oracle.random(rnd, rows * out), x = Oracle.random(rnd, rows * in);
        float[] dW0 = Oracle.random(rnd, out * in), dB0 = Oracle.random(rnd, out);
        float[] dW = dW0.clone(), dB = dB0.clone();
        Gemm.weightGradient(dy, x, rows, out, in, dW, dB);
        for (ThreadPool pool : new ThreadPool[] {one, two}) {
            float[] dW2 = dW0.clone(), dB2 = dB0.clone();
            Gemm.weightGradient(dy, x, rows, out, in, dW2, dB2, pool);
            Oracle.assertSameBits(dW2, dW, pool.threads() + " threads dW");
            Oracle.assertSameBits(dB2, dB, pool.threads() + " threads dB");
        }
        // Each dW element is one FMA chain over rows, so the scalar reference chain gives the same bits.
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                float s = 0;
                for (int r = 0; r < rows; r++) s = Math.fma(dy[r * out + o], x[r * in + i], s);
                float want = dW0[o * in + i] + s;
                Oracle.assertSameBits(new float[] {dW[o * in + i]}, new float[] {want}, "dW chain " + o + "," + i);
            }
        }
    }
}
