package gfpose.cli;

import gfpose.GfposeException;
import gfpose.data.H36mDataset;
import gfpose.data.Input2d;
import gfpose.data.Split;
import gfpose.eval.Baselines;
import gfpose.eval.EvalConfig;
import gfpose.eval.EvalResult;
import gfpose.eval.Evaluator;
import gfpose.eval.MissingJoints;
import gfpose.eval.PoseModel;
import gfpose.eval.Procrustes;
import gfpose.ProgressListener;
import gfpose.eval.EvalTask;
import gfpose.io.AtomicFile;
import gfpose.io.Json;
import gfpose.kernel.ThreadPool;
import gfpose.skeleton.Skeleton;
import gfpose.task.ImageSize;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gfpose eval}: runs a task (or a network-free baseline) over the Human3.6M test split, prints a Markdown
 * table on stdout and writes the JSON report with its protocol to {@code --out}. Everything that can be checked is
 * checked before the first pose is sampled, and the report is written only once the run has succeeded.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a task on the Human3.6M test split (S9, S11; S11 Directions excluded).",
            "Prints a Markdown table; --out writes the JSON report (protocol, MPJPE, PA-MPJPE per action and joint).",
            "The headline is the per-pose minimum over --hypotheses; --task denoise samples deterministically unless --sampler is given.",
            "Figures depend only on --seed and the data, not on --threads or --batch."})
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "estimate",
            description = "estimate, complete2d, complete3d, denoise or generate. Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--split", paramLabel = "test|val", defaultValue = "test",
            description = "Items: test (S9, S11) or val (the last 10 %% of every training sequence, held out by train --holdout; for choosing recipes and samplers). Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--input", paramLabel = "gt|sh", defaultValue = "sh",
            description = "2-D input: gt (ground truth projected through the cameras) or sh (Stacked-Hourglass detections). Default: ${DEFAULT-VALUE}.")
    String input;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Human3.6M folder. Default: GFPOSE_DATA, else ../shared/data/h36m beside the install directory.")
    String data;

    @Option(names = "--stride", paramLabel = "N", defaultValue = "64",
            description = "Keep every N-th test item (640 reproduces GFPose's README). Default: ${DEFAULT-VALUE}.")
    int stride;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Stop after N items, for a quick look (0 = all). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--missing", paramLabel = "SPEC",
            description = "Hidden joints for complete2d/complete3d: a joint list (names or indices) or random:K over the 8 limb joints.")
    String missing;

    @Option(names = "--noise", paramLabel = "PX", defaultValue = "5",
            description = "Gaussian noise sigma (image-frame pixels) added for denoise. Default: ${DEFAULT-VALUE} (GFPose --std 5).")
    double noise;

    @Option(names = "--t0", paramLabel = "T",
            description = "Denoise: diffusion time the noisy pose starts at. Default: where the diffusion's noise matches --noise (GFPose: 0.05, the default with --gfpose-dt).")
    Double t0;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000",
            description = "generate: number of samples measured (bone lengths, symmetry, nearest reference pose). Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--procrustes", paramLabel = "proper|reflect", defaultValue = "reflect",
            description = "PA-MPJPE alignment: proper (det=+1, community standard) or reflect (GFPose's). Default: ${DEFAULT-VALUE}.")
    String procrustes;

    @Mixin WeightsOption weights;

    @Mixin SamplingOptions sampling;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128",
            description = "Poses per sampler call (x hypotheses rows per network call). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--baseline", paramLabel = "gt|flat|nearest",
            description = "No model: gt (ground truth as prediction, must score 0), flat (the 2-D input with zero depth), nearest (the mean of the --neighbours training poses closest on the observed joints, from every 2nd item of the fit split; estimate, complete2d, complete3d); for --task generate: noise or train.")
    String baseline;

    @Option(names = "--neighbours", paramLabel = "K", defaultValue = "20",
            description = "--baseline nearest: training poses averaged. Default: ${DEFAULT-VALUE}.")
    int neighbours;

    @Option(names = "--detection-error", description = "No model: pixel error of the SH detections against the projected ground truth.")
    boolean detectionError;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "JSON report, written only when the run succeeds.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        validate();
        Input2d in = Input2d.parse(input);
        Procrustes.Variant variant = parseVariant(procrustes);
        EvalTask t = EvalTask.parse(task);
        MissingJoints miss = MissingJoints.parse(missing);
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new GfposeException(out + ": the folder " + out.toAbsolutePath().getParent() + " does not exist");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (detectionError) {
            try (H36mDataset d = EvalData.open(EvalData.resolve(data), true)) {
                EvalDetection.Report r = EvalDetection.run(d, stride, limit);
                stdout.print(r.markdown());
                if (out != null) AtomicFile.writeString(out, Json.write(r.toJson(), 2) + "\n");
            }
            return 0;
        }
        if (t == EvalTask.GENERATE) return generation(stdout);
        if ("gt".equals(baseline)) { // the complete3d condition without missing joints is the GT pose itself
            t = EvalTask.COMPLETE3D;
            miss = MissingJoints.none();
            in = Input2d.GT;
        }
        if ("flat".equals(baseline) && t != EvalTask.ESTIMATE) throw usage("--baseline flat lifts the 2-D input: use it with --task estimate");
        if ("nearest".equals(baseline) && t == EvalTask.DENOISE) throw usage("--baseline nearest fills missing joints: use it with estimate, complete2d or complete3d");
        Path dir = EvalData.resolve(data);
        Path w = baseline == null ? weights.resolve() : null;
        boolean needDet = in == Input2d.SH && (t == EvalTask.ESTIMATE || t == EvalTask.COMPLETE2D);
        Split sp = parseSplit(split);
        try (H36mDataset d = EvalData.open(dir, sp, needDet)) {
            // GFPose denoises with the deterministic sampler whatever the hypothesis count
            SampleOptions opt = t == EvalTask.ESTIMATE || t == EvalTask.COMPLETE2D ? sampling.estimationOptions() : sampling.sampleOptions(1.0, t == EvalTask.DENOISE);
            if (t == EvalTask.DENOISE) {
                opt = opt.withTStart(sampling.denoiseStart(t0, noise, ImageSize.GFPOSE));
            }
            EvalConfig.ModelInfo model = baseline != null
                    ? new EvalConfig.ModelInfo(1, 0, "none", "none (baseline " + baseline + ")", null)
                    : new EvalConfig.ModelInfo(opt.hypotheses(), opt.steps(), sampling.samplerName(opt), w.toString(), WeightsOption.sha256(w));
            EvalConfig cfg = new EvalConfig(sp, t, in, stride, limit, batch, miss, t == EvalTask.DENOISE ? noise : 0, opt.seed(), variant, model);
            EvalResult result;
            try (PosePrior prior = w == null ? null : sampling.open(w);
                 ThreadPool pool = "nearest".equals(baseline) ? new ThreadPool(opt.threads()) : null) {
                PoseModel p = prior != null ? new PriorPoseModel(t, prior, opt)
                        : "gt".equals(baseline) ? Baselines.identity()
                        : "flat".equals(baseline) ? Baselines.flat()
                        : Baselines.nearest(library(d), neighbours, t == EvalTask.COMPLETE3D, pool);
                result = new Evaluator(cfg).run(d, p, progress());
            }
            if (result.count() == 0) throw new GfposeException("no " + sp.name().toLowerCase(Locale.ROOT) + " items selected (--stride " + stride + ", --limit " + limit + ")");
            Map<String, Object> doc = result.toJson();
            @SuppressWarnings("unchecked") Map<String, Object> protocol = (Map<String, Object>) doc.get("protocol");
            protocol.put("baseline", baseline == null ? "none" : baseline);
            if ("nearest".equals(baseline)) protocol.put("neighbours", neighbours);
            protocol.put("data", d.dir().toAbsolutePath().normalize().toString());
            if (baseline == null) {
                protocol.put("batch", batch);
                if (t == EvalTask.DENOISE) protocol.put("t0", opt.tStart());
                if (opt.tStart() < 1 && t != EvalTask.DENOISE) protocol.put("informed_start", opt.tStart());
                if (sampling.startDepth != null) protocol.put("start_depth", sampling.startDepth.toString());
                if (opt.sampler().solver()) protocol.put("spacing", Cli.lower(opt.spacing()));
            }
            stdout.print(result.markdown());
            stdout.flush();
            if (out != null) AtomicFile.writeString(out, Json.write(doc, 2) + "\n");
        }
        return 0;
    }

    /** Range checks on plain numbers: usage errors (exit 2), reported before any file is opened. */
    private void validate() {
        if (stride < 1) throw usage("--stride must be at least 1, got " + stride);
        if (limit < 0) throw usage("--limit must be >= 0, got " + limit);
        if (batch < 1) throw usage("--batch must be at least 1, got " + batch);
        sampling.validate();
        if (!(noise >= 0) || Double.isInfinite(noise)) throw usage("--noise must be a finite number >= 0, got " + noise);
        if (t0 != null && (!(t0 > 1e-3) || t0 > 1)) throw usage("--t0 must be in (0.001, 1], got " + t0);
        boolean gen = EvalTask.parse(task) == EvalTask.GENERATE;
        if (baseline != null && !(gen ? List.of("noise", "train") : List.of("gt", "flat", "nearest")).contains(baseline)) {
            throw usage("--baseline: expected " + (gen ? "noise or train (with --task generate)" : "gt, flat or nearest") + ", got '" + baseline + "'");
        }
        if (neighbours < 1) throw usage("--neighbours must be at least 1, got " + neighbours);
        if (count < 1) throw usage("--count must be at least 1, got " + count);
        if (baseline != null && detectionError) throw usage("--baseline and --detection-error are separate runs; give one");
    }

    /** The nearest-neighbour baseline's library: the image-frame poses of every 2nd item of the fit split. */
    private static float[] library(H36mDataset d) {
        float[] lib = new float[Math.toIntExact((d.items(Split.FIT) + 1) / 2 * Skeleton.DIM)];
        int[] n = {0};
        d.forEachSample(Split.FIT, 2, 0, s -> {
            System.arraycopy(s.pose3d(), 0, lib, n[0], Skeleton.DIM);
            n[0] += Skeleton.DIM;
        });
        return lib;
    }

    /** {@code --task generate}: plausibility of unconditional samples against the split's poses. */
    private int generation(PrintWriter stdout) {
        Path w = baseline == null ? weights.resolve() : null;
        Split sp = parseSplit(split);
        SampleOptions opt = sampling.sampleOptions(1.0, false);
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        if (w != null) {
            model.put("steps", opt.steps());
            model.put("sampler", sampling.samplerName(opt));
            model.put("weights", w.toString());
            model.put("weights_sha256", WeightsOption.sha256(w));
        }
        model.put("seed", opt.seed());
        try (H36mDataset d = EvalData.open(EvalData.resolve(data), sp, false);
             PosePrior prior = w == null ? null : sampling.open(w)) {
            EvalGeneration.Report r = EvalGeneration.run(d, sp, stride, count, batch, baseline, prior, opt, model, progress());
            stdout.print(r.markdown());
            stdout.flush();
            if (out != null) AtomicFile.writeString(out, Json.write(r.toJson(), 2) + "\n");
        }
        return 0;
    }

    /** test or val: the other splits hold training items. */
    private Split parseSplit(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "test" -> Split.TEST;
            case "val" -> Split.VAL;
            default -> throw usage("--split: expected test or val, got '" + s + "'");
        };
    }

    static Procrustes.Variant parseVariant(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "proper" -> Procrustes.Variant.PROPER;
            case "reflect", "reflection" -> Procrustes.Variant.REFLECTION;
            default -> throw new GfposeException("--procrustes: expected proper or reflect, got '" + s + "'");
        };
    }

    /** The bar on the command's stderr. */
    private ProgressListener progress() {
        return quiet ? ProgressListener.none() : Cli.progressBar(spec.commandLine().getErr(), "eval", Cli.terminal());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
