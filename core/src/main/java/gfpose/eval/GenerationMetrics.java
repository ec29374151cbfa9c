package gfpose.eval;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How plausible unconditional samples are, without a ground truth to compare with. Every pose (generated, training or
 * reference) is made root-relative and scaled so that its 16 bones add up to the training skeleton's total, so the
 * figures measure shape, not size or where the pose stands:
 * <ul>
 *   <li>bone error: mean over bones of |length − mean training length| (mm);</li>
 *   <li>symmetry: mean over the 6 left/right bone pairs of |left − right| (mm);</li>
 *   <li>nearest: distance (MPJPE, mm, no rotation alignment) to the closest reference pose, mean and median over
 *       samples: small means realistic, zero everywhere would mean copying.</li>
 * </ul>
 * Image-frame poses (u, v, z pixels) and camera poses (mm) are both accepted: after the scaling they are alike.
 */
public final class GenerationMetrics {
    private static final int J = Skeleton.JOINTS, D = Skeleton.DIM;
    private static final int[][] BONES = Skeleton.bones();

    private final double[] meanBones;
    private final double total;
    private final float[] reference; // normalised reference poses, D floats each
    private final int refCount;

    /**
     * @param training  poses whose mean bone lengths define the skeleton (camera mm)
     * @param reference the poses samples are compared with (camera mm), e.g. the test split
     */
    public GenerationMetrics(List<double[]> training, List<double[]> reference) {
        if (training.isEmpty() || reference.isEmpty()) throw new GfposeException("generation metrics need training and reference poses");
        meanBones = new double[BONES.length];
        for (double[] p : training) {
            double[] l = boneLengths(p);
            for (int b = 0; b < l.length; b++) meanBones[b] += l[b] / training.size();
        }
        total = Arrays.stream(meanBones).sum();
        refCount = reference.size();
        this.reference = new float[refCount * D];
        for (int i = 0; i < refCount; i++) {
            double[] n = normalise(reference.get(i));
            for (int k = 0; k < D; k++) this.reference[i * D + k] = (float) n[k];
        }
    }

    /** Mean training bone lengths (mm), child joints 1..16. */
    public double[] meanBones() { return meanBones.clone(); }

    /** The figures for a set of samples. */
    public Result measure(List<double[]> samples) {
        if (samples.isEmpty()) throw new GfposeException("no samples to measure");
        double bone = 0, sym = 0;
        double[] nearest = new double[samples.size()];
        int[] left = Skeleton.left(), right = Skeleton.right();
        for (int s = 0; s < samples.size(); s++) {
            double[] p = normalise(samples.get(s));
            double[] l = boneLengths(p);
            double e = 0;
            for (int b = 0; b < l.length; b++) e += Math.abs(l[b] - meanBones[b]);
            bone += e / l.length;
            double d = 0;
            for (int k = 0; k < left.length; k++) d += Math.abs(l[left[k] - 1] - l[right[k] - 1]);
            sym += d / left.length;
            nearest[s] = nearest(p);
        }
        double[] sorted = nearest.clone();
        Arrays.sort(sorted);
        int n = samples.size();
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Result(n, bone / n, sym / n, Arrays.stream(nearest).sum() / n, median, refCount);
    }

    /** Root-relative, scaled to the training skeleton's total bone length. */
    double[] normalise(double[] pose) {
        if (pose.length != D) throw new GfposeException("a pose has " + D + " values, got " + pose.length);
        double[] p = new double[D];
        for (int j = 0; j < J; j++) for (int a = 0; a < 3; a++) p[3 * j + a] = pose[3 * j + a] - pose[a];
        double len = Arrays.stream(boneLengths(p)).sum();
        double k = len > 0 ? total / len : 0;
        for (int i = 0; i < D; i++) p[i] *= k;
        return p;
    }

    private double nearest(double[] p) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < refCount; r++) {
            double sum = 0;
            int o = r * D;
            for (int j = 0; j < J; j++) {
                double dx = p[3 * j] - reference[o + 3 * j], dy = p[3 * j + 1] - reference[o + 3 * j + 1], dz = p[3 * j + 2] - reference[o + 3 * j + 2];
                sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            best = Math.min(best, sum / J);
        }
        return best;
    }

    static double[] boneLengths(double[] p) {
        double[] l = new double[BONES.length];
        for (int b = 0; b < BONES.length; b++) {
            int a = BONES[b][0], c = BONES[b][1];
            double dx = p[3 * c] - p[3 * a], dy = p[3 * c + 1] - p[3 * a + 1], dz = p[3 * c + 2] - p[3 * a + 2];
            l[b] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return l;
    }

    /** The figures of one set of samples. */
    public record Result(long count, double boneErrorMm, double symmetryMm, double nearestMm, double nearestMedianMm, int references) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("bone_length_error_mm", round(boneErrorMm));
            m.put("left_right_asymmetry_mm", round(symmetryMm));
            m.put("nearest_reference_mpjpe_mm", round(nearestMm));
            m.put("nearest_reference_mpjpe_median_mm", round(nearestMedianMm));
            m.put("references", references);
            m.put("definition", "poses root-relative and scaled to the training skeleton's total bone length; nearest: MPJPE without "
                    + "rotation alignment to the closest reference pose");
            return m;
        }

        public String markdown(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, count, boneErrorMm, symmetryMm, nearestMm, nearestMedianMm);
        }

        public static String header() {
            return "| samples | n | bone-length error (mm) | left/right asymmetry (mm) | nearest reference, mean (mm) | median (mm) |\n|---|---:|---:|---:|---:|---:|\n";
        }

        private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
    }
}
