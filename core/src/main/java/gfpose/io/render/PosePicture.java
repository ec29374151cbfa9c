package gfpose.io.render;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;
import java.util.List;

/**
 * Skeleton drawings of 3-D poses in three orthographic views: front (x right, y down), side (depth z to the
 * right, y down) and top (x right, depth z up the page). Poses are in camera-like axes (y down, z away from
 * the viewer), e.g. GFPose's image frame or camera millimetres. Left bones are blue, right bones red, the centre
 * line grey; several hypotheses are drawn translucent over each other, and their consensus (one answer per pose),
 * when given, opaque over them with a ring per joint whose radius is that joint's spread. A 2-D input (in the same
 * units as the poses' x, y, as in the image frame) is drawn dashed in green over the front view.
 */
public final class PosePicture {
    private PosePicture() {}

    /** Panel side in pixels. */
    public static final int PANEL = 300;
    private static final int PAD = 20, LABEL = 18;
    static final int LEFT = 0x1f5fbf, RIGHT = 0xd03030, CENTRE = 0x555555, INPUT = 0x2ca02c;
    static final String[] VIEWS = {"front", "side", "top"};

    /**
     * One pose or a set of hypotheses, three views side by side; {@code input} may be null.
     *
     * @param poses one or more poses, 51 values each (17 joints x (x, y, z)) in camera-like axes, any length unit
     * @param input the 2-D keypoints the poses were lifted from, drawn over the front view; null draws none
     * @return a {@code 3 * PANEL} by {@code PANEL + 18} pixel scene: front, side and top, one scale for all
     * @throws GfposeException when there are no poses, or a pose has not 51 values or has a non-finite one (naming
     *                         the pose's index and the joint)
     */
    public static Scene views(List<float[]> poses, Keypoints2D input) { return views(poses, null, null, input); }

    /**
     * As {@link #views(List, Keypoints2D)}, with the hypotheses' consensus pose drawn over them and a ring of radius
     * {@code spread[j]} (the poses' units) around each of its joints; consensus and spread may be null.
     *
     * @param poses     one or more hypotheses, 51 values each (17 joints x (x, y, z)) in camera-like axes
     * @param consensus the one answer drawn opaque over the hypotheses, 51 values; null draws none
     * @param spread    17 ring radii, one per joint, in the poses' units (0 or less draws no ring); null draws none,
     *                  and so does a null consensus
     * @param input     the 2-D keypoints the poses were lifted from, drawn over the front view; null draws none
     * @return a {@code 3 * PANEL} by {@code PANEL + 18} pixel scene: front, side and top, one scale for all
     * @throws GfposeException when there are no poses, a pose or the consensus has not 51 values or has a non-finite
     *                         one (naming the pose's index and the joint), or the spread has not 17 values
     */
    public static Scene views(List<float[]> poses, float[] consensus, float[] spread, Keypoints2D input) {
        check(poses);
        if (consensus != null) check(List.of(consensus));
        if (spread != null && spread.length != Skeleton.JOINTS) throw new GfposeException("picture: spread needs " + Skeleton.JOINTS + " values");
        Scene s = new Scene(3 * PANEL, PANEL + LABEL);
        double scale = scale(poses, input);
        for (int view = 0; view < 3; view++) {
            double[] c = centre(poses, input, view);
            double ox = view * PANEL;
            s.group(VIEWS[view]);
            s.label(new Scene.Label(ox + 6, 14, VIEWS[view]));
            double opacity = poses.size() == 1 ? 1 : Math.max(consensus == null ? 0.25 : 0.1, (consensus == null ? 1.5 : 0.8) / poses.size());
            for (float[] p : poses) bones(s, p, view, ox, LABEL, c, scale, opacity);
            if (consensus != null) {
                bones(s, consensus, view, ox, LABEL, c, scale, 1);
                for (int j = 0; spread != null && j < Skeleton.JOINTS; j++) {
                    double[] at = screen(consensus, j, view, ox, LABEL, c, scale);
                    if (spread[j] > 0) s.ring(new Scene.Ring(at[0], at[1], spread[j] * scale, colour(j), 0.6, "spread"));
                }
            }
            if (view == 0 && input != null) input(s, input, ox, LABEL, c, scale);
        }
        return s;
    }

    /**
     * An animation as a strip: one column per frame, rows front, side, top; one scale for all frames.
     *
     * @param frames one pose per frame, 51 values each (17 joints x (x, y, z)) in camera-like axes; labelled
     *               "frame 0", "frame 1", ...
     * @return a {@code frames.size() * PANEL} by {@code 3 * PANEL} pixel scene
     * @throws GfposeException when there are no frames, or a frame has not 51 values or has a non-finite one (naming
     *                         the frame's index as "pose i", and the joint)
     */
    public static Scene strip(List<float[]> frames) {
        return strip(frames, null);
    }

