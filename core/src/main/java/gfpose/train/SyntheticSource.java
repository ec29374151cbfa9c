package gfpose.train;

import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;

/**
 * Random but structured poses for tests: a fixed rest skeleton, rotated about the vertical axis, scaled and
 * placed in the image, with per-joint jitter; detections are the ground truth plus pixel noise and the spine is
 * never detected (as with the Stacked-Hourglass data). Item i is a pure function of (seed, i).
 */
public final class SyntheticSource implements TrainingSource {
    private static final double[][] REST = {
        {0, 0, 0}, {-130, 0, 0}, {-130, 450, 0}, {-130, 880, 0}, {130, 0, 0}, {130, 450, 0}, {130, 880, 0},
        {0, -230, 0}, {0, -480, 0}, {0, -580, 60}, {0, -680, 0}, {170, -450, 0}, {170, -180, 0}, {170, 60, 0},
        {-170, -450, 0}, {-170, -180, 0}, {-170, 60, 0}};

    private final int size;
    private final long seed;

    public SyntheticSource(int size, long seed) {
        if (size < 1) throw new IllegalArgumentException("size must be positive");
        this.size = size;
        this.seed = seed;
    }

    @Override public int size() { return size; }

    @Override public void item(int index, float[] pose, float[] det2d, float[] gt2d, boolean[] observed) {
        Rng r = Rng.stream(seed, index);
        double yaw = 2 * Math.PI * r.nextDouble(), scale = 0.25 + 0.1 * r.nextDouble();
        double cu = 400 + 200 * r.nextDouble(), cv = 400 + 200 * r.nextDouble();
        double arm = 300 * (r.nextDouble() - 0.5);
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double x = REST[j][0], y = REST[j][1], z = REST[j][2];
            if (j >= 12 && j != 14) y += (j == 13 || j == 16) ? 2 * arm : arm; // raise or lower the forearms
            double xr = Math.cos(yaw) * x + Math.sin(yaw) * z, zr = -Math.sin(yaw) * x + Math.cos(yaw) * z;
            pose[3 * j] = (float) (cu + scale * xr + 3 * r.nextGaussian());
            pose[3 * j + 1] = (float) (cv + scale * y + 3 * r.nextGaussian());
            pose[3 * j + 2] = (float) (scale * zr);
            gt2d[2 * j] = pose[3 * j];
            gt2d[2 * j + 1] = pose[3 * j + 1];
            observed[j] = j != Skeleton.SPINE;
            det2d[2 * j] = observed[j] ? (float) (gt2d[2 * j] + 4 * r.nextGaussian()) : 0f;
            det2d[2 * j + 1] = observed[j] ? (float) (gt2d[2 * j + 1] + 4 * r.nextGaussian()) : 0f;
        }
        pose[2] = 0f; // depth is root-relative
    }

    @Override public String describe() { return "synthetic(" + size + ", seed " + seed + ")"; }
}
