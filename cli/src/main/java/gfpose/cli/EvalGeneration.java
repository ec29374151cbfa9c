package gfpose.cli;

import gfpose.data.H36mDataset;
import gfpose.data.Split;
import gfpose.eval.GenerationMetrics;
import gfpose.ProgressListener;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.PoseSpace;
import gfpose.task.SampleOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gfpose eval --task generate}: {@code --count} unconditional samples (or, as baselines, the sampler's starting
 * noise or training poses) measured by {@link GenerationMetrics} against the poses of the chosen split.
 */
final class EvalGeneration {
    private EvalGeneration() {}

    /** Stride over the training split for the mean bone lengths (about 14,600 poses). */
    private static final int BONE_STRIDE = 100;

    record Report(GenerationMetrics.Result result, String source, Split split, int stride, Map<String, Object> model) {
        Map<String, Object> toJson() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dataset", "Human3.6M (3d-pose-baseline release)");
            p.put("task", "generate");
            p.put("samples", source);
            p.put("reference", split.describe() + ", every " + stride + "-th item, camera frame");
            p.put("bone_lengths", "mean over every " + BONE_STRIDE + "-th item of the training split (S1 S5 S6 S7 S8)");
            p.putAll(model);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("protocol", p);
            doc.put("generation", result.toJson());
            return doc;
        }

        String markdown() {
            return GenerationMetrics.Result.header() + result.markdown(source)
                    + String.format(Locale.ROOT, "%nProtocol: poses root-relative and scaled to the training skeleton's total bone length; "
                    + "reference: %s, stride %d (%d poses); nearest = MPJPE without rotation alignment.%n", split.describe(), stride, result.references());
        }
    }

    /**
     * @param baseline null (the model), {@code noise} (the N(0, I) start of the reverse process) or {@code train}
     *                 (training poses, every few hundredth item)
     */
    static Report run(H36mDataset data, Split split, int stride, int count, int batch, String baseline, PosePrior prior,
                      SampleOptions opt, Map<String, Object> model, ProgressListener progress) {
        List<double[]> training = new ArrayList<>(), reference = new ArrayList<>();
        data.forEachSample(Split.TRAIN, BONE_STRIDE, 0, s -> training.add(s.cameraMm()));
        data.forEachSample(split, stride, 0, s -> reference.add(s.cameraMm()));
        GenerationMetrics metrics = new GenerationMetrics(training, reference);
        List<double[]> samples = new ArrayList<>(count);
        String source;
        PoseSpace space = new PoseSpace(ImageSize.GFPOSE);
        if ("noise".equals(baseline)) {
            source = "noise: N(0, I) in network space (the reverse process's start)";
            for (int i = 0; i < count; i++) {
                float[] x = new float[Skeleton.DIM];
                Rng.stream(opt.seed(), i).fillGaussian(x, 0, x.length);
                samples.add(toDouble(space.toImage(x)));
            }
        } else if ("train".equals(baseline)) {
            source = "training poses (fit split, evenly spaced)";
            int every = (int) Math.max(1, data.items(Split.FIT) / count);
            data.forEachSample(Split.FIT, every, count, s -> samples.add(toDouble(s.pose3d())));
        } else {
            source = "model";
            for (int first = 0; first < count; first += batch) {
                int n = Math.min(batch, count - first);
                for (float[][] pose : prior.generate(n, ImageSize.GFPOSE, opt.withHypotheses(1), first)) samples.add(toDouble(pose[0]));
                progress.update(first + n, count);
            }
        }
        return new Report(metrics.measure(samples), source, split, stride, model);
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }
}
