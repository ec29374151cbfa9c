package gfpose.train;

import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;

/**
 * Turns one training item into one row of the loss: t, z, x_t, τ, the condition and the condition mask, all
 * drawn from the row's own stream in a fixed order (t, z, flip, 3-D coin, GT-2-D coin, pose/part/joint masking, the GT
 * 2-D pixel noise when enabled; dropout follows inside the network), so a row never depends on its batch or on the thread count.
 */
final class SampleMaker {
    /** Network space = normalised image frame × 30 ({@code training.data_scale}). */
    static final float DATA_SCALE = 30f;
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;

    private final TrainConfig cfg;
    private final TrainingSource source;

    SampleMaker(TrainConfig cfg, TrainingSource source) {
        this.cfg = cfg;
        this.source = source;
    }

    /** Per-thread scratch for one item. */
    static final class Scratch {
        final float[] pose = new float[D], det = new float[2 * J], gt = new float[2 * J], x0 = new float[D], c = new float[D],
                noise = new float[2 * J];
        final boolean[] observed = new boolean[J];
    }

    /** Fills row r of the batch arrays from item {@code index}. */
    void make(int index, Rng rng, Scratch s, int r, float[] xt, float[] tau, float[] cond, float[] mask, float[] z) {
        float t = SubVp.T_EPS + (1f - SubVp.T_EPS) * (float) rng.nextDouble();
        rng.fillGaussian(z, r * D, D);
        boolean flip = rng.nextDouble() < 0.5 && cfg.flip();
        boolean cond3d = rng.nextDouble() < cfg.cond3dProb();
        boolean gt2d = rng.nextDouble() < cfg.gt2dProb();
        source.item(index, s.pose, s.det, s.gt, s.observed);
        float[] uv = gt2d ? s.gt : s.det;
        for (int j = 0; j < J; j++) {
            // joint j of the (possibly mirrored) pose comes from joint src of the item, with x negated
            int src = flip ? Skeleton.mirror(j) : j;
            float sx = flip ? -1f : 1f;
            for (int a = 0; a < 3; a++) s.x0[3 * j + a] = normalise(s.pose[3 * src + a], a) * (a == 0 ? sx : 1f) * DATA_SCALE;
            boolean seen = cond3d || gt2d || s.observed[src];
            if (cond3d) {
                for (int a = 0; a < 3; a++) s.c[3 * j + a] = s.x0[3 * j + a];
            } else {
                s.c[3 * j] = seen ? normalise(uv[2 * src], 0) * sx * DATA_SCALE : 0f;
                s.c[3 * j + 1] = seen ? normalise(uv[2 * src + 1], 1) * DATA_SCALE : 0f;
                s.c[3 * j + 2] = 0f;
            }
            // an undetected joint carries no information: its difference is always masked
            for (int a = 0; a < 3; a++) mask[r * D + 3 * j + a] = seen ? 1f : 0f;
        }
        // hierarchical masking of the difference vector (all draws made, whatever their outcome)
        boolean all = rng.nextDouble() < cfg.maskPose();
        for (int p = 0; p < Skeleton.partCount(); p++) {
            if (rng.nextDouble() < cfg.maskPart()) for (int j : Skeleton.part(p)) zeroJoint(mask, r, j);
        }
        for (int j = 0; j < J; j++) if (rng.nextDouble() < cfg.maskJoint()) zeroJoint(mask, r, j);
        if (all) java.util.Arrays.fill(mask, r * D, (r + 1) * D, 0f);
        if (gt2d && !cond3d && cfg.gt2dNoise() > 0) {
            // drawn last, and only when enabled, so runs without it keep every earlier draw (and their dropout masks)
            rng.fillGaussian(s.noise, 0, 2 * J);
            float k = cfg.gt2dNoise() / 1000f * 2f * DATA_SCALE; // pixels to network units, as normalise() scales
            for (int j = 0; j < J; j++) {
                s.c[3 * j] += k * s.noise[2 * j];
                s.c[3 * j + 1] += k * s.noise[2 * j + 1];
            }
        }
        float m = SubVp.mean(t), sd = SubVp.std(t);
        for (int i = 0; i < D; i++) {
            xt[r * D + i] = m * s.x0[i] + sd * z[r * D + i];
            cond[r * D + i] = s.c[i];
        }
        tau[r] = SubVp.TIME_SCALE * t;
    }

    private static void zeroJoint(float[] mask, int r, int j) {
        for (int a = 0; a < 3; a++) mask[r * D + 3 * j + a] = 0f;
    }

    /** x_n = u/1000·2 − 1, y_n = v/1000·2 − 1, z_n = z/1000·2 (resolution 1000 for every camera). */
    static float normalise(float v, int axis) {
        return axis == 2 ? v / 1000f * 2f : v / 1000f * 2f - 1f;
    }
}
