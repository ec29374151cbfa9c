package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.CocoKeypoints;
import gfpose.io.KeypointFormat;
import gfpose.io.KeypointOptions;
import gfpose.io.KeypointTrack;
import gfpose.skeleton.Keypoints2D;
import gfpose.task.ImageSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people to lift, read from a COCO keypoint file ({@code .json}) or a keypoint track ({@code .jsonl},
 * {@code .ndjson}, {@code .csv}), with how each is named in messages and in the output document.
 *
 * @param labels per person, e.g. {@code "walk.jsonl: frame 12"}
 * @param ids    per person, the fields that identify it in the output ({@code frame}, or {@code image_id})
 */
record LiftInput(List<Keypoints2D> people, List<String> labels, List<Map<String, Object>> ids) {

    /** Reads {@code file}; {@code size} (may be null) is used for people whose file gives no image size. */
    static LiftInput read(Path file, KeypointFormat format, KeypointOptions opt, ImageSize size) {
        if (Files.isDirectory(file)) throw new GfposeException(file + ": is a directory, expected a keypoint file");
        if (!Files.exists(file)) throw new GfposeException(file + ": no such file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Keypoints2D> people = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> ids = new ArrayList<>();
        if (name.endsWith(".json")) {
            if (format != KeypointFormat.COCO_17)
                throw new GfposeException(file + ": a .json input is a COCO keypoint file (coco17), not " + format
                        + "; other formats come as a track (.jsonl or .csv)");
            List<CocoKeypoints.Person> found = CocoKeypoints.read(file, opt);
            if (found.isEmpty()) throw new GfposeException(file + ": no person keypoints (category_id 1) in the file");
            for (int i = 0; i < found.size(); i++) {
                CocoKeypoints.Person p = found.get(i);
                people.add(p.keypoints());
                labels.add(file + ": person " + i + (p.imageId() >= 0 ? " (image_id " + p.imageId() + ")" : ""));
                Map<String, Object> id = new LinkedHashMap<>();
                if (p.imageId() >= 0) id.put("image_id", p.imageId());
                id.put("score", p.score());
                ids.add(id);
            }
        } else {
            KeypointTrack.Frames t = KeypointTrack.readFrames(file, format, opt);
            for (int i = 0; i < t.keypoints().size(); i++) {
                people.add(t.keypoints().get(i));
                labels.add(file + ": frame " + (t.first() + i));
                Map<String, Object> id = new LinkedHashMap<>();
                id.put("frame", t.first() + i);
                ids.add(id);
            }
        }
        if (size != null) {
            for (int i = 0; i < people.size(); i++) {
                Keypoints2D k = people.get(i);
                if (!k.hasImageSize()) people.set(i, k.withImageSize(size.width(), size.height()));
            }
        }
        return new LiftInput(people, labels, ids);
    }
}
