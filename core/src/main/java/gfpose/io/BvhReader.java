package gfpose.io;

import gfpose.GfposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses BVH text: any whitespace and indentation, braces on their own or attached, any channel order and any
 * number of channels per joint (0..6), End Sites anywhere. Errors are one line naming the source and line.
 */
public final class BvhReader {
    private final String source;
    private final List<String> tok = new ArrayList<>();
    private final List<Integer> tokLine = new ArrayList<>();
    private final String[] lines;
    private int pos;

    private BvhReader(String text, String source) {
        this.source = source;
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    /**
     * Reads and parses a file (through {@link TextFile}: strict UTF-8, at most {@link TextFile#MAX_BYTES}).
     *
     * @param file the BVH file
     * @return the parsed hierarchy and motion, with the file's path as its source
     * @throws GfposeException naming the file (and the line, for a syntax error) when it is missing, unreadable or
     *                         not a valid BVH file
     */
    public static Bvh read(Path file) {
        return parse(TextFile.read(file), file.toString());
    }

    /**
     * Parses BVH text.
     *
     * @param text   the whole file's content
     * @param source names the text in error messages (a path, or "stdin")
     * @return the parsed hierarchy and motion
     * @throws GfposeException naming the source and line of the first error: bad syntax, an unknown channel, a value
     *                         that is not a finite number, a motion row whose value count differs from the channel
     *                         count, or a Frames count the motion rows do not match
     */
    public static Bvh parse(String text, String source) {
        return new BvhReader(text, source).parse();
    }

    private Bvh parse() {
        int motionLine = tokenizeHierarchy();
        expect("HIERARCHY");
        List<Bvh.Joint> joints = new ArrayList<>();
        String kw = next("ROOT");
        if (!kw.equalsIgnoreCase("ROOT")) throw err(line(pos - 1), "expected ROOT, found '" + kw + "'");
        joint(joints, -1, 0);
        if (pos < tok.size()) throw err(tokLine.get(pos), "unexpected '" + tok.get(pos) + "' after the root joint");
        if (motionLine < 0) throw err(lines.length, "missing MOTION section");
        return motion(joints, motionLine);
    }

    /** Tokenizes up to the MOTION line; returns its index (0-based) or -1. */
    private int tokenizeHierarchy() {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replace("{", " { ").replace("}", " } ").trim();
            if (l.equalsIgnoreCase("MOTION")) return i;
            if (l.isEmpty()) continue;
            for (String t : l.split("\\s+")) {
                tok.add(t);
                tokLine.add(i + 1);
            }
        }
        return -1;
    }

    /** Deepest joint nesting accepted (a human skeleton needs about 10; a crafted file could exhaust the stack). */
    static final int MAX_DEPTH = 256;

    private void joint(List<Bvh.Joint> joints, int parent, int depth) {
        if (depth > MAX_DEPTH) throw err(line(pos), "joints nested more than " + MAX_DEPTH + " deep");
        String name = next("joint name");
        if (name.equals("{")) throw err(line(pos - 1), "joint without a name");
        expect("{");
        expect("OFFSET");
        double[] offset = {number(), number(), number()};
        List<String> channels = new ArrayList<>();
        if (peekIs("CHANNELS")) {
            pos++;
            int at = line(pos);
            String c = next("channel count");
            int n;
            try {
                n = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw err(at, "channel count '" + c + "' is not an integer");
            }
            if (n < 0 || n > 6) throw err(at, "joint '" + name + "' has " + n + " channels (0..6 allowed)");
            for (int k = 0; k < n; k++) {
                int l = line(pos);
                String ch = next("channel name");
                String lc = ch.toLowerCase(Locale.ROOT);
                if (!lc.matches("[xyz](position|rotation)")) throw err(l, "unknown channel '" + ch + "' of joint '" + name + "'");
                channels.add(ch);
            }
        }
        int index = joints.size();
        Bvh.Joint self = new Bvh.Joint(name, parent, offset, channels, null);
        joints.add(self);
        double[] endSite = null;
        while (true) {
            int l = line(pos);
            String t = next("'}'");
            if (t.equals("}")) break;
            if (t.equalsIgnoreCase("JOINT")) {
                joint(joints, index, depth + 1);
            } else if (t.equalsIgnoreCase("End")) {
                expect("Site");
                expect("{");
                expect("OFFSET");
                endSite = new double[] {number(), number(), number()};
                expect("}");
            } else {
                throw err(l, "expected JOINT, End Site or '}', found '" + t + "'");
            }
        }
        if (endSite != null) joints.set(index, new Bvh.Joint(name, parent, offset, channels, endSite));
    }

