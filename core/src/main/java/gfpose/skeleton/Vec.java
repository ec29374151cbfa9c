package gfpose.skeleton;

/** Small 3-vector and row-major 3x3 matrix helpers (package-private; doubles for exact round trips). */
final class Vec {
    private Vec() {}

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    static double[] add(double[] a, double[] b) { return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    static double[] scale(double[] a, double s) { return new double[] {a[0] * s, a[1] * s, a[2] * s}; }

    /** Unit vector, or null for a (near) zero vector. */
    static double[] unit(double[] a) {
        double n = norm(a);
        return n < 1e-12 ? null : scale(a, 1 / n);
    }

    /** Joint j of a flattened pose. */
    static double[] joint(float[] pose, int j) { return new double[] {pose[3 * j], pose[3 * j + 1], pose[3 * j + 2]}; }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
                c[3 * i + k] = a[3 * i] * b[k] + a[3 * i + 1] * b[3 + k] + a[3 * i + 2] * b[6 + k];
        return c;
    }

    static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }
}
