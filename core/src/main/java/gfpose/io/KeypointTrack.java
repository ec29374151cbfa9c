package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A keypoint track: one person's 2-D keypoints per frame, in any {@link KeypointFormat}. Two file formats,
 * chosen by extension:
 *
 * <p><b>JSON lines</b> ({@code .jsonl}, {@code .ndjson}): one object per non-blank line,
 * {@code {"frame": 0, "keypoints": [x0, y0, c0, x1, y1, c1, ...], "width": 1920, "height": 1080}}, with
 * {@code 3 x joints} values (the confidence is required; 0 = missing); "frame" (default: the line's order) and
 * the image size are optional.
 *
 * <p><b>CSV</b> ({@code .csv}): header {@code frame,joint,x,y,confidence}, then one row per joint and frame in
 * any order; joint is an index or a name of the format; blank x/y mean missing; the confidence is required.
 *
 * <p>Frames run from the smallest to the largest frame number; frames or joints without data are missing.
 */
public final class KeypointTrack {
    private KeypointTrack() {}

    /**
     * Reads a track file (format by extension) into Human3.6M-17 keypoints, one per frame.
     *
     * @param file   a {@code .jsonl}, {@code .ndjson} or {@code .csv} track
     * @param format the keypoint layout of the file
     * @param opt    the confidence threshold and whether to derive the spine
     * @return one entry per frame number from the smallest to the largest; a frame the file lacks has every joint
     *         missing
     * @throws GfposeException naming the file (and the line, frame or joint) for an unknown extension, an unreadable,
     *                         malformed or empty file, a negative frame number, or a span over {@link #MAX_FRAMES}
     */
    public static List<Keypoints2D> read(Path file, KeypointFormat format, KeypointOptions opt) {
        return readFrames(file, format, opt).keypoints();
    }

    /**
     * A track with its numbering: {@code keypoints.get(i)} is frame {@code first + i}.
     *
     * @param first     the smallest frame number in the file
     * @param keypoints one entry per frame number from {@code first} on, as {@link #read} returns them
     */
    public record Frames(long first, List<Keypoints2D> keypoints) {}

    /**
     * As {@link #read}, keeping the file's first frame number so messages can name frames as the file does.
     *
     * @param file   a {@code .jsonl}, {@code .ndjson} or {@code .csv} track
     * @param format the keypoint layout of the file
     * @param opt    the confidence threshold and whether to derive the spine
     * @return the keypoints with the frame number of the first
     * @throws GfposeException as {@link #read} does
     */
    public static Frames readFrames(Path file, KeypointFormat format, KeypointOptions opt) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
            throw new GfposeException(file + ": unknown track format (expected .jsonl, .ndjson or .csv)");
        }
        String text = TextFile.read(file);
        TreeMap<Long, Keypoints2D> frames = csv ? csvFrames(text, file.toString(), format, opt)
                : jsonLinesFrames(text, file.toString(), format, opt);
        List<Keypoints2D> list = fill(frames, file.toString());
        return new Frames(frames.firstKey(), list);
    }

    /**
     * Parses JSON-lines text (see the class comment).
     *
     * @param text   the whole track
     * @param source names the text in error messages (a path, or "stdin")
     * @param format the keypoint layout of the text
     * @param opt    the confidence threshold and whether to derive the spine
     * @return one entry per frame number from the smallest to the largest, as {@link #read} returns them
     * @throws GfposeException naming the source and the line or frame (and joint) for malformed JSON, a frame given
     *                         twice, a keypoints list that is not {@code 3 * format.joints()} numbers, a bad image
     *                         size, no frames, a negative frame number, or a span over {@link #MAX_FRAMES}
     */
    public static List<Keypoints2D> parseJsonLines(String text, String source, KeypointFormat format, KeypointOptions opt) {
        return fill(jsonLinesFrames(text, source, format, opt), source);
    }

    private static TreeMap<Long, Keypoints2D> jsonLinesFrames(String text, String source, KeypointFormat format, KeypointOptions opt) {
        TreeMap<Long, Keypoints2D> frames = new TreeMap<>();
        String[] lines = text.split("\r\n|\r|\n");
        int n = format.joints();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String at = source + ": line " + (i + 1);
            Map<?, ?> o = CocoKeypoints.object(Json.parse(lines[i], at), at);
            long frame = o.get("frame") == null ? frames.size() : CocoKeypoints.integer(o.get("frame"), at + ": frame");
            String where = source + ": frame " + frame;
            if (frames.containsKey(frame)) throw new GfposeException(where + ": appears twice (line " + (i + 1) + ")");
            if (!(o.get("keypoints") instanceof List)) throw new GfposeException(where + ": missing \"keypoints\" list");
            List<?> k = (List<?>) o.get("keypoints");
            if (k.size() != 3 * n)
                throw new GfposeException(where + ": expected " + 3 * n + " keypoint values (" + n + " " + format
                        + " joints x, y, confidence), got " + k.size()
                        + (k.size() == 2 * n ? " (the confidence is required)" : ""));
            float[] xy = new float[2 * n], conf = new float[n];
            for (int j = 0; j < n; j++) {
                String jw = where + ": joint " + format.jointName(j);
                xy[2 * j] = nanIfNull(k.get(3 * j), jw);
                xy[2 * j + 1] = nanIfNull(k.get(3 * j + 1), jw);
                conf[j] = CocoKeypoints.number(k.get(3 * j + 2), jw + " confidence");
            }
            int w = o.get("width") == null ? 0 : CocoKeypoints.imageSide(o.get("width"), where + ": width");
            int h = o.get("height") == null ? 0 : CocoKeypoints.imageSide(o.get("height"), where + ": height");
            frames.put(frame, format.toH36m(xy, conf, opt, w, h, where));
        }
        return frames;
    }

    /**
     * Parses CSV text (see the class comment).
     *
     * @param text   the whole track, header first
     * @param source names the text in error messages (a path, or "stdin")
     * @param format the keypoint layout of the text, which the joint column names or indexes
     * @param opt    the confidence threshold and whether to derive the spine
     * @return one entry per frame number from the smallest to the largest, as {@link #read} returns them
     * @throws GfposeException naming the source and line (and frame and joint) for a wrong header, a row without 5
     *                         columns, an unknown joint, a joint given twice in a frame, a missing confidence, a value
     *                         that is not a decimal number within ±1e6, no rows, a negative frame number, or a span
     *                         over {@link #MAX_FRAMES}
     */
    public static List<Keypoints2D> parseCsv(String text, String source, KeypointFormat format, KeypointOptions opt) {
        return fill(csvFrames(text, source, format, opt), source);
    }

    private static TreeMap<Long, Keypoints2D> csvFrames(String text, String source, KeypointFormat format, KeypointOptions opt) {
        String[] lines = text.split("\r\n|\r|\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) throw new GfposeException(source + ": empty track");
        String header = lines[first].replace(" ", "").toLowerCase(Locale.ROOT);
        if (!header.equals("frame,joint,x,y,confidence"))
            throw new GfposeException(source + ": line " + (first + 1) + ": expected the header frame,joint,x,y,confidence");
        int n = format.joints();
        TreeMap<Long, float[][]> raw = new TreeMap<>(); // frame -> {xy, conf, seen}
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String at = source + ": line " + (i + 1);
            String[] c = lines[i].split(",", -1);
            if (c.length != 5) throw new GfposeException(at + ": expected 5 columns (frame,joint,x,y,confidence), got " + c.length);
            long frame;
            try {
                frame = Long.parseLong(c[0].trim());
            } catch (NumberFormatException e) {
                throw new GfposeException(at + ": frame '" + c[0].trim() + "' is not an integer");
            }
            int j;
            try {
                j = format.jointIndex(c[1]);
            } catch (GfposeException e) {
                throw new GfposeException(at + ": " + e.getMessage());
            }
            float[][] f = raw.computeIfAbsent(frame, k -> new float[][] {new float[2 * n], new float[n], new float[n]});
            if (f[2][j] != 0)
                throw new GfposeException(at + ": frame " + frame + " joint " + format.jointName(j) + " appears twice");
            if (c[4].isBlank())
                throw new GfposeException(at + ": frame " + frame + " joint " + format.jointName(j) + " has no confidence");
            String jw = at + ": frame " + frame + " joint " + format.jointName(j);
            f[0][2 * j] = c[2].isBlank() ? Float.NaN : parse(c[2], jw + " x");
            f[0][2 * j + 1] = c[3].isBlank() ? Float.NaN : parse(c[3], jw + " y");
            f[1][j] = parse(c[4], jw + " confidence");
            f[2][j] = 1;
            if (c[2].isBlank() || c[3].isBlank()) f[1][j] = 0;
        }
        TreeMap<Long, Keypoints2D> frames = new TreeMap<>();
        for (Map.Entry<Long, float[][]> e : raw.entrySet()) {
            float[][] f = e.getValue();
            frames.put(e.getKey(), format.toH36m(f[0], f[1], opt, 0, 0, source + ": frame " + e.getKey()));
        }
        return frames;
    }

    /**
     * Writes Human3.6M-17 keypoints as JSON lines (frame numbers from 0; missing joints with confidence 0),
     * atomically. An observed joint's confidence is written as at least {@link Float#MIN_NORMAL}, since a confidence
     * of 0 would read back as missing; the image size is written when known.
     *
     * @param file  the {@code .jsonl} file to create or replace
     * @param track one entry per frame, in order
     * @throws GfposeException naming the file when it cannot be written
     * @throws IllegalArgumentException when a missing joint holds a non-finite position, which JSON cannot hold
     */
    public static void writeJsonLines(Path file, List<Keypoints2D> track) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < track.size(); f++) {
            Keypoints2D k = track.get(f);
            float[] v = new float[3 * Skeleton.JOINTS];
            for (int j = 0; j < Skeleton.JOINTS; j++) {
                v[3 * j] = k.u(j);
                v[3 * j + 1] = k.v(j);
                v[3 * j + 2] = k.isObserved(j) ? Math.max(k.confidence()[j], Float.MIN_NORMAL) : 0;
            }
            Map<String, Object> o = new java.util.LinkedHashMap<>();
            o.put("frame", (long) f);
            o.put("keypoints", v);
            if (k.hasImageSize()) {
                o.put("width", (long) k.width());
                o.put("height", (long) k.height());
            }
            b.append(Json.write(o, 0)).append('\n');
        }
        AtomicFile.writeString(file, b.toString());
    }

    /** The longest track (frame numbers first to last): 100,000 frames, over half an hour at 50 fps. */
    public static final int MAX_FRAMES = 100_000;

    private static List<Keypoints2D> fill(TreeMap<Long, Keypoints2D> frames, String source) {
        if (frames.isEmpty()) throw new GfposeException(source + ": empty track (no frames)");
        long lo = frames.firstKey(), hi = frames.lastKey();
        if (lo < 0) throw new GfposeException(source + ": frame " + lo + ": frame numbers must not be negative");
        if (hi - lo >= MAX_FRAMES) {
            throw new GfposeException(source + ": frame numbers span " + (hi - lo + 1) + " frames, more than the " + MAX_FRAMES
                    + " a track may hold; split it into shorter tracks");
        }
        List<Keypoints2D> out = new ArrayList<>();
        Keypoints2D none = new Keypoints2D(new float[2 * Skeleton.JOINTS], new boolean[Skeleton.JOINTS],
                new float[Skeleton.JOINTS], 0, 0);
        for (long f = lo; f <= hi; f++) out.add(frames.getOrDefault(f, none));
        return out;
    }

    private static float nanIfNull(Object o, String where) {
        return o == null ? Float.NaN : CocoKeypoints.number(o, where);
    }

    /** A plain decimal number as JSON writes them: no hex, no type suffix, no Infinity or NaN. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static float parse(String s, String where) {
        String t = s.trim();
        float v = DECIMAL.matcher(t).matches() ? Float.parseFloat(t) : Float.NaN;
        if (!Float.isFinite(v)) throw new GfposeException(where + ": '" + t + "' is not a finite decimal number");
        if (!(Math.abs(v) <= 1e6)) throw new GfposeException(where + ": " + t + " is out of range (within ±1e6)");
        return v;
    }
}