    private Bvh motion(List<Bvh.Joint> joints, int motionLine) {
        int nch = 0;
        for (Bvh.Joint j : joints) nch += j.channels().size();
        int i = motionLine + 1;
        i = skipBlank(i);
        String[] fr = field(i, "Frames:");
        int frames;
        try {
            frames = Integer.parseInt(fr[1]);
        } catch (NumberFormatException e) {
            throw err(i + 1, "frame count '" + fr[1] + "' is not an integer");
        }
        if (frames < 0) throw err(i + 1, "negative frame count");
        // every frame is a line: a header that promises more than the file has lines is refused before allocating
        if (frames > lines.length - i) throw err(i + 1, "Frames: " + frames + " but the file has only " + (lines.length - i) + " more lines");
        i = skipBlank(i + 1);
        String[] ft = field(i, "Frame Time:");
        double frameTime;
        try {
            frameTime = Double.parseDouble(ft[1]);
        } catch (NumberFormatException e) {
            throw err(i + 1, "frame time '" + ft[1] + "' is not a number");
        }
        if (!(frameTime > 0) || Double.isInfinite(frameTime)) throw err(i + 1, "frame time " + ft[1] + " must be a positive number of seconds");
        double[][] motion = new double[frames][];
        int f = 0;
        for (i = i + 1; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty()) continue;
            if (f == frames) throw err(i + 1, "more motion lines than Frames: " + frames);
            String[] v = l.split("\\s+");
            if (v.length != nch) throw err(i + 1, "frame " + f + " has " + v.length + " values, expected " + nch + " (one per channel)");
            double[] row = new double[nch];
            for (int k = 0; k < nch; k++) {
                try {
                    row[k] = Double.parseDouble(v[k]);
                } catch (NumberFormatException e) {
                    throw err(i + 1, "frame " + f + ": '" + v[k] + "' is not a number");
                }
                if (!Double.isFinite(row[k])) throw err(i + 1, "frame " + f + ": non-finite value " + v[k]);
            }
            motion[f++] = row;
        }
        if (f != frames) throw err(lines.length, "Frames: " + frames + " but only " + f + " motion lines");
        return new Bvh(source, List.copyOf(joints), frameTime, motion);
    }

    /** Splits "Label: value" (label matched case- and space-insensitively) into {label, value}. */
    private String[] field(int i, String label) {
        if (i >= lines.length) throw err(i, "missing '" + label + "'");
        String l = lines[i].trim();
        String norm = l.replaceAll("\\s+", " ");
        if (!norm.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT)))
            throw err(i + 1, "expected '" + label + "', found '" + l + "'");
        return new String[] {label, norm.substring(label.length()).trim()};
    }

    private int skipBlank(int i) {
        while (i < lines.length && lines[i].trim().isEmpty()) i++;
        return i;
    }

    private boolean peekIs(String t) { return pos < tok.size() && tok.get(pos).equalsIgnoreCase(t); }

    private int line(int p) { return p < tokLine.size() ? tokLine.get(p) : (tokLine.isEmpty() ? 1 : tokLine.get(tokLine.size() - 1)); }

    private String next(String what) {
        if (pos >= tok.size()) throw err(line(pos), "unexpected end of the hierarchy, expected " + what);
        return tok.get(pos++);
    }

    private void expect(String t) {
        int l = line(pos);
        String got = next("'" + t + "'");
        if (!got.equalsIgnoreCase(t)) throw err(l, "expected '" + t + "', found '" + got + "'");
    }

    private double number() {
        int l = line(pos);
        String t = next("a number");
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw err(l, "expected a number, found '" + t + "'");
    }

    private GfposeException err(int line, String what) {
        return new GfposeException(source + ": line " + line + ": " + what);
    }
}
