package gfpose.io;

import gfpose.skeleton.Axes;
import gfpose.skeleton.Euler;
import gfpose.skeleton.Rig;

/**
 * How poses (in mm) become BVH and back.
 *
 * @param unit   the length unit written in (or assumed when reading) the file; BVH itself does not say
 * @param axes   the coordinate convention of the poses; the file is always Y up (poses are turned, never mirrored)
 * @param order  the Euler order of the rotation channels, e.g. "ZXY" for "Zrotation Xrotation Yrotation"
 *               (the writer's default; the reader follows whatever the file lists)
 * @param rig    bone lengths for the hierarchy; null = the mean of the written poses' own bone lengths
 */
public record BvhOptions(Unit unit, Axes axes, String order, Rig rig) {
    /** mm, camera axes (GFPose's y-down frame), ZXY channels, lengths from the poses. */
    public static final BvhOptions DEFAULT = new BvhOptions(Unit.MM, Axes.CAMERA, "ZXY", null);

    /**
     * Checks the Euler order.
     *
     * @param unit  the file's length unit
     * @param axes  the coordinate convention of the poses
     * @param order three distinct axes from X, Y, Z, case-insensitive, e.g. "ZXY"
     * @param rig   bone lengths (mm) for the hierarchy, or null for the written poses' own mean lengths
     * @throws IllegalArgumentException when {@code order} is not three distinct axes
     */
    public BvhOptions {
        Euler.axes(order); // validates
    }

    /**
     * These options with another length unit.
     *
     * @param u the file's length unit
     * @return a copy with {@code unit = u}
     */
    public BvhOptions withUnit(Unit u) { return new BvhOptions(u, axes, order, rig); }

    /**
     * These options with another coordinate convention.
     *
     * @param a the coordinate convention of the poses
     * @return a copy with {@code axes = a}
     */
    public BvhOptions withAxes(Axes a) { return new BvhOptions(unit, a, order, rig); }

    /**
     * These options with another Euler order for the written rotation channels.
     *
     * @param o three distinct axes from X, Y, Z, e.g. "XYZ"
     * @return a copy with {@code order = o}
     * @throws IllegalArgumentException when {@code o} is not three distinct axes
     */
    public BvhOptions withOrder(String o) { return new BvhOptions(unit, axes, o, rig); }

    /**
     * These options with other bone lengths.
     *
     * @param r the rig whose bone lengths (mm) the hierarchy uses, or null for the written poses' own mean lengths
     * @return a copy with {@code rig = r}
     */
    public BvhOptions withRig(Rig r) { return new BvhOptions(unit, axes, order, r); }

    /** File length unit. */
    public enum Unit {
        /** Millimetres, gfpose's own unit. */ MM(1), /** Centimetres. */ CM(10);

        /** Millimetres per file unit. */
        public final double mm;

        Unit(double mm) { this.mm = mm; }
    }
}
