package gfpose.io;

import gfpose.GfposeException;
import gfpose.skeleton.Euler;
import gfpose.skeleton.Rig;
import gfpose.skeleton.RotationalPose;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes Human3.6M-17 poses (mm) as a BVH animation over {@link Rig}'s 21 nodes: root channels
 * {@code Xposition Yposition Zposition} then the rotation channels, every other joint the rotation channels only,
 * by default {@code Zrotation Xrotation Yrotation} (R = Rz Rx Ry). The root OFFSET is 0 (the position channels
 * carry the pelvis); leaves (ankles, head, wrists) end in an End Site continuing their bone by a fifth of its
 * length. The file is Y up; lengths in mm or cm.
 */
public final class BvhWriter {
    private BvhWriter() {}

    /**
     * Writes one pose (a one-frame BVH, frame time 1/30 s) atomically; see {@link #write(Path, List, double,
     * BvhOptions)}.
     *
     * @param file    the BVH file to create or replace
     * @param pose    51 values, 17 joints x (x, y, z) in mm, in {@code options.axes()}
     * @param options unit, axes, Euler order and rig of the file
     * @throws GfposeException naming the file and the joint when the pose has the wrong length or a non-finite
     *                         coordinate, or naming the file when it cannot be written
     */
    public static void write(Path file, float[] pose, BvhOptions options) {
        write(file, List.of(pose), 30, options);
    }

    /**
     * Writes a sequence at {@code fps} frames per second atomically.
     *
     * @param file    the BVH file to create or replace
     * @param poses   one pose per frame, 51 values each (17 joints x (x, y, z) in mm, in {@code options.axes()})
     * @param fps     frames per second, positive and finite; the file's Frame Time is {@code 1 / fps}
     * @param options unit, axes, Euler order and rig of the file
     * @throws GfposeException naming the file (and the frame and joint) for no poses, a bad frame rate, a pose of the
     *                         wrong length or with a non-finite coordinate, or when the file cannot be written
     */
    public static void write(Path file, List<float[]> poses, double fps, BvhOptions options) {
        String text = toText(poses, fps, options, file.toString());
        AtomicFile.writeString(file, text);
    }

    /**
     * The BVH text of a sequence, as {@link #write(Path, List, double, BvhOptions)} writes it.
     *
     * @param poses   one pose per frame, 51 values each (17 joints x (x, y, z) in mm, in {@code options.axes()})
     * @param fps     frames per second, positive and finite
     * @param options unit, axes, Euler order and rig of the file
     * @param source  names the output in error messages
     * @return the whole file: HIERARCHY over {@link Rig}'s 21 nodes, then MOTION with one line per pose
     * @throws GfposeException naming the source (and the frame and joint) for no poses, a bad frame rate, or a pose
     *                         of the wrong length or with a non-finite coordinate
     */
    public static String toText(List<float[]> poses, double fps, BvhOptions options, String source) {
        if (poses.isEmpty()) throw new GfposeException(source + ": no poses to write");
        if (!(fps > 0) || Double.isInfinite(fps)) throw new GfposeException(source + ": frame rate must be positive, got " + fps);
        float[][] yUp = new float[poses.size()][];
        for (int f = 0; f < yUp.length; f++) {
            float[] p = poses.get(f);
            try {
                yUp[f] = options.axes().toYUp(check(p));
            } catch (GfposeException e) {
                throw new GfposeException(source + ": frame " + f + ": " + e.getMessage());
            }
        }
        Rig rig = options.rig() != null ? options.rig() : meanRig(yUp);
        double scale = 1 / options.unit().mm;
        StringBuilder b = new StringBuilder(256 + poses.size() * 21 * 30);
        b.append("HIERARCHY\n");
        String rot = rotationChannels(options.order());
        for (int n = 0; n < Rig.NODES; n++) {
            String ind = "  ".repeat(depth(n));
            double[] off = rig.offset(n);
            b.append(ind).append(n == 0 ? "ROOT " : "JOINT ").append(Rig.nodeName(n)).append('\n');
            b.append(ind).append("{\n");
            b.append(ind).append("  OFFSET ").append(vec(off, scale)).append('\n');
            b.append(ind).append("  CHANNELS ")
                    .append(n == 0 ? "6 Xposition Yposition Zposition " + rot : "3 " + rot).append('\n');
            if (Rig.isLeaf(n)) {
                int j = Rig.nodeJoint(n);
                double len = rig.boneLengths()[j - 1] / 5;
                double[] d = Rig.restDirection(j);
                b.append(ind).append("  End Site\n").append(ind).append("  {\n").append(ind).append("    OFFSET ")
                        .append(vec(new double[] {d[0] * len, d[1] * len, d[2] * len}, scale)).append('\n')
                        .append(ind).append("  }\n");
                // close this leaf and every ancestor that the next node does not descend from
                int next = n + 1 < Rig.NODES ? Rig.nodeParent(n + 1) : -1;
                for (int a = n; a != next; a = Rig.nodeParent(a)) b.append("  ".repeat(depth(a))).append("}\n");
            }
        }
        b.append("MOTION\n").append("Frames: ").append(poses.size()).append('\n')
                .append("Frame Time: ").append(num(1 / fps)).append('\n');
        for (float[] p : yUp) {
            RotationalPose rp = rig.inverse(p);
            double[] root = rp.root();
            b.append(num(root[0] * scale)).append(' ').append(num(root[1] * scale)).append(' ').append(num(root[2] * scale));
            for (int n = 0; n < Rig.NODES; n++) {
                double[] e = Euler.fromQuat(options.order(), rp.local()[n]);
                for (double v : e) b.append(' ').append(num(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static float[] check(float[] p) {
        if (p.length != Skeleton.DIM) throw new GfposeException("expected " + Skeleton.DIM + " values, got " + p.length);
        for (int k = 0; k < p.length; k++)
            if (!Float.isFinite(p[k]))
                throw new GfposeException("joint " + Skeleton.name(k / 3) + " has a non-finite coordinate");
        return p;
    }

    /** Mean bone lengths over the sequence: one hierarchy must serve every frame. */
    private static Rig meanRig(float[][] poses) {
        double[] sum = new double[Skeleton.JOINTS - 1];
        for (float[] p : poses) {
            double[] l = Rig.boneLengths(p);
            for (int k = 0; k < l.length; k++) sum[k] += l[k] / poses.length;
        }
        return Rig.ofBoneLengths(sum);
    }

    private static String rotationChannels(String order) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 3; k++) b.append(k > 0 ? " " : "").append(Character.toUpperCase(order.charAt(k))).append("rotation");
        return b.toString();
    }

    private static int depth(int n) {
        int d = 0;
        for (int a = Rig.nodeParent(n); a >= 0; a = Rig.nodeParent(a)) d++;
        return d;
    }

    private static String vec(double[] v, double scale) {
        return num(v[0] * scale) + " " + num(v[1] * scale) + " " + num(v[2] * scale);
    }

    /** Fixed notation with 6 decimals and no "-0.000000". */
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.equals("-0.000000") ? "0.000000" : s;
    }
}
