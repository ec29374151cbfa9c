package gfpose.task;

import static org.assertj.core.api.Assertions.assertThat;

import gfpose.Golden;
import gfpose.data.Npy;
import gfpose.kernel.Rng;
import gfpose.kernel.ThreadPool;
import gfpose.nn.ModelConfig;
import gfpose.nn.ParamSpec;
import gfpose.nn.ScoreNet;
import gfpose.sampling.PcSampler;
import gfpose.sampling.SamplerKind;
import gfpose.sampling.TimeGrid;
import gfpose.sde.NetworkScore;
import gfpose.sde.SubVpSde;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official sampler end to end: GFPose's deterministic ("--pflow") Euler–Maruyama run of 1000 steps on the
 * golden network, from the stored x_T, for the estimation set-up (mask ones with depth column 0).
 * Relative error = max|ours − ref| / max|ref| per checked state; the reference's own float32-vs-float64 spread
 * after 1000 steps is 1.6e-6 of max|x|.
 */
class DeterministicSamplerGoldenTest {
    @Test
    void thousandStepDeterministicRunMatchesTheReference() throws Exception {
        Map<String, float[]> sd = new LinkedHashMap<>();
        float[] xT, cond, mask, traj, fin;
        long[] trajIndex;
        double[] grid64;
        try (Npy.Archive a = Golden.archive()) {
            for (ParamSpec s : ScoreNet.parameterSpecs(ModelConfig.GFPOSE)) sd.put(s.name(), a.get(s.name()).toFloats());
            xT = a.get("pc_det_x_T").toFloats();
            cond = a.get("condition").toFloats();
            mask = a.get("pc_det_mask").toFloats();
            traj = a.get("pc_det_traj").toFloats();
            trajIndex = a.get("pc_det_traj_index").toLongs();
            fin = a.get("pc_det_x_final").toFloats();
            grid64 = a.get("sampler_timesteps_f64").toDoubles();
        }
        ScoreNet net = ScoreNet.fromTensors(ModelConfig.GFPOSE, sd);
        int rows = 8, dim = 51;
        TimeGrid full = TimeGrid.linspace(1.0, 1e-3, 1000);
        assertThat(full.times()).containsExactly(grid64, org.assertj.core.data.Offset.offset(1e-12));
        PcSampler sampler = PcSampler.of(SamplerKind.DETERMINISTIC, SubVpSde.GFPOSE, 0.16, 1);
        Rng[] rngs = new Rng[rows];
        for (int r = 0; r < rows; r++) rngs[r] = Rng.stream(0, r);

        try (ThreadPool pool = new ThreadPool(2)) {
            NetworkScore score = new NetworkScore(net, SubVpSde.GFPOSE, cond, mask, pool);
            // Prefixes of the grid give the stored intermediate states (step i leaves x after querying t_i).
            for (int k = 0; k < trajIndex.length - 1; k++) {
                int i = (int) trajIndex[k];
                if (i > 99) break; // the long prefixes are covered by the full run below
                float[] x = xT.clone();
                sampler.sample(score, TimeGrid.of(Arrays.copyOf(full.times(), i + 1), full.dt()), x, rows, dim, rngs, null, pool);
                float[] ref = Arrays.copyOfRange(traj, k * rows * dim, (k + 1) * rows * dim);
                assertThat(Golden.relativeError(x, ref)).as("state after step %d", i).isLessThan(1e-4);
            }
            float[] x = xT.clone();
            sampler.sample(score, full, x, rows, dim, rngs, null, pool);
            assertThat(Golden.relativeError(x, fin)).as("final sample").isLessThan(1e-4);
        }
    }
}
