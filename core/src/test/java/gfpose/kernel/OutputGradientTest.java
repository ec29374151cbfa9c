package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputGradientTest {
    @Test
    void holdsDyAndTheInOrderColumnSums() {
        Random rnd = new Random(3);
        int rows = 37, out = 45; // out not a multiple of the 16-column split
        float[] dy = Oracle.random(rnd, rows * out);
        OutputGradient g = new OutputGradient().set(dy, rows, out, null);
        assertThat(g.rows()).isEqualTo(rows);
        assertThat(g.out()).isEqualTo(out);
        assertThat(g.dy).isSameAs(dy); // read in place by the weight gradient, never copied
        for (int o = 0; o < out; o++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) s += dy[r * out + o];
            assertThat(g.biasSum[o]).isEqualTo(s); // bitwise: the same float sum in the same order
        }
    }

    @Test
    void anySplitAndReuseGivesTheSameBits() {
        Random rnd = new Random(4);
        float[] big = Oracle.random(rnd, 70 * 90), small = Oracle.random(rnd, 9 * 20);
        OutputGradient one = new OutputGradient().set(small, 9, 20, null);
        float[] s = java.util.Arrays.copyOf(one.biasSum, 20);
        OutputGradient reused = new OutputGradient();
        try (ThreadPool pool = new ThreadPool(3)) {
            reused.set(big, 70, 90, pool).set(small, 9, 20, pool); // larger first: the buffers keep stale values past the shape
        }
        assertThat(java.util.Arrays.copyOf(reused.biasSum, 20)).containsExactly(s);
    }
}