    /**
     * As {@link #strip(List)} with a label per column (e.g. the source frame numbers); null labels "frame i".
     *
     * @param frames one pose per frame, 51 values each (17 joints x (x, y, z)) in camera-like axes
     * @param labels one label per frame, or null for "frame 0", "frame 1", ...
     * @return a {@code frames.size() * PANEL} by {@code 3 * PANEL} pixel scene
     * @throws GfposeException when there are no frames, or a frame has not 51 values or has a non-finite one (naming
     *                         the frame's index as "pose i", and the joint)
     * @throws IllegalArgumentException when the label count is not the frame count
     */
    public static Scene strip(List<float[]> frames, List<String> labels) {
        check(frames);
        if (labels != null && labels.size() != frames.size())
            throw new IllegalArgumentException(labels.size() + " labels for " + frames.size() + " frames");
        Scene s = new Scene(frames.size() * PANEL, 3 * PANEL);
        double scale = scale(frames, null);
        for (int view = 0; view < 3; view++) {
            double[] c = centre(frames, null, view);
            s.group(VIEWS[view]);
            for (int f = 0; f < frames.size(); f++) bones(s, frames.get(f), view, f * PANEL, view * PANEL, c, scale, 1);
        }
        for (int f = 0; f < frames.size(); f++) s.label(new Scene.Label(f * PANEL + 6, 14, labels == null ? "frame " + f : labels.get(f)));
        return s;
    }

    private static void bones(Scene s, float[] p, int view, double ox, double oy, double[] c, double scale, double opacity) {
        for (int[] b : Skeleton.bones()) {
            double[] a = screen(p, b[0], view, ox, oy, c, scale), e = screen(p, b[1], view, ox, oy, c, scale);
            s.line(new Scene.Line(a[0], a[1], e[0], e[1], colour(b[1]), 3, opacity, false, "bone"));
        }
    }

    private static void input(Scene s, Keypoints2D k, double ox, double oy, double[] c, double scale) {
        for (int[] b : Skeleton.bones()) {
            if (!k.isObserved(b[0]) || !k.isObserved(b[1])) continue;
            s.line(new Scene.Line(ox + PANEL / 2.0 + (k.u(b[0]) - c[0]) * scale, oy + PANEL / 2.0 + (k.v(b[0]) - c[1]) * scale,
                    ox + PANEL / 2.0 + (k.u(b[1]) - c[0]) * scale, oy + PANEL / 2.0 + (k.v(b[1]) - c[1]) * scale,
                    INPUT, 1.5, 1, true, "input"));
        }
        for (int j = 0; j < Skeleton.JOINTS; j++)
            if (k.isObserved(j))
                s.dot(new Scene.Dot(ox + PANEL / 2.0 + (k.u(j) - c[0]) * scale, oy + PANEL / 2.0 + (k.v(j) - c[1]) * scale,
                        2.5, INPUT, "input"));
    }

    static int colour(int joint) {
        for (int j : Skeleton.left()) if (j == joint) return LEFT;
        for (int j : Skeleton.right()) if (j == joint) return RIGHT;
        return CENTRE;
    }

    /** View coordinates (horizontal, vertical-down) of a joint. */
    private static double[] project(float[] p, int j, int view) {
        double x = p[3 * j], y = p[3 * j + 1], z = p[3 * j + 2];
        switch (view) {
            case 0: return new double[] {x, y};
            case 1: return new double[] {z, y};
            default: return new double[] {x, -z};
        }
    }

    private static double[] screen(float[] p, int j, int view, double ox, double oy, double[] c, double scale) {
        double[] v = project(p, j, view);
        return new double[] {ox + PANEL / 2.0 + (v[0] - c[0]) * scale, oy + PANEL / 2.0 + (v[1] - c[1]) * scale};
    }

    /** Centre of the bounding box of everything drawn in a view. */
    private static double[] centre(List<float[]> poses, Keypoints2D in, int view) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (float[] p : poses) for (int j = 0; j < Skeleton.JOINTS; j++) grow(box, project(p, j, view));
        if (view == 0 && in != null)
            for (int j = 0; j < Skeleton.JOINTS; j++) if (in.isObserved(j)) grow(box, new double[] {in.u(j), in.v(j)});
        return new double[] {(box[0] + box[2]) / 2, (box[1] + box[3]) / 2};
    }

    /** One scale for all views so that the largest extent fills the panel minus padding. */
    private static double scale(List<float[]> poses, Keypoints2D in) {
        double extent = 1e-9;
        for (int view = 0; view < 3; view++) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (float[] p : poses) for (int j = 0; j < Skeleton.JOINTS; j++) grow(box, project(p, j, view));
            if (view == 0 && in != null)
                for (int j = 0; j < Skeleton.JOINTS; j++) if (in.isObserved(j)) grow(box, new double[] {in.u(j), in.v(j)});
            extent = Math.max(extent, Math.max(box[2] - box[0], box[3] - box[1]));
        }
        return (PANEL - 2 * PAD - LABEL) / extent;
    }

    private static void grow(double[] box, double[] v) {
        box[0] = Math.min(box[0], v[0]);
        box[1] = Math.min(box[1], v[1]);
        box[2] = Math.max(box[2], v[0]);
        box[3] = Math.max(box[3], v[1]);
    }

    private static void check(List<float[]> poses) {
        if (poses.isEmpty()) throw new GfposeException("picture: no poses to draw");
        for (int i = 0; i < poses.size(); i++) {
            float[] p = poses.get(i);
            if (p.length != Skeleton.DIM)
                throw new GfposeException("picture: pose " + i + " has " + p.length + " values, expected " + Skeleton.DIM);
            for (int k = 0; k < p.length; k++)
                if (!Float.isFinite(p[k]))
                    throw new GfposeException("picture: pose " + i + " joint " + Skeleton.name(k / 3) + " is not finite");
        }
    }
}
