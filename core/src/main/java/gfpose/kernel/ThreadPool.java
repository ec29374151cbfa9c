package gfpose.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of rows (hypotheses) into contiguous chunks, one per worker, on threads of its own or on a borrowed
 * {@link Executor}. The caller runs the first chunk, then any chunk no worker has started yet, so a loop finishes
 * even when the executor's threads are all busy (or are the callers themselves).
 */
public final class ThreadPool implements AutoCloseable {
    /** Body of a parallel loop over rows [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Processes one chunk; chunks of one loop run concurrently and never overlap.
         *
         * @param from first index of the chunk
         * @param to   end of the chunk (exclusive)
         */
        void run(int from, int to);
    }

    private final int threads;
    private final Executor exec;
    private final boolean own;

    /**
     * A pool for loops split into at most {@code threads} chunks; the caller runs one chunk itself. Its workers are
     * daemon threads; {@link #close()} stops them.
     *
     * @param threads number of chunks a loop is split into (≥ 1); 1 runs everything on the caller, with no workers
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public ThreadPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.own = true;
        this.exec = threads == 1 ? null : new Spinning(threads - 1);
    }

    /**
     * A pool whose chunks run on {@code executor} (e.g. a server's shared pool), which {@link #close()} leaves running.
     * Results are the same bits as with a pool of its own: the chunks are the same.
     *
     * @param threads  number of chunks a loop is split into (≥ 1)
     * @param executor runs the chunks other than the caller's; a rejected chunk runs on the caller
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public ThreadPool(int threads, Executor executor) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.own = false;
        this.exec = java.util.Objects.requireNonNull(executor, "executor");
    }

    /**
     * The degree of parallelism.
     *
     * @return the most chunks a loop is split into
     */
    public int threads() { return threads; }

    /**
     * {@code pool.forRange(n, grain, body)}, or the whole of [0, n) on the caller when pool is null.
     *
     * @param pool  the pool, or null for the calling thread
     * @param n     number of indices; nothing runs when n ≤ 0
     * @param grain chunk sizes are multiples of it (except the last), e.g. a kernel's row tile (≥ 1)
     * @param body  the loop body, called once per chunk
     */
    public static void run(ThreadPool pool, int n, int grain, RangeBody body) {
        if (pool == null) { if (n > 0) body.run(0, n); } else pool.forRange(n, grain, body);
    }

    /**
     * Runs body over [0, n) in at most {@code threads} chunks whose sizes are multiples of {@code grain}. The caller
     * runs the first chunk and returns when all are done; a chunk's exception is rethrown on the caller, and an
     * interrupt while waiting cancels the workers and throws {@link java.util.concurrent.CancellationException}.
     *
     * @param n     number of indices; nothing runs when n ≤ 0
     * @param grain chunk sizes are multiples of it (except the last), e.g. a kernel's row tile (≥ 1)
     * @param body  the loop body, called once per chunk, concurrently
     */
    public void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int chunks = Math.min(threads, (n + grain - 1) / grain);
        if (chunks <= 1) { body.run(0, n); return; }
        int per = ((n + chunks - 1) / chunks + grain - 1) / grain * grain;
        List<FutureTask<Void>> fs = new ArrayList<>();
        for (int lo = per; lo < n; lo += per) {
            int from = lo, to = Math.min(n, lo + per);
            FutureTask<Void> f = new FutureTask<>(() -> body.run(from, to), null);
            fs.add(f);
            try { exec.execute(f); } catch (RejectedExecutionException e) { /* the caller runs it below */ }
        }
        body.run(0, Math.min(n, per));
        for (FutureTask<Void> f : fs) f.run(); // a no-op for every chunk a worker has started
        for (FutureTask<Void> f : fs) {
            // a parked caller wakes tens of µs after the worker ends (KVM): spin first, as the workers do
            for (long end = System.nanoTime() + SPIN_NANOS; !f.isDone() && System.nanoTime() < end; ) Thread.onSpinWait();
            try { f.get(); } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (FutureTask<Void> g : fs) g.cancel(true);
                throw new java.util.concurrent.CancellationException("interrupted while the workers ran");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                if (c instanceof Error) throw (Error) c;
                throw new IllegalStateException(c);
            }
        }
    }

    /** Stops the pool's own workers; a borrowed executor is left running. */
    @Override public void close() { if (own && exec != null) ((Spinning) exec).close(); }

    /**
     * How long an idle worker, or a caller waiting for one, spins before it parks. A forward pass on few rows splits
     * each of its ~20 GEMMs across the pool, and waking a parked thread took 55-100 µs per split on a 2-vCPU KVM
     * guest; spinning through the gaps between GEMMs keeps the hand-over at a few µs.
     */
    static final long SPIN_NANOS = 200_000;

    /**
     * The pool's own workers: daemon threads taking tasks from one queue, each spinning {@link #SPIN_NANOS} for the
     * next task before it parks.
     */
    private static final class Spinning implements Executor {
        private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final Thread[] workers;
        private final java.util.concurrent.atomic.AtomicIntegerArray parked;
        private volatile boolean closed;

        Spinning(int n) {
            workers = new Thread[n];
            parked = new java.util.concurrent.atomic.AtomicIntegerArray(n);
            for (int i = 0; i < n; i++) {
                int id = i;
                workers[i] = new Thread(() -> work(id), "gfpose-worker");
                workers[i].setDaemon(true);
                workers[i].start();
            }
        }

        @Override public void execute(Runnable r) {
            if (closed) throw new RejectedExecutionException("pool closed");
            tasks.offer(r);
            for (int i = 0; i < workers.length; i++) {
                if (parked.get(i) == 1) { LockSupport.unpark(workers[i]); break; }
            }
        }

        private void work(int id) {
            while (!closed) {
                Runnable r = tasks.poll();
                for (long end = System.nanoTime() + SPIN_NANOS; r == null && !closed && System.nanoTime() < end; r = tasks.poll()) {
                    Thread.onSpinWait();
                }
                if (r == null) {
                    parked.set(id, 1);
                    // a task offered before the flag was seen is polled here; one offered after it unparks us
                    if ((r = tasks.poll()) == null && !closed) LockSupport.park(this);
                    parked.set(id, 0);
                    if (r == null) continue;
                }
                r.run(); // a FutureTask: it keeps its own exception
                Thread.interrupted(); // a cancelled chunk's interrupt must not end the next park at once
            }
        }

        void close() {
            closed = true;
            for (Thread t : workers) { t.interrupt(); LockSupport.unpark(t); }
        }
    }
}
