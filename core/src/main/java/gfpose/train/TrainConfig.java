package gfpose.train;

import gfpose.GfposeException;
import gfpose.nn.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a training run besides the data; the defaults are the reference's ([G] U3D config).
 * Stored in checkpoints, so a resumed run continues with the same settings.
 *
 * @param model      network shape
 * @param batch      samples per step (1000)
 * @param lr         peak Adam learning rate (2e-4)
 * @param warmup     linear warm-up steps from lr 0 (5000)
 * @param beta1      Adam β₁ (0.9)
 * @param beta2      Adam β₂ (0.999)
 * @param adamEps    Adam ε (1e-8)
 * @param clip       global gradient-norm limit (1.0; 0 = off)
 * @param emaRate    EMA rate (0.9999)
 * @param dropout    dropout probability (0.25)
 * @param maskPose   probability of masking the whole condition (0.1); maskPart per part, maskJoint per joint
 * @param cond3dProb probability of conditioning on the ground-truth 3-D pose (0.1)
 * @param gt2dProb   probability of a ground-truth instead of a detected 2-D condition (0: detections only)
 * @param flip       mirror condition and target together with probability ½
 * @param seed       seeds initialisation, data order and every per-sample draw
 * @param gt2dNoise  sigma (pixels, 1000-px image frame) of Gaussian noise added to a ground-truth 2-D condition, so that
 *                   GT conditions look like detections (0: none)
 * @param decayFrom  the learning rate falls linearly from its peak at step {@code decayFrom} to 0 at step {@code decayTo}
 *                   (a cool-down; 0 and 0: constant after the warm-up). Open-ended runs stay constant and add the
 *                   cool-down when resumed for their last stretch.
 * @param decayTo    end of the cool-down
 */
