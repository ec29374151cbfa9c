package gfpose.train;

import gfpose.GfposeException;
import gfpose.data.H36mDataset;
import gfpose.data.Split;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Human3.6M training split (S1 S5 S6 S7 S8, all cameras) held in memory: image-frame pose and SH detection
 * per (frame, camera), ~340 bytes an item. Test subjects are never read.
 */
public final class H36mSource implements TrainingSource {
    private static final int P = Skeleton.DIM, D = 2 * Skeleton.JOINTS;
    private final String description;
    private float[] poses, dets;
    private int[] observedBits;
    private int size;

    private H36mSource(String description) { this.description = description; }

    /**
     * Reads every {@code stride}-th training item (1 = all, ~1.46M) of the folder.
     *
     * @throws GfposeException when the folder or one of its files is missing or unreadable
     */
    public static H36mSource load(Path dir, int stride) { return load(dir, Split.TRAIN, stride); }

    /**
     * Reads every {@code stride}-th item of a training-subject split: {@link Split#TRAIN} (all) or {@link Split#FIT}
     * (without the validation tail).
     */
    public static H36mSource load(Path dir, Split split, int stride) {
        if (split != Split.TRAIN && split != Split.FIT) throw new GfposeException("train: cannot train on the " + split.describe());
        H36mSource s = new H36mSource("Human3.6M " + split.name().toLowerCase(java.util.Locale.ROOT) + " " + dir + (stride > 1 ? " every " + stride : ""));
        s.poses = new float[1 << 20];
        s.dets = new float[1 << 20];
        s.observedBits = new int[1 << 16];
        try (H36mDataset ds = H36mDataset.open(dir)) {
            ds.forEachSample(split, stride, 0, sample -> {
                int n = s.size;
                if ((n + 1) * P > s.poses.length) s.poses = Arrays.copyOf(s.poses, s.poses.length * 2);
                if ((n + 1) * D > s.dets.length) s.dets = Arrays.copyOf(s.dets, s.dets.length * 2);
                if (n + 1 > s.observedBits.length) s.observedBits = Arrays.copyOf(s.observedBits, s.observedBits.length * 2);
                System.arraycopy(sample.pose3d(), 0, s.poses, n * P, P);
                System.arraycopy(sample.sh2d(), 0, s.dets, n * D, D);
                int bits = 0;
                boolean[] obs = sample.shObserved();
                for (int j = 0; j < Skeleton.JOINTS; j++) if (obs[j]) bits |= 1 << j;
                s.observedBits[n] = bits;
                s.size = n + 1;
            });
        } catch (RuntimeException e) {
            if (e instanceof GfposeException) throw e;
            throw new GfposeException(dir + ": cannot read Human3.6M training data (" + e.getMessage() + ")", e);
        }
        if (s.size == 0) throw new GfposeException(dir + ": no Human3.6M training items (subjects S1 S5 S6 S7 S8)");
        s.poses = Arrays.copyOf(s.poses, s.size * P);
        s.dets = Arrays.copyOf(s.dets, s.size * D);
        s.observedBits = Arrays.copyOf(s.observedBits, s.size);
        return s;
    }

    @Override public int size() { return size; }

    @Override public void item(int index, float[] pose, float[] det2d, float[] gt2d, boolean[] observed) {
        System.arraycopy(poses, index * P, pose, 0, P);
        System.arraycopy(dets, index * D, det2d, 0, D);
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            gt2d[2 * j] = pose[3 * j];
            gt2d[2 * j + 1] = pose[3 * j + 1];
            observed[j] = (observedBits[index] >>> j & 1) != 0;
        }
    }

    @Override public String describe() { return description + ", " + size + " items"; }
}
