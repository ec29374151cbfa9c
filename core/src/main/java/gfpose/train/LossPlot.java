package gfpose.train;

import gfpose.io.AtomicFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A hand-written SVG of the loss per step (light) and its running mean over 1% of the run (dark). */
public final class LossPlot {
    private LossPlot() {}

    static final int W = 800, H = 400, M = 50;

    /** The SVG text for the rows of a log. */
    public static String svg(List<TrainLog.Row> rows, String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\">%s</text>%n", M, escape(title)));
        if (rows.isEmpty()) return s.append("</svg>\n").toString();
        long x0 = rows.get(0).step(), x1 = Math.max(x0 + 1, rows.get(rows.size() - 1).step());
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (TrainLog.Row r : rows) { lo = Math.min(lo, r.loss()); hi = Math.max(hi, r.loss()); }
        if (hi - lo < 1e-9) hi = lo + 1;
        final double ymin = lo, ymax = hi;
        java.util.function.LongToDoubleFunction px = st -> M + (W - 2.0 * M) * (st - x0) / (x1 - x0);
        java.util.function.DoubleUnaryOperator py = v -> H - M - (H - 2.0 * M) * (v - ymin) / (ymax - ymin);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", M, H - M, W - M, H - M));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", M, M, M, H - M));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">step %d</text>%n",
                M, H - M + 16, x0, W - M, H - M + 16, x1));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.3g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.3g</text>%n",
                M - 4, M + 4, ymax, M - 4, H - M, ymin));
        s.append(polyline(rows, px, py, 1, "#9bc"));
        s.append(polyline(rows, px, py, Math.max(1, rows.size() / 100), "#036"));
        return s.append("</svg>\n").toString();
    }

    private static String polyline(List<TrainLog.Row> rows, java.util.function.LongToDoubleFunction px,
                                   java.util.function.DoubleUnaryOperator py, int window, String colour) {
        StringBuilder s = new StringBuilder("<polyline fill=\"none\" stroke=\"" + colour + "\" points=\"");
        double sum = 0;
        // at most ~2000 points: thin long runs
        int every = Math.max(1, rows.size() / 2000);
        for (int i = 0; i < rows.size(); i++) {
            sum += rows.get(i).loss();
            if (i >= window) sum -= rows.get(i - window).loss();
            if (i % every != 0 && i != rows.size() - 1) continue;
            double mean = sum / Math.min(i + 1, window);
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(rows.get(i).step()), py.applyAsDouble(mean)));
        }
        return s.append("\"/>\n").toString();
    }

    private static String escape(String t) { return t.replace("&", "&amp;").replace("<", "&lt;"); }

    /** Writes the SVG atomically. */
    public static void write(Path file, List<TrainLog.Row> rows, String title) { AtomicFile.writeString(file, svg(rows, title)); }
}
