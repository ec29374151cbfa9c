package gfpose.train;

import gfpose.GfposeException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs a {@link Trainer} to a step or time budget, writing into one folder: {@code checkpoint.safetensors}
 * (full state), {@code ema.safetensors} (the EMA weights, loadable as a ScoreNet), {@code live.safetensors} (the
 * current, non-averaged weights: at the end of a cool-down they can beat a long EMA), {@code train.csv} and
 * {@code loss.svg}, every {@code checkpointSeconds} and at the end, each atomically.
 */
public final class TrainingRun {
    public static final String CHECKPOINT = "checkpoint.safetensors", EMA = "ema.safetensors", LIVE = "live.safetensors",
            CSV = "train.csv", PLOT = "loss.svg";

    private TrainingRun() {}

    /**
     * Checks, without creating anything, that the output folder is a writable folder or could be created: the
     * nearest existing ancestor must be a writable folder.
     */
    public static void checkOutput(Path out) {
        Path p = out.toAbsolutePath();
        if (Files.exists(p) && !Files.isDirectory(p)) throw new GfposeException("--out " + out + ": exists and is not a folder");
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null || !Files.isDirectory(p)) throw new GfposeException("--out " + out + ": cannot create folder under " + p);
        if (!Files.isWritable(p)) throw new GfposeException("--out " + out + ": folder " + p + " is not writable");
    }

    /** Checks that the output folder exists or can be created and is writable. */
    public static void prepareOutput(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new GfposeException("--out " + out + ": exists and is not a folder");
        try {
            Files.createDirectories(out);
        } catch (Exception e) {
            throw new GfposeException("--out " + out + ": cannot create folder (" + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(out)) throw new GfposeException("--out " + out + ": folder is not writable");
    }

    /**
     * Trains until {@code totalSteps} steps are done (0 = no step limit) or {@code seconds} have passed
     * (0 = no time limit), whichever comes first.
     *
     * @param progress where the progress line goes (null = silent)
     * @param terminal redraw the line in place every half second (a terminal), else print a line every 30 s (a log)
     * @return the number of steps taken in this call
     */
    public static long run(Trainer t, Path out, long totalSteps, double seconds, double checkpointSeconds, PrintStream progress,
                           boolean terminal) {
        if (totalSteps <= 0 && seconds <= 0) throw new GfposeException("train: give --steps or --minutes");
        prepareOutput(out);
        TrainLog log = new TrainLog(out.resolve(CSV), t.stepsDone());
        long start = System.nanoTime(), lastSave = start, lastDraw = 0, taken = 0;
        double rate = 0, ema = Double.NaN;
        gfpose.nn.ModelConfig m = t.config().model();
        String title = String.format(Locale.ROOT, "GFPose training loss (hidden %d, embed %d, blocks %d, batch %d)",
                m.hidden(), m.embed(), m.blocks(), t.config().batch());
        while ((totalSteps <= 0 || t.stepsDone() < totalSteps) && (seconds <= 0 || (System.nanoTime() - start) / 1e9 < seconds)) {
            long s0 = System.nanoTime();
            StepStats st = t.step();
            long s1 = System.nanoTime();
            taken++;
            double sps = t.config().batch() / ((s1 - s0) / 1e9);
            rate = taken == 1 ? sps : 0.9 * rate + 0.1 * sps;
            ema = Double.isNaN(ema) ? st.loss() : 0.98 * ema + 0.02 * st.loss();
            log.add(new TrainLog.Row(st.step(), st.loss(), st.lr(), st.gradNorm(), sps));
            if (progress != null && (s1 - lastDraw > (terminal ? 500_000_000L : 30_000_000_000L))) {
                lastDraw = s1;
                String text = line(t, st, ema, rate, totalSteps, seconds, (s1 - start) / 1e9);
                if (terminal) progress.print("\r" + text);
                else progress.println(text.stripTrailing());
                progress.flush();
            }
            if ((s1 - lastSave) / 1e9 >= checkpointSeconds) {
                save(t, out, log, title);
                lastSave = System.nanoTime();
            }
        }
        save(t, out, log, title);
        if (progress != null && terminal) progress.println();
        return taken;
    }

    private static void save(Trainer t, Path out, TrainLog log, String title) {
        // the log first: a run killed between the two writes then has every row up to the checkpoint (a resume
        // drops rows past it), never a gap before it
        log.flush();
        t.saveCheckpoint(out.resolve(CHECKPOINT));
        t.saveEma(out.resolve(EMA));
        t.network().save(out.resolve(LIVE));
        LossPlot.write(out.resolve(PLOT), log.rows(), title);
    }

    private static String line(Trainer t, StepStats st, double loss, double rate, long totalSteps, double seconds, double elapsed) {
        double stepsPerSec = rate / t.config().batch();
        double eta = Double.POSITIVE_INFINITY;
        if (totalSteps > 0 && stepsPerSec > 0) eta = (totalSteps - t.stepsDone()) / stepsPerSec;
        if (seconds > 0) eta = Math.min(eta, seconds - elapsed);
        String steps = totalSteps > 0 ? st.step() + "/" + totalSteps : Long.toString(st.step());
        double frac = Math.max(totalSteps > 0 ? (double) st.step() / totalSteps : 0, seconds > 0 ? elapsed / seconds : 0);
        int fill = (int) Math.round(Math.min(1, frac) * 20);
        return String.format(Locale.ROOT, "[%s%s] step %s loss %.4f lr %.2e |g| %.3f %.0f samples/s ETA %s   ", "#".repeat(fill), " ".repeat(20 - fill), steps, loss, st.lr(),
                st.gradNorm(), rate, Double.isInfinite(eta) ? "--:--" : clock(Math.max(0, eta)));
    }

    static String clock(double s) {
        long x = Math.round(s);
        return x >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", x / 3600, x / 60 % 60, x % 60)
                : String.format(Locale.ROOT, "%02d:%02d", x / 60, x % 60);
    }
}
