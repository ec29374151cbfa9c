package gfpose.sde;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.Golden;
import gfpose.data.Npy;
import gfpose.sampling.TimeGrid;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sub-VP coefficients and the time grid against the official code's golden tensors. */
class SdeGoldenTest {
    static Npy.Archive gold;
    static double[] t;
    static final SubVpSde SDE = SubVpSde.GFPOSE;

    @BeforeAll
    static void open() throws Exception {
        gold = Golden.archive();
        t = gold.get("t").toDoubles();
    }

    /** max_i |ours − ref| / |ref| per entry. */
    static double maxRel(DoubleUnaryOperator f, double[] ref) {
        double worst = 0;
        for (int i = 0; i < t.length; i++) worst = Math.max(worst, Math.abs(f.applyAsDouble(t[i]) - ref[i]) / Math.abs(ref[i]));
        return worst;
    }

    static void check(String name, DoubleUnaryOperator f, double tol64, double tol32) throws Exception {
        assertThat(maxRel(f, gold.get(name + "_f64").toDoubles())).as(name + "_f64").isLessThan(tol64);
        assertThat(maxRel(f, toD(gold.get(name).toFloats()))).as(name).isLessThan(tol32);
    }

    static double[] toD(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    @Test
    void coefficientsMatchSubVpSde() throws Exception {
        check("sde_mean_coeff", SDE::meanCoeff, 1e-13, 1e-6);
        check("sde_beta", SDE::beta, 1e-13, 1e-6);
        // float32 g² = β(1 − exp(·)) cancels at t = 1e-3 too (1.3e-5 relative measured)
        check("sde_g", SDE::diffusion, 1e-10, 5e-5);
        check("sde_g2", SDE::diffusionSq, 1e-10, 5e-5);
        // std = 1 − m²: the reference's own float64 loses ~1e-12 relative at t = 1e-3 (we use expm1) ...
        assertThat(maxRel(SDE::std, gold.get("sde_std_f64").toDoubles())).isLessThan(1e-10);
        // ... and its float32 loses digits there (1.09971e-4 vs 1.09944e-4, README "Measured precision").
        assertThat(maxRel(SDE::std, toD(gold.get("sde_std").toFloats()))).isLessThan(5e-4);
        assertThat(SDE.timeLabel(0.5)).isEqualTo(499.5);
        assertThat(SDE.driftCoeff(0.3)).isEqualTo(-0.5 * SDE.beta(0.3));
    }

    @Test
    void gridIsLinspaceFromOneToEpsWithDtMinusOneOverN() throws Exception {
        TimeGrid g = TimeGrid.linspace(1.0, 1e-3, 1000);
        double[] ref64 = gold.get("sampler_timesteps_f64").toDoubles();
        float[] ref32 = gold.get("sampler_timesteps").toFloats();
        double e64 = 0, e32 = 0;
        for (int i = 0; i < 1000; i++) {
            e64 = Math.max(e64, Math.abs(g.t(i) - ref64[i]));
            e32 = Math.max(e32, Math.abs((float) g.t(i) - ref32[i]));
        }
        assertThat(e64).isLessThan(1e-15);
        assertThat(e32).isLessThanOrEqualTo(6e-8);  // float32 linspace rounding: at most one ulp near 1
        assertThat(g.dt()).isCloseTo(gold.get("em_dt").scalar(), org.assertj.core.data.Offset.offset(1e-17));
        long[] idx = gold.get("t_index").toLongs();
        for (int b = 0; b < idx.length; b++) {
            assertThat(Math.abs((float) g.t((int) idx[b]) - (float) t[b])).isLessThanOrEqualTo(Math.ulp((float) t[b]));
        }
    }
}
