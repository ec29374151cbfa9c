package gfpose.task;

import gfpose.kernel.ThreadPool;
import gfpose.sde.ScoreFunction;
import gfpose.skeleton.Skeleton;

/**
 * A score made exactly left/right symmetric: {@code s̄(x | c) = ½ (s(x | c) + M s(M x | M c))}, where M mirrors a
 * pose in network space (x negated, each joint swapped with its mirror image: u to W − u in pixels), as the trainer's
 * flips do. The network learned the symmetry only approximately; the average has it exactly,
 * {@code s̄(M x | M c) = M s̄(x | c)} bit for bit (the two terms swap places), at twice the network evaluations.
 */
final class MirrorAveraged implements TaskSampler.ConditionalScore {
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;
    private final TaskSampler.ConditionalScore base;

    MirrorAveraged(TaskSampler.ConditionalScore base) { this.base = base; }

    @Override public ScoreFunction bind(float[] cond, float[] mask, int rows, ThreadPool pool) {
        ScoreFunction plain = base.bind(cond, mask, rows, pool);
        float[] mc = new float[rows * D], mm = mask == null ? null : new float[rows * D];
        mirror(cond, mc, rows, true);
        if (mask != null) mirror(mask, mm, rows, false);
        ScoreFunction mirrored = base.bind(mc, mm, rows, pool);
        return new ScoreFunction() {
            private float[] mx = new float[0], ms = new float[0];

            @Override public void score(float[] x, int n, double t, float[] out) {
                if (mx.length < n * D) { mx = new float[n * D]; ms = new float[n * D]; }
                mirror(x, mx, n, true);
                plain.score(x, n, t, out);
                mirrored.score(mx, n, t, ms);
                mirror(ms, mx, n, true);
                for (int i = 0; i < n * D; i++) out[i] = 0.5f * (out[i] + mx[i]);
            }
        };
    }

    /** {@code dst = M src} for n poses; {@code negateX} false permutes only (a mask). */
    static void mirror(float[] src, float[] dst, int n, boolean negateX) {
        float sx = negateX ? -1f : 1f;
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < J; j++) {
                int s = p * D + 3 * Skeleton.mirror(j), d = p * D + 3 * j;
                dst[d] = sx * src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
    }
}
