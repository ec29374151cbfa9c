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
    // dyᵀ is read in place from dy: rows past a K block (2100), out of 1 or 2 (too few for the 4-row tile) and past
    // a chunk of 320 rows of dyᵀ (700)
    @CsvSource({"13,150,37", "9,5,100", "40,7,3", "130,110,20", "2100,6,5", "300,2,3", "7,1,9", "9,700,3"})
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

    /**
     * Several layers on the same rows (the input packed once for all): each output equals its own single-layer call bit
     * for bit, forwards, backwards and for the weight gradients, on the caller and on pools. Two outputs are wider than
     * one panel and one is narrower, so the shared scratch serves outputs of different widths.
     */
    /**
     * Rows packed once ({@link PackedRows}) give each layer the bits of passing the rows themselves: one and two rows
     * (read in place), a row tail, more rows than one chunk (333 and 700), more inputs than one K block (4100), an
     * offset into x, and the same packed rows reused by layers of other widths and modes.
     */
    @ParameterizedTest(name = "{0} rows x {1}")
    @CsvSource({"1,9", "2,70", "3,37", "13,37", "333,300", "700,64", "21,4100"})
    void rowsPackedBeforehand(int rows, int in) {
        Random rnd = new Random(rows * 31L + in);
        int xOff = 5;
        float[] x = Oracle.random(rnd, xOff + rows * in + 2);
        PackedRows packed = new PackedRows().set(x, xOff, rows, in);
        int[] outs = {150, 5, 64};
        for (int i = 0; i < outs.length; i++) {
            PackedMatrix m = PackedMatrix.pack(Oracle.random(rnd, outs[i] * in), outs[i], in);
            float[] b = i == 1 ? null : Oracle.random(rnd, outs[i]);
            Activation act = i == 2 ? Activation.SILU : Activation.NONE;
            float[] y = Oracle.random(rnd, rows * outs[i] + 3), want = y.clone();
            Gemm.linear(x, xOff, rows, m, b, want, 3, i != 0, act);
            Gemm.linear(packed, m, b, y, 3, i != 0, act);
            Oracle.assertSameBits(y, want, rows + " packed rows, layer " + i);
        }
    }

    @ParameterizedTest(name = "{0} rows x {1}")
    @CsvSource({"13,37", "333,300", "2,70", "5,600", "1,9"})
    void layersSharingTheirInput(int rows, int in) {
        Random rnd = new Random(rows * 13L + in);
        int[] outs = {150, 5, 64};
        PackedMatrix[] m = new PackedMatrix[outs.length];
        for (int i = 0; i < outs.length; i++) m[i] = PackedMatrix.pack(Oracle.random(rnd, outs[i] * in), outs[i], in);
        float[] x = Oracle.random(rnd, rows * in);
        for (ThreadPool pool : new ThreadPool[] {null, one, two}) {
            String where = pool == null ? "caller" : pool.threads() + " threads";
            // forwards: y_i = act(acc·y_i + b_i + x·W_iᵀ)
            float[][] ys = new float[outs.length][], want = new float[outs.length][];
            java.util.List<Gemm.Layer> layers = new java.util.ArrayList<>();
            for (int i = 0; i < outs.length; i++) {
                float[] b = i == 1 ? null : Oracle.random(rnd, outs[i]);
                Activation act = i == 2 ? Activation.SILU : Activation.NONE;
                ys[i] = Oracle.random(rnd, rows * outs[i]);
                want[i] = ys[i].clone();
                Gemm.linear(x, 0, rows, m[i], b, want[i], 0, i != 0, act, pool);
                layers.add(new Gemm.Layer(m[i], b, ys[i], 0, i != 0, act));
            }
            Gemm.linear(x, 0, rows, layers, pool);
            for (int i = 0; i < outs.length; i++) Oracle.assertSameBits(ys[i], want[i], where + " forward layer " + i);
        }
        // backwards, one output gradient dy [rows][out] shared by layers of the same out and different in
        int out = 40;
        int[] ins = {in, 17, 130};
        PackedMatrix[] w = new PackedMatrix[ins.length];
        for (int i = 0; i < ins.length; i++) w[i] = PackedMatrix.pack(Oracle.random(rnd, out * ins[i]), out, ins[i]);
        float[] dy = Oracle.random(rnd, rows * out);
        OutputGradient g = new OutputGradient().set(dy, rows, out, null);
        for (ThreadPool pool : new ThreadPool[] {null, one, two}) {
            String where = pool == null ? "caller" : pool.threads() + " threads";
            float[][] dx = new float[ins.length][], dxWant = new float[ins.length][];
            float[][] xs = new float[ins.length][], dW = new float[ins.length][], dWWant = new float[ins.length][];
            float[][] dB = new float[ins.length][], dBWant = new float[ins.length][];
            java.util.List<Gemm.Layer> back = new java.util.ArrayList<>();
            java.util.List<Gemm.Gradient> grads = new java.util.ArrayList<>();
            for (int i = 0; i < ins.length; i++) {
                dx[i] = Oracle.random(rnd, rows * ins[i]);
                dxWant[i] = dx[i].clone();
                Gemm.linearBackwardInput(dy, 0, rows, w[i], dxWant[i], 0, i != 1, pool);
                back.add(new Gemm.Layer(w[i], null, dx[i], 0, i != 1, Activation.NONE));
                xs[i] = Oracle.random(rnd, rows * ins[i]);
                dW[i] = Oracle.random(rnd, out * ins[i]);
                dWWant[i] = dW[i].clone();
                dB[i] = i == 2 ? null : Oracle.random(rnd, out);
                dBWant[i] = dB[i] == null ? null : dB[i].clone();
                Gemm.weightGradient(g, xs[i], ins[i], dWWant[i], dBWant[i], pool);
                // layer 1's input comes packed beforehand (as an input shared by several layers does): same bits
                grads.add(i == 1 ? new Gemm.Gradient(new PackedInput().set(xs[i], rows, ins[i], pool), dW[i], dB[i])
                        : new Gemm.Gradient(xs[i], ins[i], dW[i], dB[i]));
            }
            Gemm.linearBackwardInput(dy, 0, rows, back, pool);
            Gemm.weightGradient(g, grads, pool);
            for (int i = 0; i < ins.length; i++) {
                Oracle.assertSameBits(dx[i], dxWant[i], where + " input gradient layer " + i);
                Oracle.assertSameBits(dW[i], dWWant[i], where + " weight gradient layer " + i);
                if (dB[i] != null) Oracle.assertSameBits(dB[i], dBWant[i], where + " bias gradient layer " + i);
            }
        }
    }
}
