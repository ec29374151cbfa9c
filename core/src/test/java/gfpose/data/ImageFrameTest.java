package gfpose.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gfpose.skeleton.Skeleton;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageFrameTest {
    @Test
    void ratioIsTheBoxWidthOverTwoMetres() {
        double[] cam = new double[Skeleton.DIM];
        cam[0] = 120; cam[1] = -40; cam[2] = 5000;
        ImageFrame.Params p = ImageFrame.params(cam, 1150, 1140, 512, 515);
        // box x2 - x1 = fx * 2000 / Z_root; +1 pixel as in LCN
        assertThat(p.ratio()).isCloseTo((1150 * 2000.0 / 5000 + 1) / 2000, within(1e-12));
        assertThat(p.rootDepth()).isEqualTo(5000);
        double[] img = ImageFrame.fromCamera(cam, p);
        assertThat(img[0]).isCloseTo(1150 * 120 / 5000.0 + 512, within(1e-9));
        assertThat(img[2]).isZero(); // the root's depth is the reference
    }

    @Test
    void inverseUndoesForwardOnASyntheticCamera() {
        Random r = new Random(7);
        for (int t = 0; t < 100; t++) {
            double[] cam = new double[Skeleton.DIM];
            double x0 = r.nextGaussian() * 800, y0 = r.nextGaussian() * 300, z0 = 3000 + r.nextDouble() * 4000;
            for (int j = 0; j < Skeleton.JOINTS; j++) {
                cam[3 * j] = x0 + r.nextGaussian() * 400;
                cam[3 * j + 1] = y0 + r.nextGaussian() * 600;
                cam[3 * j + 2] = z0 + (j == 0 ? 0 : r.nextGaussian() * 300);
            }
            ImageFrame.Params p = ImageFrame.params(cam, 1145 + r.nextDouble(), 1143 + r.nextDouble(), 500 + r.nextDouble() * 20, 505);
            double[] img = ImageFrame.fromCamera(cam, p);
            double[] back = ImageFrame.toCamera(img, p);
            for (int i = 0; i < cam.length; i++) assertThat(back[i]).isCloseTo(cam[i], within(1e-6));
            // through float storage, as samples and predictions carry it
            float[] f = new float[img.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) img[i];
            double[] backF = ImageFrame.toCamera(f, 0, p);
            for (int i = 0; i < cam.length; i++) assertThat(backF[i]).isCloseTo(cam[i], within(1e-3));
        }
    }
}
