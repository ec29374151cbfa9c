package gfpose.eval;

/** Receives (items done, items total) as an evaluation advances. */
@FunctionalInterface
public interface ProgressListener {
    void update(long done, long total);

    /** A listener that ignores updates. */
    static ProgressListener none() { return (d, t) -> { }; }
}
