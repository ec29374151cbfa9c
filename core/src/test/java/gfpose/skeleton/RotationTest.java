package gfpose.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RotationTest {
    private static final String[] ORDERS = {"XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"};

    @Test
    void eulerMatrixEulerRoundTripsInEveryOrder() {
        Random r = new Random(1);
        for (String order : ORDERS) {
            for (int t = 0; t < 200; t++) {
                double[] a = {r.nextDouble() * 360 - 180, r.nextDouble() * 178 - 89, r.nextDouble() * 360 - 180};
                double[] back = Euler.fromMatrix(order, Euler.toMatrix(order, a));
                assertThat(back).as(order).containsExactly(a, within(1e-7));
            }
        }
    }

    @Test
    void eulerMatchesTheProductOfAxisRotations() {
        double[] m = Euler.toMatrix("ZXY", new double[] {30, 0, 0});
        // Rz(30) maps X to (cos, sin, 0)
        assertThat(m[0]).isCloseTo(Math.cos(Math.toRadians(30)), within(1e-12));
        assertThat(m[3]).isCloseTo(Math.sin(Math.toRadians(30)), within(1e-12));
    }

    @Test
    void gimbalLockStillReproducesTheMatrix() {
        for (String order : ORDERS) {
            double[] m = Euler.toMatrix(order, new double[] {40, 90, 25});
            double[] back = Euler.toMatrix(order, Euler.fromMatrix(order, m));
            assertThat(back).as(order).containsExactly(m, within(1e-9));
        }
    }

    @Test
    void quaternionMatrixRoundTripsAndAgreesWithEuler() {
        Random r = new Random(2);
        for (int t = 0; t < 500; t++) {
            Quat q = new Quat(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
            Quat back = Quat.fromMatrix(q.toMatrix());
            assertThat(back.angleTo(q)).isLessThan(1e-7);
            for (String order : ORDERS) {
                Quat viaEuler = Euler.toQuat(order, Euler.fromQuat(order, q));
                assertThat(viaEuler.angleTo(q)).as(order).isLessThan(1e-7);
            }
            double[] v = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] m = q.toMatrix(), rv = q.rotate(v);
            for (int i = 0; i < 3; i++)
                assertThat(rv[i]).isCloseTo(m[3 * i] * v[0] + m[3 * i + 1] * v[1] + m[3 * i + 2] * v[2], within(1e-9));
        }
    }

    @Test
    void fromToIsMinimalAndHandlesOppositeVectors() {
        Quat q = Quat.fromTo(new double[] {1, 0, 0}, new double[] {0, 2, 0});
        assertThat(q.rotate(new double[] {1, 0, 0})).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(q.rotate(new double[] {0, 0, 1})).containsExactly(new double[] {0, 0, 1}, within(1e-12));
        Quat flip = Quat.fromTo(new double[] {0, -1, 0}, new double[] {0, 1, 0});
        assertThat(flip.rotate(new double[] {0, -1, 0})).containsExactly(new double[] {0, 1, 0}, within(1e-12));
    }

    @Test
    void badOrderIsRejected() {
        assertThatThrownBy(() -> Euler.axes("ZXZ")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> Euler.axes("ZQ")).hasMessageContaining("ZQ");
    }
}
