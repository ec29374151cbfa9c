package gfpose.eval;

import gfpose.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line text progress bar with rate and ETA: on a terminal redrawn in place with carriage returns at most every
 * {@code minIntervalMs}; elsewhere (a log file, a pipe) printed as a plain line at most every {@value #LOG_INTERVAL_MS}
 * ms; always once at the end, followed by a newline.
 */
public final class Progress implements ProgressListener {
    /** Interval of the plain lines written when the output is not a terminal. */
    public static final long LOG_INTERVAL_MS = 30_000;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private long quietStartNanos;
    private boolean finished;

    /**
     * Progress on {@code out}: redrawn at most every 250 ms on a terminal, else a line every 30 s; nothing at all for a
     * job that ends within its first second (a bar that flashes by only clutters the screen).
     */
    public Progress(PrintStream out, String label, boolean terminal) {
        this(out, label, terminal ? 250 : LOG_INTERVAL_MS, System::nanoTime, terminal);
        this.quietStartNanos = 1_000_000_000L;
    }

    /** A terminal bar with an explicit throttle and clock (nanoseconds), for tests. */
    public Progress(PrintStream out, String label, long minIntervalMs, LongSupplier clock) { this(out, label, minIntervalMs, clock, true); }

    /** With an explicit throttle, clock (nanoseconds) and output kind. */
    public Progress(PrintStream out, String label, long minIntervalMs, LongSupplier clock, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
        this.minIntervalNanos = minIntervalMs * 1_000_000L;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override public synchronized void update(long done, long total) {
        if (finished) return;
        long now = clock.getAsLong();
        boolean end = total > 0 && done >= total;
        if (lastDraw == Long.MIN_VALUE && now - start < quietStartNanos) {
            if (end) finished = true;  // over before the first draw: leave no trace
            return;
        }
        if (!end && lastDraw != Long.MIN_VALUE && now - lastDraw < minIntervalNanos) return;
        lastDraw = now;
        String text = (label.isEmpty() ? "" : label + " ") + line(done, total, (now - start) / 1e9);
        if (terminal) out.print("\r" + text);
        else out.print(text);
        if (end || !terminal) out.println();
        if (end) finished = true;
        out.flush();
    }

    /** The bar text for a state (no carriage return). */
    static String line(long done, long total, double seconds) {
        int width = 30;
        double frac = total > 0 ? Math.min(1, done / (double) total) : 0;
        int fill = (int) Math.round(frac * width);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && total > done ? clock((total - done) / rate) : (done >= total ? "done" : "--:--");
        return String.format(Locale.ROOT, "[%s%s] %d/%d %5.1f%% %.1f/s ETA %s elapsed %s", "#".repeat(fill),
                " ".repeat(width - fill), done, total, 100 * frac, rate, eta, clock(seconds));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
