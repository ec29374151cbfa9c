package gfpose.task;

import gfpose.skeleton.Keypoints2D;

/** 2-D keypoints for the framing and lifting tests: a camera-frame pose projected, then scaled and moved. */
final class TestKeypoints {
    private TestKeypoints() {}

    /** A camera-frame pose projected with focal f and principal point (cx, cy), in a w x h image. */
    static Keypoints2D project(float[] cam, double f, double cx, double cy, int w, int h) {
        float[] uv = new float[34];
        for (int j = 0; j < 17; j++) {
            uv[2 * j] = (float) (f * cam[3 * j] / cam[3 * j + 2] + cx);
            uv[2 * j + 1] = (float) (f * cam[3 * j + 1] / cam[3 * j + 2] + cy);
        }
        return Keypoints2D.ofAll(uv, w, h);
    }

    /** The same 2-D pose scaled by a and moved by (bx, by), in a w x h image. */
    static Keypoints2D move(Keypoints2D k, double a, double bx, double by, int w, int h) {
        float[] uv = new float[34];
        for (int j = 0; j < 17; j++) {
            uv[2 * j] = (float) (a * k.u(j) + bx);
            uv[2 * j + 1] = (float) (a * k.v(j) + by);
        }
        return new Keypoints2D(uv, k.observed(), k.confidence(), w, h);
    }
}
