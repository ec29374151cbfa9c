package gfpose.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Similarity Procrustes (translation, rotation, uniform scale) of a prediction onto a target, following the
 * protocol-2 definition: centre both on their joint centroids, normalise to unit Frobenius norm, SVD of
 * {@code H = X0^T Y0}, {@code R = V U^T}, scale {@code a = sum(s) |X0| / |Y0|}.
 */
public final class Procrustes {
    private Procrustes() {}

    /** Which orthogonal matrices the alignment may use. */
    public enum Variant {
        /** det(R) = +1 (VideoPose3D {@code p_mpjpe}, the community standard). */
        PROPER,
        /** any orthogonal matrix, reflections allowed (GFPose {@code procrustes(reflection='best')}). */
        REFLECTION;

        public String label() { return this == PROPER ? "proper rotation (det=+1)" : "reflection allowed (GFPose 'best')"; }
    }

    /**
     * Returns the prediction aligned to the target (both {@code 3J} values, joint-major).
     * Degenerate inputs (all joints equal) are only translated.
     */
    public static double[] align(double[] pred, double[] target, Variant variant) {
        int n = pred.length / 3;
        double[] mx = centroid(target), my = centroid(pred);
        double[] x0 = new double[pred.length], y0 = new double[pred.length];
        double nx = 0, ny = 0;
        for (int i = 0; i < pred.length; i++) {
            x0[i] = target[i] - mx[i % 3];
            y0[i] = pred[i] - my[i % 3];
            nx += x0[i] * x0[i];
            ny += y0[i] * y0[i];
        }
        nx = Math.sqrt(nx);
        ny = Math.sqrt(ny);
        double[] out = new double[pred.length];
        if (nx == 0 || ny == 0) {
            for (int i = 0; i < pred.length; i++) out[i] = mx[i % 3] + (ny == 0 ? 0 : y0[i]);
            return out;
        }
        DMatrixRMaj h = new DMatrixRMaj(3, 3);
        for (int j = 0; j < n; j++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) h.add(a, b, x0[3 * j + a] / nx * (y0[3 * j + b] / ny));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(3, 3, true, true, false);
        if (!svd.decompose(h)) throw new IllegalStateException("Procrustes SVD failed");
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        DMatrixRMaj r = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransB(v, u, r); // R = V U^T
        double trace = s[0] + s[1] + s[2];
        if (variant == Variant.PROPER && CommonOps_DDRM.det(r) < 0) {
            // flip the axis of the smallest singular value (EJML does not order them)
            int m = 0;
            for (int i = 1; i < 3; i++) if (s[i] < s[m]) m = i;
            for (int i = 0; i < 3; i++) v.set(i, m, -v.get(i, m));
            trace -= 2 * s[m];
            CommonOps_DDRM.multTransB(v, u, r);
        }
        double scale = trace * nx / ny;
        // aligned = a * Y0 R + muX  (equivalently a Y R + t with t = muX - a muY R)
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < 3; b++) {
                double acc = 0;
                for (int a = 0; a < 3; a++) acc += y0[3 * j + a] * r.get(a, b);
                out[3 * j + b] = scale * acc + mx[b];
            }
        }
        return out;
    }

    static double[] centroid(double[] p) {
        double[] c = new double[3];
        int n = p.length / 3;
        for (int j = 0; j < n; j++) for (int a = 0; a < 3; a++) c[a] += p[3 * j + a];
        for (int a = 0; a < 3; a++) c[a] /= n;
        return c;
    }
}
