package gfpose;

/**
 * Receives (work done, work total) as a long job advances: items of an evaluation, network evaluations of a sampling
 * call. Called from the thread that runs the job; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports how far the job has come.
     *
     * @param done  work done so far, at most {@code total}
     * @param total work in the whole job, in the same units
     */
    void update(long done, long total);

    /** {@return a listener that ignores updates} */
    static ProgressListener none() { return (d, t) -> { }; }
}
