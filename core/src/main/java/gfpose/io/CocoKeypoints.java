package gfpose.io;

import gfpose.skeleton.Keypoints2D;
import gfpose.GfposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads COCO person keypoints: either a detector's result list
 * {@code [{"image_id", "category_id", "keypoints": [x, y, score] x 17, "score"}, ...]} (the third value is a
 * confidence) or a COCO dataset file {@code {"images": [...], "annotations": [...]}} (the third value is the
 * visibility flag 0/1/2; labelled joints, v > 0, get confidence 1). Entries whose category_id is not 1 (person)
 * are skipped; image sizes come from the dataset's {@code images}.
 */
public final class CocoKeypoints {
    private CocoKeypoints() {}

    /**
     * One detected or annotated person.
     *
     * @param imageId   the entry's {@code image_id}, -1 when it has none
     * @param score     the detection's {@code score}, 1 when the entry has none (as dataset annotations do)
     * @param keypoints the 17 COCO joints mapped to Human3.6M-17 (see {@link KeypointFormat}), with the image size
     *                  from the dataset's {@code images} when known (else 0 x 0)
     */
    public record Person(long imageId, double score, Keypoints2D keypoints) {}

    /**
     * Reads a COCO file (through {@link TextFile}); see {@link #parse}.
     *
     * @param file a detector's result list or a COCO dataset file, JSON
     * @param opt  the confidence threshold and whether to derive the spine
     * @return the people in file order, non-person categories skipped
     * @throws GfposeException naming the file, and the entry and joint where there is one, when it cannot be read
     *                         or is malformed
     */
    public static List<Person> read(Path file, KeypointOptions opt) {
        return parse(TextFile.read(file), file.toString(), opt);
    }

    /**
     * Parses COCO JSON (see the class comment for the two layouts).
     *
     * @param text   the whole document
     * @param source names the text in error messages (a path, or "stdin")
     * @param opt    the confidence threshold and whether to derive the spine
     * @return the people in document order, non-person categories skipped
     * @throws GfposeException naming the source and the entry (e.g. {@code annotations[3].keypoints joint l_knee})
     *                         for malformed JSON, another root, an entry that is not an object, a keypoints list
     *                         that is not 51 numbers, a value beyond ±1e6, or an image size outside 1..1,000,000
     */
    public static List<Person> parse(String text, String source, KeypointOptions opt) {
        Object root = Json.parse(text, source);
        if (root instanceof List) return people((List<?>) root, Map.of(), false, source, "", opt);
        if (root instanceof Map && ((Map<?, ?>) root).get("annotations") instanceof List) {
            Map<?, ?> m = (Map<?, ?>) root;
            Map<Long, int[]> sizes = new HashMap<>();
            if (m.get("images") instanceof List) {
                List<?> images = (List<?>) m.get("images");
                for (int i = 0; i < images.size(); i++) {
                    String where = source + ": images[" + i + "]";
                    Map<?, ?> im = object(images.get(i), where);
                    if (im.get("width") == null || im.get("height") == null) continue;
                    sizes.put(integer(im.get("id"), where + ".id"),
                            new int[] {imageSide(im.get("width"), where + ".width"), imageSide(im.get("height"), where + ".height")});
                }
            }
            return people((List<?>) m.get("annotations"), sizes, true, source, "annotations", opt);
        }
        throw new GfposeException(source + ": expected a list of detections or a COCO file with \"annotations\"");
    }

    private static List<Person> people(List<?> list, Map<Long, int[]> sizes, boolean dataset, String source,
            String field, KeypointOptions opt) {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": " + field + "[" + i + "]";
            Map<?, ?> d = object(list.get(i), where);
            Object cat = d.get("category_id");
            if (cat != null && integer(cat, where + ".category_id") != 1) continue;
            long imageId = d.get("image_id") == null ? -1 : integer(d.get("image_id"), where + ".image_id");
            Object kp = d.get("keypoints");
            if (!(kp instanceof List)) throw new GfposeException(where + ": missing \"keypoints\" list");
            List<?> k = (List<?>) kp;
            int n = KeypointFormat.COCO_17.joints();
            if (k.size() != 3 * n)
                throw new GfposeException(where + ".keypoints: expected " + 3 * n + " values (17 x, y, "
                        + (dataset ? "visibility" : "score") + "), got " + k.size());
            float[] xy = new float[2 * n], conf = new float[n];
            for (int j = 0; j < n; j++) {
                String jw = where + ".keypoints joint " + KeypointFormat.COCO_17.jointName(j);
                xy[2 * j] = number(k.get(3 * j), jw);
                xy[2 * j + 1] = number(k.get(3 * j + 1), jw);
                float c = number(k.get(3 * j + 2), jw);
                conf[j] = dataset ? (c > 0 ? 1f : 0f) : c;
            }
            int[] wh = sizes.getOrDefault(imageId, new int[2]);
            double score = 1;
            if (d.get("score") != null) {
                number(d.get("score"), where + ".score"); // validates
                score = ((Number) d.get("score")).doubleValue();
            }
            out.add(new Person(imageId, score, KeypointFormat.COCO_17.toH36m(xy, conf, opt, wh[0], wh[1], where)));
        }
        return out;
    }

    static Map<?, ?> object(Object o, String where) {
        if (!(o instanceof Map)) throw new GfposeException(where + ": expected a JSON object");
        return (Map<?, ?>) o;
    }

    static long integer(Object o, String where) {
        if (o instanceof Long) return (Long) o;
        if (o instanceof Double && (Double) o == Math.rint((Double) o)) return (long) (double) (Double) o;
        throw new GfposeException(where + ": expected an integer, got " + o);
    }

    /** An image width or height: an integer from 1 to 1,000,000 pixels (a wider value is a mistake, not a size). */
    static int imageSide(Object o, String where) {
        long v = integer(o, where);
        if (v < 1 || v > 1_000_000) throw new GfposeException(where + ": must be between 1 and 1000000 pixels, got " + o);
        return (int) v;
    }

    static float number(Object o, String where) {
        if (o instanceof Number) {
            // pixels and confidences beyond a million are a unit or parsing mistake upstream, not an image position
            double v = ((Number) o).doubleValue();
            if (!(Math.abs(v) <= 1e6)) throw new GfposeException(where + ": " + o + " is out of range (within ±1e6)");
            return (float) v;
        }
        throw new GfposeException(where + ": expected a number, got " + (o == null ? "null" : o));
    }
}
