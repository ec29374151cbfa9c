package gfpose.skeleton;

import java.util.Random;

/** Synthetic poses for tests: random bone directions and lengths around a camera-frame root. */
public final class TestPoses {
    private TestPoses() {}

    /** A random pose: each bone a random direction, lengths 50..500 mm, root around (0, 0, 5000) mm. */
    public static float[] random(long seed) {
        Random r = new Random(seed);
        float[] p = new float[Skeleton.DIM];
        p[0] = (float) (r.nextGaussian() * 300);
        p[1] = (float) (r.nextGaussian() * 300);
        p[2] = (float) (5000 + r.nextGaussian() * 500);
        for (int j = 1; j < Skeleton.JOINTS; j++) {
            int par = Skeleton.parent(j);
            double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
            double len = 50 + 450 * r.nextDouble(), n = Math.sqrt(x * x + y * y + z * z);
            p[3 * j] = (float) (p[3 * par] + x / n * len);
            p[3 * j + 1] = (float) (p[3 * par + 1] + y / n * len);
            p[3 * j + 2] = (float) (p[3 * par + 2] + z / n * len);
        }
        return p;
    }

    /**
     * A T-pose in camera coordinates (y down), mean H36M lengths, root at 5 m, facing the camera (the
     * Y-up rest pose faces +Z; turned into camera axes it faces -z, towards the camera, its left at +x).
     */
    public static float[] standing() {
        float[] p = Axes.CAMERA.fromYUp(Rig.meanH36m().restPose());
        for (int j = 0; j < Skeleton.JOINTS; j++) p[3 * j + 2] += 5000;
        return p;
    }

    public static double maxJointError(float[] a, float[] b) {
        double m = 0;
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double dx = a[3 * j] - b[3 * j], dy = a[3 * j + 1] - b[3 * j + 1], dz = a[3 * j + 2] - b[3 * j + 2];
            m = Math.max(m, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return m;
    }
}
