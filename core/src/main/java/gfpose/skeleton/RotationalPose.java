package gfpose.skeleton;

/**
 * A pose as rotations: the root (pelvis) position plus one local rotation per {@link Rig} node, each relative to
 * its parent node's frame (the root's is relative to the world). Positions follow from {@link Rig#forward}.
 *
 * @param root  the pelvis position, 3 values, in the rig's length unit
 * @param local {@link Rig#NODES} rotations in the rig's depth-first node order, each relative to its parent node
 */
public record RotationalPose(double[] root, Quat[] local) {
    /**
     * Checks the array lengths; the arrays are kept, not copied.
     *
     * @param root  3 values
     * @param local {@link Rig#NODES} rotations
     * @throws IllegalArgumentException when a length is wrong
     */
    public RotationalPose {
        if (root.length != 3) throw new IllegalArgumentException("root position needs 3 values");
        if (local.length != Rig.NODES) throw new IllegalArgumentException("need " + Rig.NODES + " rotations");
    }
}
