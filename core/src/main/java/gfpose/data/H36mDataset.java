package gfpose.data;

import gfpose.GfposeException;
import gfpose.io.Json;
import gfpose.skeleton.Skeleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Human3.6M folder of the data README ({@code poses3d.npz}, {@code detections2d_sh.npz},
 * {@code cameras.json}). Arrays are read lazily, each at most once per instance, and cached, so a test that
 * needs one sequence reads only that sequence. Thread-safe.
 */
public final class H36mDataset implements AutoCloseable {
    public static final String POSES = "poses3d.npz", DETECTIONS = "detections2d_sh.npz", CAMERAS = "cameras.json";

    private final Path dir;
    private final Npy.Archive poses, detections;
    private final Map<String, H36mCamera> cameras = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final Map<String, float[]> poseCache = new HashMap<>(), detCache = new HashMap<>();

    private H36mDataset(Path dir) throws IOException {
        this.dir = dir;
        for (String f : List.of(POSES, DETECTIONS, CAMERAS)) {
            if (!Files.isRegularFile(dir.resolve(f))) throw new GfposeException(dir.resolve(f) + ": Human3.6M file not found");
        }
        Path cam = dir.resolve(CAMERAS);
        Object doc = Json.parse(Files.readString(cam, StandardCharsets.UTF_8), cam.toString());
        if (!(doc instanceof List<?> list)) throw new GfposeException(cam + ": expected a list of cameras");
        for (int i = 0; i < list.size(); i++) {
            H36mCamera c = H36mCamera.fromJson(list.get(i), cam + " entry " + i);
            cameras.put(c.subject() + "/" + c.id(), c);
        }
        this.poses = Npy.openArchive(dir.resolve(POSES));
        this.detections = Npy.openArchive(dir.resolve(DETECTIONS));
        List<Sequence> all = new ArrayList<>();
        for (String key : poses.names()) all.add(Sequence.parse(key));
        all.sort(null);
        for (Sequence s : all) sequences.put(s.key(), s);
    }

