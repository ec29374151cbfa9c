package gfpose.io.render;

import gfpose.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A finished drawing: lines, dots and panel labels in pixel coordinates, rendered to SVG text or to an
 * antialiased PNG with the JDK alone (headless). Built by {@link PosePicture}.
 */
public final class Scene {
    static {
        // rendering into a BufferedImage needs no display; make sure AWT never looks for one
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** A line segment; {@code kind} becomes the SVG class ("bone", "input", "frame"). */
    record Line(double x1, double y1, double x2, double y2, int rgb, double width, double opacity, boolean dashed, String kind) {}

    record Dot(double x, double y, double r, int rgb, String kind) {}

    record Label(double x, double y, String text) {}

    /** An unfilled circle (a joint's spread). */
    record Ring(double x, double y, double r, int rgb, double opacity, String kind) {}

    private final int width, height;
    private final List<Line> lines = new ArrayList<>();
    private final List<Dot> dots = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Ring> rings = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final List<Integer> groupOf = new ArrayList<>();

    Scene(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * The drawing's width.
     *
     * @return the width in pixels, of the SVG and of the PNG
     */
    public int width() { return width; }

    /**
     * The drawing's height.
     *
     * @return the height in pixels, of the SVG and of the PNG
     */
    public int height() { return height; }

    /** Starts a named group (an SVG {@code <g id=...>}, e.g. one view); later lines belong to it. */
    void group(String id) { groups.add(id); }

    void line(Line l) {
        lines.add(l);
        groupOf.add(groups.size() - 1);
    }

    void dot(Dot d) { dots.add(d); }

    void label(Label l) { labels.add(l); }

    void ring(Ring r) { rings.add(r); }

    List<Line> lines() { return Collections.unmodifiableList(lines); }

    /**
     * SVG 1.1 text: a white background, one {@code <g>} per view with its {@code <line>}s, then dots and labels.
     *
     * @return the whole SVG document (declared UTF-8), coordinates to two decimals, ending in a newline
     */
    public String toSvg() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        int open = -2;
        for (int i = 0; i < lines.size(); i++) {
            int g = groupOf.get(i);
            if (g != open) {
                if (open >= 0) b.append("</g>\n");
                if (g >= 0) b.append("<g id=\"").append(groups.get(g)).append("\">\n");
                open = g;
            }
            Line l = lines.get(i);
            b.append("<line class=\"").append(l.kind()).append("\" x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1()))
                    .append("\" x2=\"").append(n(l.x2())).append("\" y2=\"").append(n(l.y2())).append("\" stroke=\"")
                    .append(hex(l.rgb())).append("\" stroke-width=\"").append(n(l.width())).append("\" stroke-linecap=\"round\"");
            if (l.opacity() < 1) b.append(" stroke-opacity=\"").append(n(l.opacity())).append('"');
            if (l.dashed()) b.append(" stroke-dasharray=\"4 3\"");
            b.append("/>\n");
        }
        if (open >= 0) b.append("</g>\n");
        for (Dot d : dots)
            b.append("<circle class=\"").append(d.kind()).append("\" cx=\"").append(n(d.x())).append("\" cy=\"").append(n(d.y()))
                    .append("\" r=\"").append(n(d.r())).append("\" fill=\"").append(hex(d.rgb())).append("\"/>\n");
        for (Ring r : rings)
            b.append("<circle class=\"").append(r.kind()).append("\" cx=\"").append(n(r.x())).append("\" cy=\"").append(n(r.y()))
                    .append("\" r=\"").append(n(r.r())).append("\" fill=\"none\" stroke=\"").append(hex(r.rgb()))
                    .append("\" stroke-opacity=\"").append(n(r.opacity())).append("\"/>\n");
        for (Label t : labels)
            b.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y()))
                    .append("\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#555555\">").append(escape(t.text())).append("</text>\n");
        return b.append("</svg>\n").toString();
    }

    /**
     * An antialiased RGB image (labels are left out: fonts may be absent on a headless server).
     *
     * @return a new {@code width() x height()} image on a white background
     */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (Line l : lines) {
                g.setColor(new Color((l.rgb() >> 16) & 255, (l.rgb() >> 8) & 255, l.rgb() & 255, (int) Math.round(255 * l.opacity())));
                g.setStroke(l.dashed()
                        ? new BasicStroke((float) l.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {4, 3}, 0)
                        : new BasicStroke((float) l.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
            }
            for (Dot d : dots) {
                g.setColor(new Color(d.rgb()));
                g.fill(new Ellipse2D.Double(d.x() - d.r(), d.y() - d.r(), 2 * d.r(), 2 * d.r()));
            }
            g.setStroke(new BasicStroke(1f));
            for (Ring r : rings) {
                g.setColor(new Color((r.rgb() >> 16) & 255, (r.rgb() >> 8) & 255, r.rgb() & 255, (int) Math.round(255 * r.opacity())));
                g.draw(new Ellipse2D.Double(r.x() - r.r(), r.y() - r.r(), 2 * r.r(), 2 * r.r()));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Writes the SVG atomically.
     *
     * @param file the {@code .svg} file to create or replace
     * @throws gfpose.GfposeException naming the file when it is not a regular file or cannot be written
     */
    public void writeSvg(Path file) { AtomicFile.write(file, svgWriter()); }

    /**
     * Writes the PNG atomically.
     *
     * @param file the {@code .png} file to create or replace
     * @throws gfpose.GfposeException naming the file when it is not a regular file or cannot be written
     */
    public void writePng(Path file) { AtomicFile.write(file, pngWriter()); }

    /**
     * The SVG as a body for {@link AtomicFile#writeAll}.
     *
     * @return a writer of the UTF-8 SVG text, rendered now
     */
    public AtomicFile.Writer svgWriter() {
        byte[] text = toSvg().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return out -> out.write(text);
    }

    /**
     * The PNG as a body for {@link AtomicFile#writeAll} (drawn now, encoded when written).
     *
     * @return a writer of the PNG bytes; it throws an {@code IOException} when the JDK has no PNG encoder
     */
    public AtomicFile.Writer pngWriter() {
        BufferedImage img = toImage();
        return out -> {
            if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        };
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    private static String hex(int rgb) { return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff); }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
