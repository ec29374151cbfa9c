package gfpose.skeleton;

/**
 * A rotation as a unit quaternion (w, x, y, z), Hamilton convention: {@code a.mul(b)} applies b first, then a,
 * exactly like the matrix product {@code A B}. Immutable.
 *
 * @param w scalar part: cos(angle / 2)
 * @param x vector part, x: the rotation axis's x times sin(angle / 2)
 * @param y vector part, y: the rotation axis's y times sin(angle / 2)
 * @param z vector part, z: the rotation axis's z times sin(angle / 2)
 */
public record Quat(double w, double x, double y, double z) {
    /** No rotation: (1, 0, 0, 0). */
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    /**
     * Rotation of {@code angle} radians about the (not necessarily unit) axis.
     *
     * @param ax    axis, x
     * @param ay    axis, y
     * @param az    axis, z
     * @param angle radians, right-handed (counter-clockwise seen from the tip of the axis)
     * @return the unit quaternion; {@link #IDENTITY} for a zero axis
     */
    public static Quat axisAngle(double ax, double ay, double az, double angle) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        if (n == 0) return IDENTITY;
        double s = Math.sin(angle / 2) / n;
        return new Quat(Math.cos(angle / 2), ax * s, ay * s, az * s);
    }

    /**
     * The minimal rotation (no twist about either vector) taking direction {@code a} to direction {@code b}.
     * For opposite vectors the axis is the one perpendicular to {@code a} closest to the X, then Z axis, so the
     * result is deterministic.
     *
     * @param a the direction to turn from, 3 values of any length
     * @param b the direction to turn to, 3 values of any length
     * @return the unit quaternion; {@link #IDENTITY} when either vector is (near) zero
     */
    public static Quat fromTo(double[] a, double[] b) {
        double[] u = Vec.unit(a), v = Vec.unit(b);
        if (u == null || v == null) return IDENTITY;
        double d = Vec.dot(u, v);
        if (d < -1 + 1e-12) {
            double[] axis = Vec.cross(u, new double[] {1, 0, 0});
            if (Vec.norm(axis) < 1e-6) axis = Vec.cross(u, new double[] {0, 0, 1});
            return axisAngle(axis[0], axis[1], axis[2], Math.PI);
        }
        double[] c = Vec.cross(u, v);
        // half-angle trick: q = (1 + d, c) normalised is the rotation by acos(d) about c
        return new Quat(1 + d, c[0], c[1], c[2]).normalized();
    }

    /** {@return this quaternion scaled to unit length (NaN components for the zero quaternion)} */
    public Quat normalized() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        return new Quat(w / n, x / n, y / n, z / n);
    }

    /** {@return the conjugate (w, -x, -y, -z): for a unit quaternion, the inverse rotation} */
    public Quat conjugate() { return new Quat(w, -x, -y, -z); }

    /**
     * this * o: the rotation o followed by this.
     *
     * @param o the rotation applied first
     * @return the Hamilton product {@code this * o} (not renormalised)
     */
    public Quat mul(Quat o) {
        return new Quat(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    /**
     * Rotates a vector by this quaternion, which must be of unit length.
     *
     * @param v 3 values; not modified
     * @return the rotated vector, 3 new values
     */
    public double[] rotate(double[] v) {
        // v' = v + 2w (q x v) + 2 q x (q x v)
        double tx = 2 * (y * v[2] - z * v[1]), ty = 2 * (z * v[0] - x * v[2]), tz = 2 * (x * v[1] - y * v[0]);
        return new double[] {
            v[0] + w * tx + (y * tz - z * ty),
            v[1] + w * ty + (z * tx - x * tz),
            v[2] + w * tz + (x * ty - y * tx)
        };
    }

    /** {@return the rotation matrix, row-major 3x3 (9 values), of this quaternion normalised} */
    public double[] toMatrix() {
        Quat q = normalized();
        double w = q.w, x = q.x, y = q.y, z = q.z;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
    }

    /**
     * The quaternion (w >= 0) of a row-major rotation matrix (Shepperd's method: divide by the largest term).
     *
     * @param m a 3x3 rotation matrix, 9 values row-major
     * @return the unit quaternion with w &gt;= 0
     */
    public static Quat fromMatrix(double[] m) {
        double tr = m[0] + m[4] + m[8];
        Quat q;
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            q = new Quat(s / 4, (m[7] - m[5]) / s, (m[2] - m[6]) / s, (m[3] - m[1]) / s);
        } else if (m[0] > m[4] && m[0] > m[8]) {
            double s = Math.sqrt(1 + m[0] - m[4] - m[8]) * 2;
            q = new Quat((m[7] - m[5]) / s, s / 4, (m[1] + m[3]) / s, (m[2] + m[6]) / s);
        } else if (m[4] > m[8]) {
            double s = Math.sqrt(1 + m[4] - m[0] - m[8]) * 2;
            q = new Quat((m[2] - m[6]) / s, (m[1] + m[3]) / s, s / 4, (m[5] + m[7]) / s);
        } else {
            double s = Math.sqrt(1 + m[8] - m[0] - m[4]) * 2;
            q = new Quat((m[3] - m[1]) / s, (m[2] + m[6]) / s, (m[5] + m[7]) / s, s / 4);
        }
        q = q.normalized();
        return q.w < 0 ? new Quat(-q.w, -q.x, -q.y, -q.z) : q;
    }

    /**
     * Angle in radians between two rotations (0 when equal, also for q and -q).
     *
     * @param o the other rotation, of unit length like this one
     * @return the angle of the rotation taking one to the other, radians in [0, pi]
     */
    public double angleTo(Quat o) {
        double d = Math.abs(w * o.w + x * o.x + y * o.y + z * o.z);
        return 2 * Math.acos(Math.min(1, d));
    }
}
