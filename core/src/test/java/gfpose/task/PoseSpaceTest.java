package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gfpose.kernel.Rng;
import org.junit.jupiter.api.Test;

class PoseSpaceTest {
    static float[] randomPose(long seed, double w, double h) {
        Rng r = new Rng(seed);
        float[] p = new float[51];
        for (int j = 0; j < 17; j++) {
            p[3 * j] = (float) (r.nextDouble() * w);
            p[3 * j + 1] = (float) (r.nextDouble() * h);
            p[3 * j + 2] = (float) (r.nextGaussian() * 100);
        }
        return p;
    }

    @Test
    void gfposeFrameMatchesItsFormula() {
        PoseSpace s = new PoseSpace(ImageSize.GFPOSE);
        float[] img = randomPose(1, 1000, 1000), net = s.toNetwork(img);
        for (int j = 0; j < 17; j++) {
            assertThat(net[3 * j]).isCloseTo((float) ((img[3 * j] / 1000.0 * 2 - 1) * 30), within(1e-5f));
            assertThat(net[3 * j + 1]).isCloseTo((float) ((img[3 * j + 1] / 1000.0 * 2 - 1) * 30), within(1e-5f));
            assertThat(net[3 * j + 2]).isCloseTo((float) (img[3 * j + 2] / 1000.0 * 2 * 30), within(1e-5f));
        }
        float[] back = s.toImage(net);
        for (int j = 0; j < 17; j++) {  // GFPose's de-normalisation: (x_n + 1)·500, z_n·500
            assertThat(back[3 * j]).isCloseTo((float) ((net[3 * j] / 30.0 + 1) * 500), within(1e-3f));
            assertThat(back[3 * j + 2]).isCloseTo((float) (net[3 * j + 2] / 30.0 * 500), within(1e-3f));
        }
    }

    @Test
    void roundTripsInAWideFrameAndKeepsTheAspect() {
        PoseSpace s = new PoseSpace(new ImageSize(1920, 1080));
        float[] img = randomPose(2, 1920, 1080), back = s.toImage(s.toNetwork(img));
        for (int i = 0; i < 51; i++) assertThat(back[i]).isCloseTo(img[i], within(1e-3f));
        // the image centre maps to 0 and one pixel is the same length along u, v and z
        float[] c = new float[51];
        c[0] = 960; c[1] = 540;
        c[3] = 961; c[4] = 541; c[5] = 1;
        float[] n = s.toNetwork(c);
        assertThat(n[0]).isCloseTo(0f, within(1e-6f));
        assertThat(n[1]).isCloseTo(0f, within(1e-6f));
        assertThat(n[3] - n[0]).isCloseTo(n[4] - n[1], within(1e-5f));
        assertThat(n[5]).isCloseTo(n[3] - n[0], within(1e-5f));
        // the 2-D path agrees with the 3-D one and sets z = 0
        float[] uv = new float[34], out = new float[51];
        for (int j = 0; j < 17; j++) { uv[2 * j] = img[3 * j]; uv[2 * j + 1] = img[3 * j + 1]; }
        s.uvToNetwork(uv, 0, out, 0);
        float[] full = s.toNetwork(img);
        for (int j = 0; j < 17; j++) {
            assertThat(out[3 * j]).isEqualTo(full[3 * j]);
            assertThat(out[3 * j + 1]).isEqualTo(full[3 * j + 1]);
            assertThat(out[3 * j + 2]).isZero();
        }
    }
}
