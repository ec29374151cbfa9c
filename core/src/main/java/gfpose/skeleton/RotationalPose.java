package gfpose.skeleton;

/**
 * A pose as rotations: the root (pelvis) position plus one local rotation per {@link Rig} node, each relative to
 * its parent node's frame (the root's is relative to the world). Positions follow from {@link Rig#forward}.
 */
public record RotationalPose(double[] root, Quat[] local) {
    public RotationalPose {
        if (root.length != 3) throw new IllegalArgumentException("root position needs 3 values");
        if (local.length != Rig.NODES) throw new IllegalArgumentException("need " + Rig.NODES + " rotations");
    }
}
