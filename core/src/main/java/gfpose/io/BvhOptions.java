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

    public BvhOptions {
        Euler.axes(order); // validates
    }

    public BvhOptions withUnit(Unit u) { return new BvhOptions(u, axes, order, rig); }

    public BvhOptions withAxes(Axes a) { return new BvhOptions(unit, a, order, rig); }

    public BvhOptions withOrder(String o) { return new BvhOptions(unit, axes, o, rig); }

    public BvhOptions withRig(Rig r) { return new BvhOptions(unit, axes, order, r); }

    /** File length unit. */
    public enum Unit {
        MM(1), CM(10);

        /** Millimetres per file unit. */
        public final double mm;

        Unit(double mm) { this.mm = mm; }
    }
}
