package gfpose.data;

import gfpose.skeleton.Skeleton;

/** Builds a {@link Sample} from a world pose, its camera and (optionally) the detections of that camera. */
final class SampleBuilder {
    private SampleBuilder() {}

    static Sample build(Sequence s, H36mCamera cam, int frame, float[] world, float[] det) {
        int J = Skeleton.JOINTS;
        double[] camMm = new double[Skeleton.DIM];
        for (int j = 0; j < J; j++) cam.toCamera(world, frame * Skeleton.DIM + 3 * j, camMm, 3 * j);
        ImageFrame.Params p = ImageFrame.params(camMm, cam.f()[0], cam.f()[1], cam.c()[0], cam.c()[1]);
        double[] img = ImageFrame.fromCamera(camMm, p);
        float[] pose3d = new float[Skeleton.DIM];
        float[] gt2d = new float[2 * J];
        for (int j = 0; j < J; j++) {
            for (int a = 0; a < 3; a++) pose3d[3 * j + a] = (float) img[3 * j + a];
            gt2d[2 * j] = pose3d[3 * j];
            gt2d[2 * j + 1] = pose3d[3 * j + 1];
        }
        float[] sh = new float[2 * J];
        boolean[] obs = new boolean[J];
        // a camera without detections (only in S11 Directions) yields an all-unobserved detection
        if (det != null) ShMapping.toH36m(det, frame * 32, sh, obs);
        return new Sample(s, cam.id(), frame, pose3d, gt2d, sh, obs, camMm, p);
    }
}
