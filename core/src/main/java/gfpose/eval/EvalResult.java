package gfpose.eval;

import gfpose.data.ImageFrame;
import gfpose.data.Sample;
import gfpose.io.AtomicFile;
import gfpose.io.Json;
import gfpose.skeleton.Skeleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The aggregated metrics of one evaluation run. Headline numbers are action-wise averages (mean of the
 * per-action means) of the per-pose minimum over hypotheses; frame-wise averages, means and medians over
 * hypotheses, per-action and per-joint values are kept alongside.
 */
public final class EvalResult {
    private final EvalConfig cfg;
    private final int hypotheses;
    private final Map<String, ActionAverage> m;
    private final double[] perJoint;
    private final long count;

    private EvalResult(EvalConfig cfg, int hypotheses, Map<String, ActionAverage> m, double[] perJoint, long count) {
        this.cfg = cfg;
        this.hypotheses = hypotheses;
        this.m = m;
        this.perJoint = perJoint;
        this.count = count;
    }

    /** Number of evaluated poses. */
    public long count() { return count; }

    /** Hypotheses per pose seen from the predictor. */
    public int hypotheses() { return hypotheses; }

    /** Action-wise protocol-1 MPJPE (GFPose: back-projected, no root alignment), min over hypotheses. */
    public double mpjpe() { return m.get("mpjpe_min").actionWise(); }

    /** Action-wise PA-MPJPE with the configured Procrustes variant, min over hypotheses (each aligned). */
    public double paMpjpe() { return m.get("pa_min").actionWise(); }

    /** Any accumulated metric by key (see {@link Builder#KEYS}). */
    public ActionAverage metric(String key) { return m.get(key); }

    /** Frame-wise mean error of each joint (mm) of the min-MPJPE hypothesis. */
    public double[] perJoint() { return perJoint.clone(); }

