import gfpose.ProgressListener;
import gfpose.data.H36mDataset;
import gfpose.data.Input2d;
import gfpose.data.Sample;
import gfpose.data.Split;
import gfpose.eval.EvalConfig;
import gfpose.eval.EvalResult;
import gfpose.eval.EvalTask;
import gfpose.eval.Evaluator;
import gfpose.eval.MissingJoints;
import gfpose.eval.Procrustes;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two probes of how the prior uses Stacked-Hourglass detections (docs/training-log.md, "What holds the SH figures
 * back"), one hypothesis with the default sampler, the spine masked as for SH:
 * <ul>
 * <li>{@code scale a,b,...}: detections with their error scaled, u, v = truth + a (detection − truth): how the error
 * grows with the detector's;</li>
 * <li>{@code mask t,u,...}: a second pass with every detected joint the first estimate puts more than t pixels from its
 * detection masked: whether re-estimating without the joints the prior disagrees with helps.</li>
 * </ul>
 * Run from the repository after {@code mvn -q -DskipTests package}:
 * {@code java --add-modules jdk.incubator.vector -cp cli/target/gfpose.jar docs/tools/DetectionProbe.java WEIGHTS DATA STRIDE scale|mask VALUES}
 * (always on the validation tail: choices are never made on S9/S11).
 */
public class DetectionProbe {
    static final int J = 17;

    public static void main(String[] args) {
        Path weights = Path.of(args[0]), data = Path.of(args[1]);
        int stride = Integer.parseInt(args[2]);
        boolean scale = args[3].equals("scale");
        try (H36mDataset d = H36mDataset.open(data); PosePrior prior = PosePrior.load(weights)) {
            List<Sample> items = new ArrayList<>();
            d.forEachSample(Split.VAL, stride, 0, items::add);
            int n = items.size();
            SampleOptions opt = SampleOptions.defaults();
            boolean[][] seen = new boolean[n][];
            for (int i = 0; i < n; i++) seen[i] = items.get(i).observed(Input2d.SH);
            float[][][] first = scale ? null : prior.estimate(detections(items, 1f), seen, ImageSize.GFPOSE, opt, 0);
            for (String value : args[4].split(",")) {
                float v = Float.parseFloat(value);
                float[][] uv = detections(items, scale ? v : 1f);
                boolean[][] obs = scale ? seen : agreeing(first, uv, seen, v);
                float[][][] est = prior.estimate(uv, obs, ImageSize.GFPOSE, opt, 0);
                EvalConfig cfg = new EvalConfig(Split.VAL, EvalTask.ESTIMATE, Input2d.SH, stride, 0, 128, MissingJoints.none(), 0, 0,
                        Procrustes.Variant.REFLECTION, new EvalConfig.ModelInfo(1, opt.steps(), "dpm2m", weights.toString(), null));
                // the evaluator scores the given estimates (its image error compares the real detections)
                EvalResult r = new Evaluator(cfg).run(items, (f, c, o) -> java.util.Arrays.copyOfRange(est, (int) f, (int) f + o.length / J),
                        ProgressListener.none());
                int masked = 0;
                for (int i = 0; i < n; i++) for (int j = 0; j < J; j++) if (seen[i][j] && !obs[i][j]) masked++;
                double[] far = farJoints(items, uv, seen, est);
                System.out.printf("%s %.2f: input 2-D error %.2f px, masked %.2f %% of detected joints, P1 %.1f, P2 %.1f, estimate 2-D error %.2f px;"
                        + " on the %d joints detected > 50 px off: input %.1f px, estimate %.1f px%n",
                        args[3], v, inputError(items, uv, seen), 100.0 * masked / (n * 16.0), r.mpjpe(), r.paMpjpe(),
                        r.metric("image_estimate").actionWise(), (int) far[0], far[1], far[2]);
            }
        }
    }

    /** u, v = truth + a · (detection − truth) on the detected joints, zero elsewhere. */
    static float[][] detections(List<Sample> items, float a) {
        float[][] uv = new float[items.size()][2 * J];
        for (int i = 0; i < uv.length; i++) {
            Sample s = items.get(i);
            float[] g = s.input2d(Input2d.GT), h = s.input2d(Input2d.SH);
            boolean[] o = s.observed(Input2d.SH);
            for (int k = 0; k < 2 * J; k++) uv[i][k] = o[k / 2] ? g[k] + a * (h[k] - g[k]) : 0f;
        }
        return uv;
    }

    /** The detected joints whose first estimate lies within t pixels of the detection. */
    static boolean[][] agreeing(float[][][] first, float[][] uv, boolean[][] seen, float t) {
        boolean[][] obs = new boolean[seen.length][J];
        for (int i = 0; i < seen.length; i++) {
            for (int j = 0; j < J; j++) {
                float[] e = first[i][0];
                obs[i][j] = seen[i][j] && Math.hypot(e[3 * j] - uv[i][2 * j], e[3 * j + 1] - uv[i][2 * j + 1]) <= t;
            }
        }
        return obs;
    }

    /** Count of detected joints more than 50 px from the truth, and their mean input and estimate errors (px). */
    static double[] farJoints(List<Sample> items, float[][] uv, boolean[][] seen, float[][][] est) {
        double in = 0, out = 0;
        int c = 0;
        for (int i = 0; i < uv.length; i++) {
            float[] g = items.get(i).input2d(Input2d.GT), e = est[i][0];
            for (int j = 0; j < J; j++) {
                double d = Math.hypot(uv[i][2 * j] - g[2 * j], uv[i][2 * j + 1] - g[2 * j + 1]);
                if (!seen[i][j] || d <= 50) continue;
                in += d;
                out += Math.hypot(e[3 * j] - g[2 * j], e[3 * j + 1] - g[2 * j + 1]);
                c++;
            }
        }
        return new double[] {c, c == 0 ? Double.NaN : in / c, c == 0 ? Double.NaN : out / c};
    }

    static double inputError(List<Sample> items, float[][] uv, boolean[][] seen) {
        double sum = 0;
        int c = 0;
        for (int i = 0; i < uv.length; i++) {
            float[] g = items.get(i).input2d(Input2d.GT);
            for (int j = 0; j < J; j++) if (seen[i][j]) { sum += Math.hypot(uv[i][2 * j] - g[2 * j], uv[i][2 * j + 1] - g[2 * j + 1]); c++; }
        }
        return sum / c;
    }
}
