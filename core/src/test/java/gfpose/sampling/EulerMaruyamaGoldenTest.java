package gfpose.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.Golden;
import gfpose.data.Npy;
import gfpose.sde.SubVpSde;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One reverse Euler–Maruyama step per golden row (each row has its own t), from x, t, em_z and the score
 * −out/std(t) with std in double. Against the _f64 arrays the score comes from out_eval_f64; against the float32
 * arrays the reference's own float32 std(t) = 1 − m² dominates in row 0 (t = 1e-3, 2.4e-4 relative, README
 * "Measured precision"), so the score and drift get 5e-4 there and everything else 1e-4.
 */
class EulerMaruyamaGoldenTest {
    static final int D = 51;
    static final SubVpSde SDE = SubVpSde.GFPOSE;
    static Npy.Archive gold;
    static float[] x, z, score32, score64;
    static double[] t;
    static double dt;

    @BeforeAll
    static void open() throws Exception {
        gold = Golden.archive();
        x = gold.get("x").toFloats();
        z = gold.get("em_z").toFloats();
        t = gold.get("t").toDoubles();
        dt = gold.get("em_dt").scalar();
        score32 = score(gold.get("out_eval").toDoubles());
        score64 = score(gold.get("out_eval_f64").toDoubles());
    }

    static float[] score(double[] out) {
        float[] s = new float[out.length];
        for (int b = 0; b < 8; b++) {
            double inv = -1.0 / SDE.std(t[b]);
            for (int i = b * D; i < (b + 1) * D; i++) s[i] = (float) (out[i] * inv);
        }
        return s;
    }

    /** max over rows of max|ours − ref| / max|ref| within the row. */
    static double rowRel(float[] ours, double[] ref) {
        double worst = 0;
        for (int b = 0; b < 8; b++) worst = Math.max(worst, Golden.relativeError(ours, ref, b * D, (b + 1) * D));
        return worst;
    }

    static double err(String name, float[] ours) throws Exception {
        double e = rowRel(ours, gold.get(name).toDoubles());
        System.out.printf("golden %-30s max rel err %.2e%n", name, e);
        return e;
    }

    @Test
    void scoreFromOutputMatchesScoreEval() throws Exception {
        assertThat(err("score_eval_f64", score64)).isLessThan(1e-6);
        assertThat(err("score_eval", score32)).isLessThan(5e-4);
    }

    /** Returns {drift, x_mean, x_next stochastic, x_next deterministic}. */
    static float[][] step(float[] score) {
        float[][] r = new float[4][x.length];
        float[] detMean = new float[x.length];
        EulerMaruyama em = EulerMaruyama.reverseSde(SDE), det = EulerMaruyama.gfposeDeterministic(SDE);
        float[] zRow = new float[D];
        for (int b = 0; b < 8; b++) {
            em.reverseDrift(x, score, b * D, D, t[b], r[0]);
            System.arraycopy(z, b * D, zRow, 0, D);
            em.apply(x, score, zRow, b * D, D, t[b], dt, r[2], r[1]);
            det.apply(x, score, zRow, b * D, D, t[b], dt, r[3], detMean);
        }
        assertThat(detMean).containsExactly(r[1]);
        return r;
    }

    @Test
    void stepsMatchFloat64Reference() throws Exception {
        float[][] r = step(score64);
        assertThat(err("em_reverse_drift_f64", r[0])).isLessThan(1e-6);
        assertThat(err("em_x_mean_f64", r[1])).isLessThan(1e-6);
        assertThat(err("em_x_next_stochastic_f64", r[2])).isLessThan(1e-6);
        assertThat(err("em_x_next_deterministic_f64", r[3])).isLessThan(1e-6);
    }

    @Test
    void stepsMatchFloat32Reference() throws Exception {
        float[][] r = step(score32);
        assertThat(err("em_reverse_drift", r[0])).isLessThan(5e-4);
        assertThat(err("em_x_mean", r[1])).isLessThan(1e-4);
        assertThat(err("em_x_next_stochastic", r[2])).isLessThan(1e-4);
        assertThat(err("em_x_next_deterministic", r[3])).isLessThan(1e-4);
    }
}
