package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Chunking on own threads and on a borrowed executor: every index once, progress when the executor is stuck. */
class ThreadPoolTest {
    private static void coversEachIndexOnce(ThreadPool pool, int n, int grain) {
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        pool.forRange(n, grain, (a, b) -> {
            assertThat(a % grain).isZero();
            for (int i = a; i < b; i++) hits.incrementAndGet(i);
        });
        for (int i = 0; i < n; i++) assertThat(hits.get(i)).as("index " + i).isEqualTo(1);
    }

    @Test
    void ownAndBorrowedWorkersCoverEveryIndexOnce() {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try (ThreadPool own = new ThreadPool(3); ThreadPool borrowed = new ThreadPool(3, ex)) {
            for (int n : new int[] {1, 7, 64, 1001}) {
                coversEachIndexOnce(own, n, 4);
                coversEachIndexOnce(borrowed, n, 4);
            }
        }
        assertThat(ex.isShutdown()).as("close() leaves a borrowed executor running").isFalse();
        ex.shutdownNow();
    }

    @Test
    void aSaturatedOrRejectingExecutorLeavesTheWorkToTheCaller() throws InterruptedException {
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        one.execute(() -> { try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } });
        try (ThreadPool stuck = new ThreadPool(4, one)) {
            coversEachIndexOnce(stuck, 100, 1); // the executor's only thread is blocked: the caller runs all four chunks
        }
        release.countDown();
        one.shutdown();
        assertThat(one.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        try (ThreadPool rejecting = new ThreadPool(3, one)) { // shut down: every chunk is rejected
            coversEachIndexOnce(rejecting, 50, 2);
        }
    }

    @Test
    void aChunksExceptionReachesTheCaller() {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try (ThreadPool p = new ThreadPool(2, ex)) {
            assertThatThrownBy(() -> p.forRange(10, 1, (a, b) -> { if (a > 0) throw new IllegalStateException("chunk " + a); }))
                    .isInstanceOf(IllegalStateException.class).hasMessage("chunk 5");
        } finally {
            ex.shutdownNow();
        }
        assertThatThrownBy(() -> new ThreadPool(0, ex)).isInstanceOf(IllegalArgumentException.class);
    }
}
