package gfpose.eval;

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
        double[][] h = new double[3][3];
        for (int j = 0; j < n; j++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) h[a][b] += x0[3 * j + a] / nx * (y0[3 * j + b] / ny);
            }
        }
        double[][] u = new double[3][3], v = new double[3][3];
        double[] s = svd3(h, u, v);
        double[][] r = multTransB(v, u); // R = V U^T
        double trace = s[0] + s[1] + s[2];
        if (variant == Variant.PROPER && det(r) < 0) {
            // flip the axis of the smallest singular value
            int m = 0;
            for (int i = 1; i < 3; i++) if (s[i] < s[m]) m = i;
            for (int i = 0; i < 3; i++) v[i][m] = -v[i][m];
            trace -= 2 * s[m];
            r = multTransB(v, u);
        }
        double scale = trace * nx / ny;
        // aligned = a * Y0 R + muX  (equivalently a Y R + t with t = muX - a muY R)
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < 3; b++) {
                double acc = 0;
                for (int a = 0; a < 3; a++) acc += y0[3 * j + a] * r[a][b];
                out[3 * j + b] = scale * acc + mx[b];
            }
        }
        return out;
    }

    /**
     * One-sided Jacobi SVD of a 3x3 matrix, {@code a = U diag(s) V^T}: plane rotations from the right orthogonalise the
     * columns of {@code a} (accumulated in V) until every pair is orthogonal to machine precision; the column norms are
     * the singular values (unordered) and the normalised columns are U. A column that vanishes (rank-deficient input,
     * e.g. a planar pose) gets a unit vector orthogonal to the others, so U stays orthogonal.
     */
    static double[] svd3(double[][] a, double[][] u, double[][] v) {
        double[][] w = new double[3][3];
        for (int i = 0; i < 3; i++) {
            w[i] = a[i].clone();
            java.util.Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < 3; i++) {
                        alpha += w[i][p] * w[i][p];
                        beta += w[i][q] * w[i][q];
                        gamma += w[i][p] * w[i][q];
                    }
                    if (!(Math.abs(gamma) > 1e-15 * Math.sqrt(alpha * beta))) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t), sn = c * t;
                    rotate(w, p, q, c, sn);
                    rotate(v, p, q, c, sn);
                }
            }
            if (!rotated) break;
        }
        double[] s = new double[3];
        double max = 0;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) s[k] += w[i][k] * w[i][k];
            s[k] = Math.sqrt(s[k]);
            max = Math.max(max, s[k]);
        }
        boolean[] fixed = new boolean[3];
        for (int k = 0; k < 3; k++) {
            fixed[k] = s[k] > 1e-14 * max && s[k] > 0;
            for (int i = 0; i < 3; i++) u[i][k] = fixed[k] ? w[i][k] / s[k] : 0;
        }
        for (int k = 0; k < 3; k++) {
            if (fixed[k]) continue;
            // Gram-Schmidt of the axis least aligned with the columns already set
            double best = -1;
            double[] pick = null;
            for (int e = 0; e < 3; e++) {
                double[] x = new double[3];
                x[e] = 1;
                for (int o = 0; o < 3; o++) {
                    if (!fixed[o]) continue;
                    double d = u[e][o];
                    for (int i = 0; i < 3; i++) x[i] -= d * u[i][o];
                }
                double norm = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                if (norm > best) {
                    best = norm;
                    pick = x;
                }
            }
            for (int i = 0; i < 3; i++) u[i][k] = pick[i] / best;
            s[k] = 0;
            fixed[k] = true;
        }
        return s;
    }

    private static void rotate(double[][] m, int p, int q, double c, double s) {
        for (int i = 0; i < 3; i++) {
            double mp = m[i][p], mq = m[i][q];
            m[i][p] = c * mp - s * mq;
            m[i][q] = s * mp + c * mq;
        }
    }

    /** {@code a b^T} of 3x3 matrices. */
    private static double[][] multTransB(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) out[i][j] += a[i][k] * b[j][k];
            }
        }
        return out;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static double[] centroid(double[] p) {
        double[] c = new double[3];
        int n = p.length / 3;
        for (int j = 0; j < n; j++) for (int a = 0; a < 3; a++) c[a] += p[3 * j + a];
        for (int a = 0; a < 3; a++) c[a] /= n;
        return c;
    }
}
