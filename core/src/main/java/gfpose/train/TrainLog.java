package gfpose.train;

import gfpose.GfposeException;
import gfpose.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV training log ({@code step,loss,lr,grad_norm,samples_per_s}), held in memory and rewritten atomically
 * with each checkpoint. On resume, rows past the checkpoint's step (written before a crash) are dropped.
 */
public final class TrainLog {
    /** One CSV row. */
    public record Row(long step, double loss, double lr, double gradNorm, double samplesPerSecond) {}

    static final String HEADER = "step,loss,lr,grad_norm,samples_per_s";
    private final Path file;
    private final List<Row> rows = new ArrayList<>();

    /** Opens the log, keeping existing rows up to and including {@code upToStep}. */
    public TrainLog(Path file, long upToStep) {
        this.file = file;
        if (upToStep > 0 && Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] f = l.split(",");
                    if (f.length != 5) continue;
                    Row r = new Row(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                    if (r.step() <= upToStep) rows.add(r);
                }
            } catch (IOException | NumberFormatException e) {
                throw new GfposeException(file + ": cannot read training log (" + e.getMessage() + ")", e);
            }
        }
    }

    public void add(Row r) { rows.add(r); }

    public List<Row> rows() { return List.copyOf(rows); }

    /** Rewrites the file atomically. */
    public void flush() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6e,%.6f,%.1f%n", r.step(), r.loss(), r.lr(), r.gradNorm(),
                    r.samplesPerSecond()));
        }
        AtomicFile.writeString(file, sb.toString());
    }
}
