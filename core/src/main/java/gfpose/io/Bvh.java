package gfpose.io;

import gfpose.GfposeException;
import gfpose.skeleton.Euler;
import gfpose.skeleton.Skeleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed BVH file: the joint hierarchy and the motion table. Generic (any skeleton); {@link #poses} maps it
 * to Human3.6M-17 poses when the joint names are gfpose's (as {@link BvhWriter} writes them).
 *
 * @param source    how the file is named in error messages (its path, or the caller's name for text)
 * @param joints    in file order (parents before children)
 * @param frameTime seconds per frame
 * @param motion    one row per frame, one value per channel in joint order ({@code [frames][channelCount()]});
 *                  positions in file units, rotations in degrees
 */
public record Bvh(String source, List<Joint> joints, double frameTime, double[][] motion) {
    /**
     * One ROOT or JOINT.
     *
     * @param name     the joint's name as written
     * @param parent   index into {@code joints}, -1 for the root
     * @param offset   the OFFSET from the parent (x, y, z), in file units
     * @param channels channel names as written (Xposition ... Zrotation)
     * @param endSite  the End Site offset, or null
     */
    public record Joint(String name, int parent, double[] offset, List<String> channels, double[] endSite) {}

    /**
     * The number of frames.
     *
     * @return the number of motion rows
     */
    public int frames() { return motion.length; }

    /**
     * The number of channels over all joints.
     *
     * @return the number of values in each motion row
     */
    public int channelCount() {
        int n = 0;
        for (Joint j : joints) n += j.channels().size();
        return n;
    }

    /**
     * World positions of every joint for one frame, in file units: {@code pos = parentPos + parentRot (offset +
     * position channels)}, {@code rot = parentRot * R(channel 1) * R(channel 2) * ...} in the listed order.
     *
     * @param frame the frame index, 0 to {@code frames() - 1}
     * @return {@code [joints][3]}: each joint's (x, y, z) in file order; End Sites are not included
     * @throws ArrayIndexOutOfBoundsException for a frame outside the motion table
     */
    public double[][] positions(int frame) {
        double[] row = motion[frame];
        int nj = joints.size(), col = 0;
        double[][] pos = new double[nj][], rot = new double[nj][];
        for (int k = 0; k < nj; k++) {
            Joint j = joints.get(k);
            double[] t = j.offset().clone();
            double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            for (String ch : j.channels()) {
                double v = row[col++];
                int axis = Character.toUpperCase(ch.charAt(0)) - 'X';
                if (ch.toLowerCase(Locale.ROOT).endsWith("position")) t[axis] += v;
                else r = mul(r, Euler.axisMatrix(axis, v));
            }
            if (j.parent() < 0) {
                pos[k] = t;
                rot[k] = r;
            } else {
                double[] pr = rot[j.parent()], pp = pos[j.parent()];
                pos[k] = new double[] {
                    pp[0] + pr[0] * t[0] + pr[1] * t[1] + pr[2] * t[2],
                    pp[1] + pr[3] * t[0] + pr[4] * t[1] + pr[5] * t[2],
                    pp[2] + pr[6] * t[0] + pr[7] * t[1] + pr[8] * t[2]};
                rot[k] = mul(pr, r);
            }
        }
        return pos;
    }

    /**
     * The Human3.6M-17 poses (mm, in {@code options.axes()}) of every frame, found by joint name.
     *
     * @param options the file's unit (scaled to mm) and the axes to turn the Y-up file into; its order and rig are
     *                not used (the file's channels say how it rotates)
     * @return one pose per frame, 51 values (17 joints x (x, y, z)) each
     *
     * @throws GfposeException naming the file and the first joint the hierarchy lacks
     */
    public List<float[]> poses(BvhOptions options) {
        int[] index = new int[Skeleton.JOINTS];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            index[j] = -1;
            for (int k = 0; k < joints.size(); k++)
                if (joints.get(k).name().equalsIgnoreCase(Skeleton.name(j))) index[j] = k;
            if (index[j] < 0)
                throw new GfposeException(source + ": no joint named '" + Skeleton.name(j)
                        + "' (a Human3.6M-17 BVH names its joints like gfpose's Skeleton)");
        }
        List<float[]> out = new ArrayList<>(motion.length);
        for (int f = 0; f < motion.length; f++) {
            double[][] pos = positions(f);
            float[] p = new float[Skeleton.DIM];
            for (int j = 0; j < Skeleton.JOINTS; j++)
                for (int a = 0; a < 3; a++) p[3 * j + a] = (float) (pos[index[j]][a] * options.unit().mm);
            out.add(options.axes().fromYUp(p));
        }
        return out;
    }

    private static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
                c[3 * i + k] = a[3 * i] * b[k] + a[3 * i + 1] * b[3 + k] + a[3 * i + 2] * b[6 + k];
        return c;
    }
}
