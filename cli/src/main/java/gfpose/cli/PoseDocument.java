package gfpose.cli;

import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated input document: poses with 2-D ({@code dims = 2}, u, v) or 3-D ({@code dims = 3}, u, v, z)
 * keypoints in GFPose's image frame. Missing joints have {@code observed = false} and zeros as coordinates.
 *
 * @param imageSize the document's {@code image_size}, or null when it has none
 */
public record PoseDocument(ImageSize imageSize, int dims, List<Pose> poses) {

    /** One input pose; {@code coords} holds {@code 17 * dims} joint-major values. */
    public record Pose(int index, Object id, float[] coords, boolean[] observed) {
        /** Names of the joints that are missing, in joint order. */
        public List<String> missing() {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < Skeleton.JOINTS; j++) if (!observed[j]) names.add(Skeleton.name(j));
            return names;
        }
    }

    /** The coordinates of all poses, {@code [pose][17 * dims]}. */
    public float[][] coords() {
        float[][] c = new float[poses.size()][];
        for (int p = 0; p < c.length; p++) c[p] = poses.get(p).coords().clone();
        return c;
    }

    /** Per-pose observed flags, or null when every joint of every pose is observed (the API's "all"). */
    public boolean[][] observedOrNull() {
        boolean all = true;
        boolean[][] o = new boolean[poses.size()][];
        for (int p = 0; p < o.length; p++) {
            o[p] = poses.get(p).observed().clone();
            for (boolean b : o[p]) all &= b;
        }
        return all ? null : o;
    }
}
