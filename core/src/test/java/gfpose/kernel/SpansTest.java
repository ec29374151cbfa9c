package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpansTest {
    @Test
    void everyElementOnceInWholeBlocksOfOneArray() {
        int[] lengths = {0, 5, 1024, 1025, 3000, 0, 7, 4096};
        int block = 256;
        for (int threads = 1; threads <= 4; threads++) {
            int[][] seen = new int[lengths.length][];
            for (int t = 0; t < lengths.length; t++) seen[t] = new int[lengths[t]];
            try (ThreadPool pool = new ThreadPool(threads)) {
                Spans.forEach(lengths, block, pool, (t, from, to) -> {
                    assertThat(from % block).isZero();
                    assertThat(to == lengths[t] || to % block == 0).as("run end %d of array %d", to, t).isTrue();
                    assertThat(from).isLessThan(to);
                    synchronized (seen) { for (int i = from; i < to; i++) seen[t][i]++; }
                });
            }
            for (int t = 0; t < lengths.length; t++) for (int i = 0; i < lengths[t]; i++) {
                assertThat(seen[t][i]).as("array %d element %d, %d threads", t, i, threads).isEqualTo(1);
            }
        }
    }

    @Test
    void nullPoolRunsEachArrayWholeOnTheCaller() {
        java.util.List<String> runs = new java.util.ArrayList<>();
        Spans.forEach(new float[][] {new float[10], new float[0], new float[3]}, 4, null, (t, from, to) -> runs.add(t + ":" + from + "-" + to));
        assertThat(runs).containsExactly("0:0-10", "2:0-3");
    }
}
