package gfpose;

/**
 * Receives (work done, work total) as a long job advances: items of an evaluation, network evaluations of a sampling
 * call. Called from the thread that runs the job; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    void update(long done, long total);

    /** A listener that ignores updates. */
    static ProgressListener none() { return (d, t) -> { }; }
}
