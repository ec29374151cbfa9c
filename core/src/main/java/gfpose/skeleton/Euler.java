package gfpose.skeleton;

import java.util.Locale;

/**
 * Tait-Bryan Euler angles in any of the six orders (XYZ, XZY, YXZ, YZX, ZXY, ZYX), in degrees.
 *
 * <p>Order "ZXY" with angles (a, b, c) means the matrix {@code R = Rz(a) Rx(b) Ry(c)}: intrinsic rotations
 * applied in the order written, which is how a BVH channel list "Zrotation Xrotation Yrotation" composes. The
 * middle angle is returned in [-90, 90]; at gimbal lock (middle = +-90) the last angle is set to 0.
 */
public final class Euler {
    private Euler() {}

    /**
     * Parses an order such as "ZXY" (case-insensitive) into axis indices 0=X, 1=Y, 2=Z.
     *
     * @param order three distinct letters from X, Y, Z
     * @return the three axis indices in the order written
     * @throws IllegalArgumentException naming the order when it is not three distinct axes
     */
    public static int[] axes(String order) {
        String o = order.toUpperCase(Locale.ROOT);
        if (o.length() != 3) throw new IllegalArgumentException("Euler order must be 3 distinct axes, got '" + order + "'");
        int[] a = new int[3];
        for (int k = 0; k < 3; k++) {
            a[k] = "XYZ".indexOf(o.charAt(k));
            if (a[k] < 0) throw new IllegalArgumentException("Euler order must use X, Y, Z, got '" + order + "'");
        }
        if (a[0] == a[1] || a[1] == a[2] || a[0] == a[2])
            throw new IllegalArgumentException("Euler order must be 3 distinct axes (Tait-Bryan), got '" + order + "'");
        return a;
    }

    /**
     * Rotation of {@code deg} degrees about axis 0=X, 1=Y, 2=Z, row-major.
     *
     * @param axis 0=X, 1=Y, 2=Z (any other value is taken as Z)
     * @param deg  angle in degrees, right-handed (counter-clockwise seen from the positive axis)
     * @return the 3x3 matrix, 9 values row-major
     */
    public static double[] axisMatrix(int axis, double deg) {
        double r = Math.toRadians(deg), c = Math.cos(r), s = Math.sin(r);
        switch (axis) {
            case 0: return new double[] {1, 0, 0, 0, c, -s, 0, s, c};
            case 1: return new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
            default: return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
        }
    }

    /**
     * Row-major matrix of angles (degrees) in the given order.
     *
     * @param order an Euler order such as "ZXY" (see {@link #axes})
     * @param deg   the three angles in degrees, in the order's sequence (first, middle, last)
     * @return the 3x3 rotation matrix {@code R = R_first R_middle R_last}, 9 values row-major
     */
    public static double[] toMatrix(String order, double[] deg) {
        int[] a = axes(order);
        return Vec.mul(Vec.mul(axisMatrix(a[0], deg[0]), axisMatrix(a[1], deg[1])), axisMatrix(a[2], deg[2]));
    }

    /**
     * Angles (degrees) in the given order for a row-major rotation matrix.
     *
     * @param order an Euler order such as "ZXY" (see {@link #axes})
     * @param m     a 3x3 rotation matrix, 9 values row-major
     * @return the three angles in degrees, in the order's sequence: the middle one in [-90, 90], the last 0 at
     *         gimbal lock
     */
    public static double[] fromMatrix(String order, double[] m) {
        int[] a = axes(order);
        int i = a[0], j = a[1], k = a[2];
        // +1 for cyclic orders (XYZ, YZX, ZXY); it flips the signs of the off-diagonal terms used below
        double s = ((j - i + 3) % 3 == 1) ? 1 : -1;
        double sinB = Math.max(-1, Math.min(1, s * m[3 * i + k]));
        double b = Math.asin(sinB);
        double first, last;
        if (Math.abs(sinB) < 1 - 1e-12) {
            first = Math.atan2(-s * m[3 * j + k], m[3 * k + k]);
            last = Math.atan2(-s * m[3 * i + j], m[3 * i + i]);
        } else {
            // gimbal lock: only first + last (or first - last) is defined; put it all into the first angle
            last = 0;
            double[] r = Vec.mul(m, Vec.transpose(axisMatrix(j, Math.toDegrees(b))));
            first = angleAbout(i, r);
        }
        return new double[] {Math.toDegrees(first), Math.toDegrees(b), Math.toDegrees(last)};
    }

    /** Angle (radians) of a matrix that is a pure rotation about the given axis. */
    private static double angleAbout(int axis, double[] r) {
        switch (axis) {
            case 0: return Math.atan2(r[7], r[4]);
            case 1: return Math.atan2(r[2], r[0]);
            default: return Math.atan2(r[3], r[0]);
        }
    }

    /**
     * Euler angles to a quaternion.
     *
     * @param order an Euler order such as "ZXY" (see {@link #axes})
     * @param deg   the three angles in degrees, in the order's sequence
     * @return the rotation of {@link #toMatrix} as a unit quaternion with w &gt;= 0
     */
    public static Quat toQuat(String order, double[] deg) { return Quat.fromMatrix(toMatrix(order, deg)); }

    /**
     * A quaternion to Euler angles.
     *
     * @param order an Euler order such as "ZXY" (see {@link #axes})
     * @param q     the rotation (normalised first, so any non-zero length will do)
     * @return the three angles in degrees, as {@link #fromMatrix} returns them
     */
    public static double[] fromQuat(String order, Quat q) { return fromMatrix(order, q.toMatrix()); }
}