    /** The JSON document: {@code protocol} plus the metrics. */
    public Map<String, Object> toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("protocol", protocol());
        doc.put("count", count);
        doc.put("mpjpe_mm", r(mpjpe()));
        doc.put("pa_mpjpe_mm", r(paMpjpe()));
        Map<String, Object> hs = new LinkedHashMap<>();
        hs.put("mpjpe_mm", stats("mpjpe"));
        hs.put("pa_mpjpe_mm", stats("pa"));
        doc.put("hypothesis_stats", hs);
        Procrustes.Variant other = cfg.procrustes() == Procrustes.Variant.PROPER ? Procrustes.Variant.REFLECTION : Procrustes.Variant.PROPER;
        doc.put("pa_mpjpe_" + (other == Procrustes.Variant.PROPER ? "proper" : "reflection") + "_mm", r(m.get("pa_other_min").actionWise()));
        doc.put("mpjpe_root_relative_mm", r(m.get("rr_min").actionWise()));
        doc.put("n_mpjpe_mm", r(m.get("n_min").actionWise()));
        doc.put("pck150_percent", r(100 * m.get("pck").actionWise()));
        doc.put("auc_percent", r(100 * m.get("auc").actionWise()));
        Map<String, Object> fw = new LinkedHashMap<>();
        fw.put("mpjpe_mm", r(m.get("mpjpe_min").frameWise()));
        fw.put("pa_mpjpe_mm", r(m.get("pa_min").frameWise()));
        doc.put("frame_wise", fw);
        if (m.get("missing_min").count() > 0) {
            doc.put("missing_joints_mpjpe_mm", r(m.get("missing_min").actionWise()));
            doc.put("missing_joints_definition", "protocol-1 error over the joints the input lacked, per pose the best hypothesis for them, action-wise");
        }
        if (m.get("observed_min").count() > 0) doc.put("observed_joints_mpjpe_mm", r(m.get("observed_min").actionWise()));
        if (m.get("consensus").count() > 0) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("mpjpe_mm", r(m.get("consensus").actionWise()));
            c.put("pa_mpjpe_mm", r(m.get("consensus_pa").actionWise()));
            c.put("definition", "one pose per input: per joint the geometric median of the hypotheses (task.Consensus), action-wise");
            doc.put("consensus", c);
        }
        if (m.get("image_estimate").count() > 0) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("input_px", r(m.get("image_input").actionWise()));
            im.put("estimate_px", r(m.get("image_estimate").actionWise()));
            im.put("definition", IMAGE_ERROR);
            doc.put("image_error", im);
        }
        if (m.get("in_mpjpe").count() > 0) {
            doc.put("input_mpjpe_mm", r(m.get("in_mpjpe").actionWise()));
            doc.put("input_pa_mpjpe_mm", r(m.get("in_pa").actionWise()));
        }
        Map<String, Object> acts = new LinkedHashMap<>();
        Map<String, Double> p1 = m.get("mpjpe_min").perAction(), p2 = m.get("pa_min").perAction();
        m.get("mpjpe_min").counts().forEach((a, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", c);
            row.put("mpjpe_mm", r(p1.get(a)));
            row.put("pa_mpjpe_mm", r(p2.get(a)));
            acts.put(a, row);
        });
        doc.put("per_action", acts);
        Map<String, Object> joints = new LinkedHashMap<>();
        for (int j = 0; j < perJoint.length; j++) joints.put(Skeleton.name(j), r(perJoint[j]));
        doc.put("per_joint_mpjpe_mm", joints);
        return doc;
    }

    private Map<String, Object> stats(String prefix) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String k : new String[] {"min", "mean", "median"}) s.put(k, r(m.get(prefix + "_" + k).actionWise()));
        return s;
    }

    /** The five comparability facts plus the task and model description. */
    public Map<String, Object> protocol() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dataset", "Human3.6M (3d-pose-baseline release)");
        p.put("split", cfg.split().describe() + ", cameras 54138969 55011271 58860488 60457274");
        p.put("task", cfg.task().cliName());
        p.put("input_2d", inputLabel());
        p.put("stride", cfg.stride());
        p.put("stride_meaning", "every stride-th item of the (sequence, camera, frame) list, like GFPose --sample");
        p.put("limit", cfg.limit());
        p.put("joint_set", "h36m17");
        p.put("mpjpe", "protocol 1 as GFPose: image frame back-projected with GT root depth, ratio and intrinsics; no root alignment");
        p.put("procrustes", cfg.procrustes().label());
        p.put("aggregation", "action-wise (unweighted mean of the per-action means); frame-wise also given");
        p.put("hypotheses", cfg.model().hypotheses());
        p.put("hypothesis_aggregation", "per-pose minimum over hypotheses, each hypothesis aligned separately");
        p.put("steps", cfg.model().steps());
        p.put("sampler", cfg.model().sampler());
        p.put("weights", cfg.model().weights());
        p.put("weights_sha256", cfg.model().weightsSha256());
        p.put("missing", cfg.missing().describe());
        p.put("noise_px", cfg.noisePx());
        p.put("seed", cfg.seed());
        p.put("pck", "14 joints [1,2,3,4,5,6,8,10,11,12,13,14,15,16], root-relative, 150 mm; AUC over 0:5:150 mm");
        return p;
    }

    /** Writes {@link #toJson()} atomically, indented. */
    public void writeJson(Path file) { AtomicFile.writeString(file, Json.write(toJson(), 2) + "\n"); }

    /** A Markdown table (per action and average) with the protocol stated underneath. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| action | n | MPJPE (mm) | PA-MPJPE (mm) |\n|---|---:|---:|---:|\n");
        Map<String, Double> p1 = m.get("mpjpe_min").perAction(), p2 = m.get("pa_min").perAction();
        m.get("mpjpe_min").counts().forEach((a, c) -> b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", a, c, p1.get(a), p2.get(a))));
        b.append(String.format(Locale.ROOT, "| **average (action-wise)** | %d | **%.1f** | **%.1f** |%n", count, mpjpe(), paMpjpe()));
        b.append(String.format(Locale.ROOT, "| average (frame-wise) | %d | %.1f | %.1f |%n", count, m.get("mpjpe_min").frameWise(), m.get("pa_min").frameWise()));
        b.append(String.format(Locale.ROOT, "%nPCK@150: %.1f %%, AUC: %.1f %%%n", 100 * m.get("pck").actionWise(), 100 * m.get("auc").actionWise()));
        if (m.get("missing_min").count() > 0) {
            b.append(String.format(Locale.ROOT, "Missing joints (the input lacked them; %d poses): MPJPE %.1f mm; observed joints %.1f mm%n",
                    m.get("missing_min").count(), m.get("missing_min").actionWise(), m.get("observed_min").actionWise()));
        }
        if (m.get("consensus").count() > 0) {
            b.append(String.format(Locale.ROOT, "Consensus (per-joint geometric median of the %d hypotheses, one answer per pose): MPJPE %.1f mm, PA-MPJPE %.1f mm%n",
                    hypotheses, m.get("consensus").actionWise(), m.get("consensus_pa").actionWise()));
        }
        if (m.get("image_estimate").count() > 0) {
            b.append(String.format(Locale.ROOT, "2-D error (image pixels, against the projected ground truth): input %.1f over its observed joints, estimate %.1f%n",
                    m.get("image_input").actionWise(), m.get("image_estimate").actionWise()));
        }
        if (m.get("in_mpjpe").count() > 0) {
            b.append(String.format(Locale.ROOT, "Noisy input: MPJPE %.1f mm, PA-MPJPE %.1f mm%n", m.get("in_mpjpe").actionWise(), m.get("in_pa").actionWise()));
        }
        b.append(String.format(Locale.ROOT, "%nProtocol: task %s; 2-D input %s; stride %d; joint set h36m17; Procrustes %s; "
                + "min over %d hypotheses (sampler %s, %d steps); action-wise average.%n", cfg.task().cliName(), inputLabel(),
                cfg.stride(), cfg.procrustes().label(), hypotheses, cfg.model().sampler(), cfg.model().steps()));
        return b.toString();
    }

    private String inputLabel() {
        return switch (cfg.task()) {
            case ESTIMATE, COMPLETE2D -> cfg.input().label();
            case COMPLETE3D -> "none (the condition is the ground-truth 3-D pose, missing joints hidden)";
            case DENOISE -> "none (the condition is the ground-truth 3-D pose plus noise)";
            case GENERATE -> "none";
        };
    }

    private static final String IMAGE_ERROR = "mean distance in image pixels (GFPose's 1000 x 1000 frame) between 2-D joints and the "
            + "projected ground truth (no distortion, as the GT 2-D input): the 2-D input's over its observed joints, the per-pose best hypothesis's u, v over all joints; "
            + "action-wise. How far the prior moves an estimate from its detections towards the truth";

    /** Rounded to 0.001 for the JSON; NaN (nothing measured) becomes null. */
    private static Object r(double v) { return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0; }

    /** Accumulates per-pose results. Not thread-safe. */
    static final class Builder {
        static final String[] KEYS = {"mpjpe_min", "mpjpe_mean", "mpjpe_median", "pa_min", "pa_mean", "pa_median",
            "pa_other_min", "rr_min", "n_min", "pck", "auc", "in_mpjpe", "in_pa", "missing_min", "observed_min", "consensus", "consensus_pa",
            "image_input", "image_estimate"};
        private final EvalConfig cfg;
        private final Map<String, ActionAverage> m = new LinkedHashMap<>();
        private final double[] joints = new double[Skeleton.JOINTS];
        private long count;
        private int k = -1;

        Builder(EvalConfig cfg) {
            this.cfg = cfg;
            for (String key : KEYS) m.put(key, new ActionAverage());
        }

        /**
         * One pose: its hypotheses (image frame), for denoise the noisy input (image frame), and which joints the input
         * observed (null: not a conditional task), so that the error on the joints it lacked is reported apart.
         */
        void add(Sample s, float[][] hyps, float[] noisyInput, boolean[] observed) {
            if (k < 0) k = hyps.length;
            else if (k != hyps.length) throw new gfpose.GfposeException("predictor returned " + hyps.length + " hypotheses, earlier " + k);
            Procrustes.Variant v = cfg.procrustes();
            Procrustes.Variant other = v == Procrustes.Variant.PROPER ? Procrustes.Variant.REFLECTION : Procrustes.Variant.PROPER;
            double[] gt = s.cameraMm();
            int n = hyps.length;
            double[] p1 = new double[n], p2 = new double[n], p2o = new double[n], rr = new double[n], nm = new double[n];
            double[][] cams = new double[n][];
            for (int h = 0; h < n; h++) {
                cams[h] = ImageFrame.toCamera(hyps[h], 0, s.params());
                p1[h] = PoseMetrics.mpjpe(cams[h], gt);
                p2[h] = PoseMetrics.paMpjpe(cams[h], gt, v);
                p2o[h] = PoseMetrics.paMpjpe(cams[h], gt, other);
                rr[h] = PoseMetrics.mpjpeRootRelative(cams[h], gt);
                nm[h] = PoseMetrics.nMpjpe(cams[h], gt);
            }
            String a = s.action();
            HypothesisStats s1 = HypothesisStats.of(p1), s2 = HypothesisStats.of(p2);
            m.get("mpjpe_min").add(a, s1.min());
            m.get("mpjpe_mean").add(a, s1.mean());
            m.get("mpjpe_median").add(a, s1.median());
            m.get("pa_min").add(a, s2.min());
            m.get("pa_mean").add(a, s2.mean());
            m.get("pa_median").add(a, s2.median());
            m.get("pa_other_min").add(a, HypothesisStats.of(p2o).min());
            m.get("rr_min").add(a, HypothesisStats.of(rr).min());
            m.get("n_min").add(a, HypothesisStats.of(nm).min());
            // joint-level numbers use the hypothesis with the lowest protocol-1 error
            double[] best = cams[s1.argmin()];
            double[] e = PoseMetrics.perJoint(best, gt);
            for (int j = 0; j < e.length; j++) joints[j] += e[j];
            m.get("pck").add(a, PoseMetrics.pck(best, gt, PoseMetrics.PCK_THRESHOLD));
            m.get("auc").add(a, PoseMetrics.auc(best, gt));
            if (observed != null) {
                // per pose, the best hypothesis for each subset: what min-of-K means for the joints asked for
                double missing = Double.POSITIVE_INFINITY, seen = Double.POSITIVE_INFINITY;
                for (int h = 0; h < n; h++) {
                    double[] ej = PoseMetrics.perJoint(cams[h], gt);
                    missing = Math.min(missing, meanOver(ej, observed, false));
                    seen = Math.min(seen, meanOver(ej, observed, true));
                }
                if (!Double.isNaN(missing)) m.get("missing_min").add(a, missing);
                if (!Double.isNaN(seen)) m.get("observed_min").add(a, seen);
            }
            if (cfg.task() == EvalTask.ESTIMATE || cfg.task() == EvalTask.COMPLETE2D) {
                // in the image plane: how much of the 2-D input's error the estimate keeps
                float[] truth = s.gt2d(), in = s.input2d(cfg.input()), est = hyps[s1.argmin()];
                double ei = 0, ee = 0;
                int seen = 0;
                for (int j = 0; j < Skeleton.JOINTS; j++) {
                    double tu = truth[2 * j], tv = truth[2 * j + 1];
                    ee += Math.hypot(est[3 * j] - tu, est[3 * j + 1] - tv);
                    if (observed != null && observed[j]) { ei += Math.hypot(in[2 * j] - tu, in[2 * j + 1] - tv); seen++; }
                }
                if (seen > 0) m.get("image_input").add(a, ei / seen);
                m.get("image_estimate").add(a, ee / Skeleton.JOINTS);
            }
            if (n > 1) {
                // one answer per pose: what a user gets without the ground truth to pick the best hypothesis
                double[] c = ImageFrame.toCamera(gfpose.task.Consensus.of(hyps).pose(), 0, s.params());
                m.get("consensus").add(a, PoseMetrics.mpjpe(c, gt));
                m.get("consensus_pa").add(a, PoseMetrics.paMpjpe(c, gt, v));
            }
            if (noisyInput != null) {
                double[] in = ImageFrame.toCamera(noisyInput, 0, s.params());
                m.get("in_mpjpe").add(a, PoseMetrics.mpjpe(in, gt));
                m.get("in_pa").add(a, PoseMetrics.paMpjpe(in, gt, v));
            }
            count++;
        }

        /** Mean of e over the joints whose flag equals {@code which}; NaN when there are none. */
        private static double meanOver(double[] e, boolean[] flags, boolean which) {
            double sum = 0;
            int k = 0;
            for (int j = 0; j < e.length; j++) if (flags[j] == which) { sum += e[j]; k++; }
            return k == 0 ? Double.NaN : sum / k;
        }

        EvalResult build() {
            double[] pj = joints.clone();
            for (int j = 0; j < pj.length; j++) pj[j] = count == 0 ? Double.NaN : pj[j] / count;
            return new EvalResult(cfg, Math.max(k, 0), m, pj, count);
        }
    }
}
