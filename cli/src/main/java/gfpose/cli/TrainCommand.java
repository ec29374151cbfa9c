package gfpose.cli;

import gfpose.GfposeException;
import gfpose.data.DataPaths;
import gfpose.data.Split;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import gfpose.train.H36mSource;
import gfpose.train.SyntheticSource;
import gfpose.train.TrainConfig;
import gfpose.train.Trainer;
import gfpose.train.TrainingRun;
import gfpose.train.TrainingSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gfpose train}: trains (or fine-tunes, or resumes) the GFPose prior on Human3.6M on the CPU. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the GFPose score network by denoising score matching (sub-VP SDE) on the Human3.6M",
                "training subjects (S1 S5 S6 S7 S8). Writes checkpoint.safetensors, ema.safetensors (the weights to",
                "use), live.safetensors (the current weights), train.csv and loss.svg into --out every --checkpoint-minutes",
                "and at the end. --holdout keeps the validation tail (eval --split val) out of training."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Human3.6M folder (default: GFPOSE_DATA or <shared>/data/h36m).")
    String data;

    @Option(names = "--synthetic", paramLabel = "N", description = "Train on N synthetic poses instead of Human3.6M (smoke tests).")
    Integer synthetic;

    @Option(names = "--stride", defaultValue = "1", description = "Use every STRIDE-th training item (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--holdout", description = "Hold the validation tail out of training (the last 10 %% of every sequence; evaluate on it with eval --split val).")
    boolean holdout;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Stop when N optimiser steps are done in total.")
    Long steps;

    @Option(names = "--minutes", paramLabel = "M", description = "Stop after M minutes of this invocation.")
    Double minutes;

    @Option(names = "--resume", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = {"Continue from a checkpoint (default: <out>/checkpoint.safetensors); settings come from it,",
                    "except the data mix and cool-down options given with it (a branch)."})
    String resume;

    @Option(names = "--init", paramLabel = "FILE", description = "Fine-tune: start from these weights (safetensors).")
    Path init;

    @Option(names = "--hidden", paramLabel = "N", description = "Hidden width (default 1024).") Integer hidden;
    @Option(names = "--embed", paramLabel = "N", description = "Time-embedding width (default 512).") Integer embed;
    @Option(names = "--blocks", paramLabel = "N", description = "Residual blocks (default 2).") Integer blocks;
    @Option(names = "--groups", paramLabel = "N", description = "GroupNorm groups (default 32).") Integer groups;

    @Option(names = "--batch", defaultValue = "1000", description = "Batch size (default: ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr", defaultValue = "2e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).") float lr;
    @Option(names = "--warmup", defaultValue = "5000", description = "Linear warm-up steps (default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--dropout", defaultValue = "0.25", description = "Dropout (default: ${DEFAULT-VALUE}).") float dropout;
    @Option(names = "--mask-pose", defaultValue = "0.1", description = "P(mask whole condition) (default: ${DEFAULT-VALUE}).") float maskPose;
    @Option(names = "--mask-part", defaultValue = "0.1", description = "P(mask a body part) (default: ${DEFAULT-VALUE}).") float maskPart;
    @Option(names = "--mask-joint", defaultValue = "0.1", description = "P(mask a joint) (default: ${DEFAULT-VALUE}).") float maskJoint;
    @Option(names = "--cond-3d-prob", defaultValue = "0.1", description = "P(3-D GT condition) (default: ${DEFAULT-VALUE}).") float cond3d;
    @Option(names = "--gt2d-prob", defaultValue = "0", description = "P(GT instead of detected 2-D) (default: ${DEFAULT-VALUE}).") float gt2d;
    @Option(names = "--gt2d-noise", paramLabel = "PX", defaultValue = "0", description = "Gaussian pixel noise on GT 2-D conditions (default: ${DEFAULT-VALUE}).") float gt2dNoise;
    @Option(names = "--decay-from", paramLabel = "STEP", defaultValue = "0", description = "Cool-down: the learning rate falls linearly from STEP ...") long decayFrom;
    @Option(names = "--decay-to", paramLabel = "STEP", defaultValue = "0", description = "... to 0 at STEP (default: no cool-down; may be given with --resume).") long decayTo;
    @Option(names = "--ema-rate", defaultValue = "0.9999", description = "EMA decay per step (default: ${DEFAULT-VALUE}).") float emaRate;
    @Option(names = "--flip", description = "Mirror condition and target together with probability 1/2.") boolean flip;
    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--threads", description = "Worker threads (default: all cores).") Integer threads;
    @Option(names = {"-q", "--quiet"}, description = "No progress line.") boolean quiet;

    @Option(names = "--checkpoint-minutes", defaultValue = "5", description = "Checkpoint interval (default: ${DEFAULT-VALUE}).") double ckptMinutes;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        // every option is checked before any file is read or created: bad values are usage errors (exit 2)
        int nThreads = validate();
        ModelConfig base = ModelConfig.GFPOSE;
        ModelConfig model = usage(() -> ModelConfig.of(hidden != null ? hidden : base.hidden(), embed != null ? embed : base.embed(),
                blocks != null ? blocks : base.blocks(), groups != null ? groups : base.groups()));
        TrainConfig fresh = resume != null ? null : usage(() -> new TrainConfig(model, batch, lr, warmup, 0.9f, 0.999f, 1e-8f, 1f,
                emaRate, dropout, maskPose, maskPart, maskJoint, cond3d, gt2d, flip, seed, gt2dNoise, decayFrom, decayTo));
        if (resume != null) {
            usage(() -> TrainConfig.defaults(model).withCooldown(decayFrom, decayTo).withMasking(maskPose, maskPart, maskJoint)
                    .withConditions(cond3d, gt2d, flip).withAugmentation(gt2dNoise));
            if (init != null) throw usageError("--init starts a new run; it cannot be combined with --resume");
        }
        TrainingRun.checkOutput(out); // created only once training starts, so a failure before leaves no folder
        boolean explicitModel = hidden != null || embed != null || blocks != null || groups != null;
        ScoreNet start = fresh != null && init != null ? ScoreNet.load(init) : null;
        if (start != null && explicitModel && !start.config().equals(model)) {
            throw new GfposeException(init + ": weights are " + start.config() + ", not the requested " + model);
        }
        TrainingSource source = source();
        Trainer trainer;
        if (resume != null) {
            Path ckpt = resume.isEmpty() ? out.resolve(TrainingRun.CHECKPOINT) : Path.of(resume);
            trainer = Trainer.resume(ckpt, source, nThreads, null, this::branch);
            checkExplicitModel(ckpt, trainer.config().model());
        } else if (start != null) {
            trainer = Trainer.fineTune(fresh.withModel(start.config()), start, source, nThreads);
        } else {
            trainer = Trainer.create(fresh, source, nThreads);
        }
        try (trainer) {
            ModelConfig m = trainer.config().model();
            System.err.println("train: hidden " + m.hidden() + ", embed " + m.embed() + ", blocks " + m.blocks() + ", groups "
                    + m.groups() + ", " + source.describe() + ", batch "
                    + trainer.config().batch() + ", " + nThreads + " threads, from step " + trainer.stepsDone());
            TrainingRun.run(trainer, out, steps == null ? 0 : steps, minutes == null ? 0 : minutes * 60, ckptMinutes * 60,
                    quiet ? null : System.err, Cli.terminal());
            System.err.println("train: step " + trainer.stepsDone() + "; EMA weights in " + out.resolve(TrainingRun.EMA));
        }
        return 0;
    }

    /** The settings of a resumed run: the checkpoint's, with the data mix and cool-down options given on this command line. */
    private TrainConfig branch(TrainConfig c) {
        same("--batch", batch, c.batch());
        same("--lr", lr, c.lr());
        same("--warmup", warmup, c.warmup());
        same("--dropout", dropout, c.dropout());
        same("--ema-rate", emaRate, c.emaRate());
        same("--seed", seed, c.seed());
        if (decayTo > 0) c = c.withCooldown(decayFrom, decayTo);
        c = c.withMasking(given("--mask-pose") ? maskPose : c.maskPose(), given("--mask-part") ? maskPart : c.maskPart(),
                given("--mask-joint") ? maskJoint : c.maskJoint());
        c = c.withConditions(given("--cond-3d-prob") ? cond3d : c.cond3dProb(), given("--gt2d-prob") ? gt2d : c.gt2dProb(),
                given("--flip") || c.flip());
        return given("--gt2d-noise") ? c.withAugmentation(gt2dNoise) : c;
    }

    /** A setting the optimiser state depends on may be repeated on resume, not changed. */
    private void same(String option, Object value, Object checkpoint) {
        if (given(option) && !value.equals(checkpoint)) {
            throw new GfposeException(option + " " + value + ": the checkpoint was trained with " + checkpoint + "; a resumed run"
                    + " may change only the data mix (--mask-*, --cond-3d-prob, --gt2d-prob, --gt2d-noise, --flip) and the cool-down");
        }
    }

    private boolean given(String option) { return spec.commandLine().getParseResult().hasMatchedOption(option); }

    /** Plain range checks; returns the thread count. */
    private int validate() {
        if (steps == null && minutes == null) throw usageError("give --steps or --minutes");
        if (steps != null && steps < 1) throw usageError("--steps must be >= 1, got " + steps);
        if (minutes != null && (!(minutes > 0) || minutes.isInfinite())) throw usageError("--minutes must be a positive number, got " + minutes);
        if (stride < 1) throw usageError("--stride must be >= 1, got " + stride);
        if (threads != null && threads < 1) throw usageError("--threads must be >= 1, got " + threads);
        if (synthetic != null && synthetic < 1) throw usageError("--synthetic must be >= 1, got " + synthetic);
        if (!(ckptMinutes > 0) || Double.isInfinite(ckptMinutes)) throw usageError("--checkpoint-minutes must be a positive number, got " + ckptMinutes);
        if (batch > 1_000_000) throw usageError("--batch must be at most 1000000, got " + batch);
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Runs a constructor whose GfposeException describes a bad option value, as a usage error. */
    private <T> T usage(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (GfposeException e) {
            throw usageError(e.getMessage().replaceFirst("^train: ", ""));
        }
    }

    private ParameterException usageError(String message) { return new ParameterException(spec.commandLine(), message); }

    /** On resume the checkpoint decides the model; a model option that contradicts it is an error. */
    private void checkExplicitModel(Path ckpt, ModelConfig m) {
        String bad = hidden != null && hidden != m.hidden() ? "--hidden " + hidden + " (checkpoint: " + m.hidden() + ")"
                : embed != null && embed != m.embed() ? "--embed " + embed + " (checkpoint: " + m.embed() + ")"
                : blocks != null && blocks != m.blocks() ? "--blocks " + blocks + " (checkpoint: " + m.blocks() + ")"
                : groups != null && groups != m.groups() ? "--groups " + groups + " (checkpoint: " + m.groups() + ")" : null;
        if (bad != null) throw new GfposeException(ckpt + ": checkpoint is for a different model size: " + bad);
    }

    private TrainingSource source() {
        if (synthetic != null) {
            return new SyntheticSource(synthetic, seed);
        }
        Path dir = DataPaths.h36m(data);
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new GfposeException("--data " + dir + ": Human3.6M folder not found or unreadable");
        }
        return H36mSource.load(dir, holdout ? Split.FIT : Split.TRAIN, stride);
    }
}
