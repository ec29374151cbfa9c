package gfpose.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A fixed pool that splits a range of rows (hypotheses) into contiguous chunks, one per worker. */
public final class ThreadPool implements AutoCloseable {
    /** Body of a parallel loop over rows [from, to). */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    private final int threads;
    private final ExecutorService exec;

    public ThreadPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.exec = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gfpose-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() { return threads; }

    /** {@code pool.forRange(n, grain, body)}, or the whole of [0, n) on the caller when pool is null. */
    public static void run(ThreadPool pool, int n, int grain, RangeBody body) {
        if (pool == null) { if (n > 0) body.run(0, n); } else pool.forRange(n, grain, body);
    }

    /** Runs body over [0, n) in at most {@code threads} chunks whose sizes are multiples of {@code grain}. */
    public void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int chunks = Math.min(threads, (n + grain - 1) / grain);
        if (chunks <= 1) { body.run(0, n); return; }
        int per = ((n + chunks - 1) / chunks + grain - 1) / grain * grain;
        List<Future<?>> fs = new ArrayList<>();
        for (int lo = per; lo < n; lo += per) {
            int from = lo, to = Math.min(n, lo + per);
            fs.add(exec.submit(() -> body.run(from, to)));
        }
        body.run(0, Math.min(n, per));
        for (Future<?> f : fs) {
            try { f.get(); } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Future<?> g : fs) g.cancel(true);
                throw new java.util.concurrent.CancellationException("interrupted while the workers ran");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                if (c instanceof Error) throw (Error) c;
                throw new IllegalStateException(c);
            }
        }
    }

    @Override public void close() { if (exec != null) exec.shutdownNow(); }
}