public record TrainConfig(ModelConfig model, int batch, float lr, int warmup, float beta1, float beta2, float adamEps,
                          float clip, float emaRate, float dropout, float maskPose, float maskPart, float maskJoint,
                          float cond3dProb, float gt2dProb, boolean flip, long seed, float gt2dNoise, long decayFrom,
                          long decayTo) {

    public TrainConfig {
        if (batch < 1) throw new GfposeException("train: batch must be >= 1, got " + batch);
        if (!(lr >= 0)) throw new GfposeException("train: lr must be >= 0, got " + lr);
        if (warmup < 0) throw new GfposeException("train: warm-up must be >= 0, got " + warmup);
        if (!(dropout >= 0 && dropout < 1)) throw new GfposeException("train: dropout must be in [0, 1), got " + dropout);
        if (!(clip >= 0)) throw new GfposeException("train: clip must be >= 0, got " + clip);
        if (!(emaRate >= 0 && emaRate < 1)) throw new GfposeException("train: EMA rate must be in [0, 1), got " + emaRate);
        prob("mask-pose", maskPose);
        prob("mask-part", maskPart);
        prob("mask-joint", maskJoint);
        prob("cond-3d-prob", cond3dProb);
        prob("gt2d-prob", gt2dProb);
        if (!(gt2dNoise >= 0 && gt2dNoise <= 1000)) throw new GfposeException("train: --gt2d-noise must be in [0, 1000] pixels, got " + gt2dNoise);
        if (decayFrom < 0 || decayTo < decayFrom || (decayTo == decayFrom && decayTo != 0)) {
            throw new GfposeException("train: the cool-down must satisfy 0 <= --decay-from < --decay-to, got " + decayFrom + " and " + decayTo);
        }
    }

    /** Learning rate of optimiser step {@code step} (0-based): linear warm-up, constant, then the optional cool-down. */
    public double lrAt(long step) {
        double f = warmup == 0 ? 1.0 : Math.min((double) step / warmup, 1.0);
        if (decayTo > 0 && step >= decayFrom) f *= Math.max(0.0, (double) (decayTo - step) / (decayTo - decayFrom));
        return lr * f;
    }

    private static void prob(String name, float p) {
        if (!(p >= 0 && p <= 1)) throw new GfposeException("train: --" + name + " must be in [0, 1], got " + p);
    }

    /** The reference settings for a model of this shape. */
    public static TrainConfig defaults(ModelConfig model) {
        return new TrainConfig(model, 1000, 2e-4f, 5000, 0.9f, 0.999f, 1e-8f, 1f, 0.9999f, 0.25f, 0.1f, 0.1f, 0.1f,
                0.1f, 0f, false, 0L, 0f, 0L, 0L);
    }

    public TrainConfig withModel(ModelConfig m) { return new TrainConfig(m, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withBatch(int b) { return new TrainConfig(model, b, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withLr(float v, int warm) { return new TrainConfig(model, batch, v, warm, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withSeed(long s) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, s, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withDropout(float p) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, p, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withMasking(float pose, float part, float joint) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, pose, part, joint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withConditions(float p3d, float pGt2d, boolean f) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, p3d, pGt2d, f, seed, gt2dNoise, decayFrom, decayTo); }

    public TrainConfig withAugmentation(float noisePx) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, noisePx, decayFrom, decayTo); }

    public TrainConfig withCooldown(long from, long to) { return new TrainConfig(model, batch, lr, warmup, beta1, beta2, adamEps, clip, emaRate, dropout, maskPose, maskPart, maskJoint, cond3dProb, gt2dProb, flip, seed, gt2dNoise, from, to); }

    /** String metadata for checkpoints (floats as exact hex). */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>(model.toMetadata());
        m.put("train.batch", Integer.toString(batch));
        m.put("train.lr", Float.toHexString(lr));
        m.put("train.warmup", Integer.toString(warmup));
        m.put("train.beta1", Float.toHexString(beta1));
        m.put("train.beta2", Float.toHexString(beta2));
        m.put("train.adam_eps", Float.toHexString(adamEps));
        m.put("train.clip", Float.toHexString(clip));
        m.put("train.ema_rate", Float.toHexString(emaRate));
        m.put("train.dropout", Float.toHexString(dropout));
        m.put("train.mask_pose", Float.toHexString(maskPose));
        m.put("train.mask_part", Float.toHexString(maskPart));
        m.put("train.mask_joint", Float.toHexString(maskJoint));
        m.put("train.cond_3d_prob", Float.toHexString(cond3dProb));
        m.put("train.gt2d_prob", Float.toHexString(gt2dProb));
        m.put("train.flip", Boolean.toString(flip));
        m.put("train.seed", Long.toString(seed));
        m.put("train.gt2d_noise", Float.toHexString(gt2dNoise));
        m.put("train.decay_from", Long.toString(decayFrom));
        m.put("train.decay_to", Long.toString(decayTo));
        return m;
    }

    /** Reads {@link #toMetadata()} back. */
    public static TrainConfig fromMetadata(Map<String, String> m, String where) {
        try {
            return new TrainConfig(ModelConfig.fromMetadata(m, where), Integer.parseInt(get(m, "train.batch", where)),
                    f(m, "train.lr", where), Integer.parseInt(get(m, "train.warmup", where)), f(m, "train.beta1", where),
                    f(m, "train.beta2", where), f(m, "train.adam_eps", where), f(m, "train.clip", where),
                    f(m, "train.ema_rate", where), f(m, "train.dropout", where), f(m, "train.mask_pose", where),
                    f(m, "train.mask_part", where), f(m, "train.mask_joint", where), f(m, "train.cond_3d_prob", where),
                    f(m, "train.gt2d_prob", where), Boolean.parseBoolean(get(m, "train.flip", where)),
                    Long.parseLong(get(m, "train.seed", where)),
                    // absent in checkpoints written before these settings existed: their runs had neither
                    Float.parseFloat(m.getOrDefault("train.gt2d_noise", "0")),
                    Long.parseLong(m.getOrDefault("train.decay_from", "0")), Long.parseLong(m.getOrDefault("train.decay_to", "0")));
        } catch (NumberFormatException e) {
            throw new GfposeException(where + ": bad training metadata (" + e.getMessage() + ")", e);
        }
    }

    static String get(Map<String, String> m, String key, String where) {
        String v = m.get(key);
        if (v == null) throw new GfposeException(where + ": not a training checkpoint (metadata '" + key + "' missing)");
        return v;
    }

    private static float f(Map<String, String> m, String key, String where) { return Float.parseFloat(get(m, key, where)); }
}
