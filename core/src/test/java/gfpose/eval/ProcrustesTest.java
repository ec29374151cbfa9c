package gfpose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcrustesTest {
    static double[] randomPose(Random r) {
        double[] p = new double[51];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian() * 300;
        return p;
    }

    /** q = s * R p + t for a rotation about a random axis. */
    static double[] similar(double[] p, double angle, double s, double[] t, Random r) {
        double[] ax = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double n = Math.sqrt(ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2]);
        double x = ax[0] / n, y = ax[1] / n, z = ax[2] / n, c = Math.cos(angle), si = Math.sin(angle), k = 1 - c;
        double[][] rot = {{c + x * x * k, x * y * k - z * si, x * z * k + y * si},
            {y * x * k + z * si, c + y * y * k, y * z * k - x * si}, {z * x * k - y * si, z * y * k + x * si, c + z * z * k}};
        double[] q = new double[p.length];
        for (int j = 0; j < p.length / 3; j++) {
            for (int a = 0; a < 3; a++) {
                q[3 * j + a] = t[a] + s * (rot[a][0] * p[3 * j] + rot[a][1] * p[3 * j + 1] + rot[a][2] * p[3 * j + 2]);
            }
        }
        return q;
    }

    @Test
    void similarCopyAlignsExactlyWithBothVariants() {
        Random r = new Random(3);
        for (int t = 0; t < 20; t++) {
            double[] gt = randomPose(r);
            double[] pred = similar(gt, r.nextDouble() * 6, 0.3 + r.nextDouble() * 3, new double[] {500, -200, 4000}, r);
            assertThat(PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.PROPER)).isCloseTo(0, within(1e-8));
            assertThat(PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.REFLECTION)).isCloseTo(0, within(1e-8));
            assertThat(PoseMetrics.mpjpe(pred, gt)).isGreaterThan(1);
        }
    }

    @Test
    void mirroredCopySeparatesTheVariants() {
        Random r = new Random(5);
        double[] gt = randomPose(r);
        double[] mirrored = gt.clone();
        for (int j = 0; j < 17; j++) mirrored[3 * j] = -mirrored[3 * j]; // x -> -x: det -1
        double[] pred = similar(mirrored, 1.0, 1.7, new double[] {10, 20, 30}, r);
        assertThat(PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.REFLECTION)).isCloseTo(0, within(1e-8));
        assertThat(PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.PROPER)).isGreaterThan(10);
    }

    @Test
    void properVariantNeverBeatsTheUnconstrainedOne() {
        Random r = new Random(11);
        for (int t = 0; t < 50; t++) {
            double[] gt = randomPose(r), pred = randomPose(r);
            double proper = PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.PROPER);
            double refl = PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.REFLECTION);
            // the aligner minimises squared error, so compare its objective rather than MPJPE
            assertThat(sq(Procrustes.align(pred, gt, Procrustes.Variant.REFLECTION), gt))
                    .isLessThanOrEqualTo(sq(Procrustes.align(pred, gt, Procrustes.Variant.PROPER), gt) + 1e-6);
            assertThat(proper).isPositive();
            assertThat(refl).isPositive();
        }
    }

    @Test
    void alignedPredictionIsNoWorseThanAnyNearbySimilarity() {
        Random r = new Random(13);
        double[] gt = randomPose(r), pred = randomPose(r);
        double[] best = Procrustes.align(pred, gt, Procrustes.Variant.PROPER);
        double e = sq(best, gt);
        for (int t = 0; t < 30; t++) {
            double[] nudged = similar(best, 0.01, 1 + 0.01 * r.nextGaussian(), new double[] {r.nextGaussian(), r.nextGaussian(), 0}, r);
            assertThat(sq(nudged, gt)).isGreaterThanOrEqualTo(e - 1e-6);
        }
    }

    static double sq(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    /** U diag(s) V^T rebuilds the matrix and U, V are orthogonal, for full-rank, rank-2, rank-1 and zero matrices. */
    @Test
    void jacobiSvdRebuildsTheMatrixWithOrthogonalFactors() {
        Random r = new Random(11);
        for (int t = 0; t < 200; t++) {
            double[][] a = new double[3][3];
            for (double[] row : a) for (int j = 0; j < 3; j++) row[j] = r.nextGaussian();
            int rank = t % 4 == 0 ? 2 : t % 4 == 1 ? 1 : t % 4 == 2 ? 3 : (t % 8 == 3 ? 0 : 3);
            if (rank < 3) {
                // rows made from `rank` random rows (a planar or collinear pose gives such an H)
                for (int i = rank; i < 3; i++) {
                    for (int j = 0; j < 3; j++) a[i][j] = 0;
                    for (int k = 0; k < rank; k++) {
                        double c = r.nextGaussian();
                        for (int j = 0; j < 3; j++) a[i][j] += c * a[k][j];
                    }
                }
            }
            double[][] u = new double[3][3], v = new double[3][3];
            double[] s = Procrustes.svd3(a, u, v);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double rebuilt = 0, uu = 0, vv = 0;
                    for (int k = 0; k < 3; k++) {
                        rebuilt += u[i][k] * s[k] * v[j][k];
                        uu += u[k][i] * u[k][j];
                        vv += v[k][i] * v[k][j];
                    }
                    assertThat(rebuilt).as("rank %d, entry %d,%d", rank, i, j).isCloseTo(a[i][j], within(1e-12));
                    assertThat(uu).as("U^T U, rank %d", rank).isCloseTo(i == j ? 1 : 0, within(1e-12));
                    assertThat(vv).as("V^T V, rank %d", rank).isCloseTo(i == j ? 1 : 0, within(1e-12));
                }
            }
            for (double x : s) assertThat(x).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void planarPoseAlignsExactly() {
        Random r = new Random(5);
        double[] gt = randomPose(r);
        for (int j = 0; j < 17; j++) gt[3 * j + 2] = 0; // every joint in one plane: H has rank 2
        double[] pred = similar(gt, 1.2, 2.0, new double[] {10, 20, 30}, r);
        assertThat(PoseMetrics.paMpjpe(pred, gt, Procrustes.Variant.PROPER)).isCloseTo(0, within(1e-8));
    }
}