    /**
     * Opens the folder; only {@code cameras.json} and the archive directories are read here.
     *
     * @throws GfposeException naming the folder or file when it is missing or unreadable
     */
    public static H36mDataset open(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GfposeException("Human3.6M folder " + dir + " not found (pass --data or set GFPOSE_DATA)");
        }
        try {
            return new H36mDataset(dir);
        } catch (IOException e) {
            throw new GfposeException(e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    /** All sequences, ordered by subject, action id, name. */
    public List<Sequence> sequences() { return List.copyOf(sequences.values()); }

    /** The sequences of a split, in the same order. */
    public List<Sequence> sequences(Split split) {
        return sequences.values().stream().filter(split::contains).toList();
    }

    /** A sequence by key ({@code "S9/Walking 1"}). */
    public Sequence sequence(String key) {
        Sequence s = sequences.get(key);
        if (s == null) throw new GfposeException(dir.resolve(POSES) + ": no sequence '" + key + "'");
        return s;
    }

    /** The camera of a subject by id. */
    public H36mCamera camera(String subject, String id) {
        H36mCamera c = cameras.get(subject + "/" + id);
        if (c == null) {
            throw new GfposeException(dir.resolve(CAMERAS) + ": no camera '" + id + "' for subject " + subject
                    + " (ids: " + String.join(", ", H36mCamera.IDS) + ")");
        }
        return c;
    }

    /** World poses of a sequence, mm, Z up: {@code frames * 51} floats. Cached. */
    public float[] worldPoses(Sequence s) {
        synchronized (poseCache) {
            return poseCache.computeIfAbsent(s.key(), k -> load(poses, k, 3 * Skeleton.JOINTS));
        }
    }

    /** Number of frames of a sequence. */
    public int frames(Sequence s) { return worldPoses(s).length / Skeleton.DIM; }

    /** SH detections of a sequence and camera, MPII order: {@code frames * 32} floats, or null if absent. Cached. */
    public float[] detections(Sequence s, String cameraId) {
        String key = s.key() + "/" + cameraId;
        synchronized (detCache) {
            if (!detCache.containsKey(key)) detCache.put(key, detections.contains(key) ? load(detections, key, 32) : null);
            return detCache.get(key);
        }
    }

    /** Drops the cached arrays of one sequence (long streaming runs call this to bound memory). */
    public void evict(Sequence s) {
        synchronized (poseCache) { poseCache.remove(s.key()); }
        synchronized (detCache) { detCache.keySet().removeIf(k -> k.startsWith(s.key() + "/")); }
    }

    private static float[] load(Npy.Archive a, String key, int perFrame) {
        try {
            NpyArray arr = a.get(key);
            int[] sh = arr.shape();
            if (sh.length != 3 || sh[1] * sh[2] != perFrame) {
                throw new GfposeException(a.file() + " array '" + key + "': unexpected shape " + java.util.Arrays.toString(sh));
            }
            return arr.toFloats();
        } catch (IOException e) {
            throw new GfposeException(e.getMessage(), e);
        }
    }

    /** One (frame, camera) item in the image-frame representation. */
    public Sample sample(Sequence s, int frame, String cameraId) {
        H36mCamera cam = camera(s.subject(), cameraId);
        float[] world = worldPoses(s);
        int n = world.length / Skeleton.DIM;
        if (frame < 0 || frame >= n) throw new GfposeException(s.key() + ": frame " + frame + " out of range 0.." + (n - 1));
        return SampleBuilder.build(s, cam, frame, world, detections(s, cameraId));
    }

    /**
     * Streams the items of a split in order (sequence, camera, frame; frames as {@link Split#firstFrame} and
     * {@link Split#endFrame} select them), keeping every {@code stride}-th item
     * of that global list (GFPose's {@code --sample}) and stopping after {@code limit} items (0 = all).
     * Each sequence's arrays are evicted once passed, so a full pass holds one sequence at a time.
     */
    public void forEachSample(Split split, int stride, int limit, Consumer<Sample> action) {
        checkStride(stride);
        long index = 0;
        int taken = 0;
        for (Sequence s : sequences(split)) {
            boolean cached;
            synchronized (poseCache) { cached = poseCache.containsKey(s.key()); }
            int n = frames(s), f0 = split.firstFrame(n), n1 = split.endFrame(n) - f0;
            for (String id : H36mCamera.IDS) {
                // skip whole cameras that contain no kept item without building anything
                long first = index, next = first + n1;
                long firstKept = ((first + stride - 1) / stride) * stride;
                if (firstKept < next) {
                    H36mCamera cam = camera(s.subject(), id);
                    float[] world = worldPoses(s), det = detections(s, id);
                    for (long i = firstKept; i < next; i += stride) {
                        action.accept(SampleBuilder.build(s, cam, f0 + (int) (i - first), world, det));
                        if (limit > 0 && ++taken >= limit) return;
                    }
                }
                index = next;
            }
            if (!cached) evict(s);
        }
    }

    /** Number of (frame, camera) items of a split before any stride: four cameras per kept frame. */
    public long items(Split split) {
        long total = 0;
        for (Sequence s : sequences(split)) {
            int n = frames(s);
            total += 4L * (split.endFrame(n) - split.firstFrame(n));
        }
        return total;
    }

    /** The kept items of a split as a list (use a stride or limit: the full test set is ~527k items). */
    public List<Sample> samples(Split split, int stride, int limit) {
        List<Sample> out = new ArrayList<>();
        forEachSample(split, stride, limit, out::add);
        return out;
    }

    static void checkStride(int stride) {
        if (stride < 1) throw new GfposeException("--stride must be at least 1, got " + stride);
    }

    @Override public void close() {
        try {
            poses.close();
            detections.close();
        } catch (IOException e) {
            throw new GfposeException(dir + ": " + e.getMessage(), e);
        }
    }
}
