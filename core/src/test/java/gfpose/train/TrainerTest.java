package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.nn.ModelConfig;
import gfpose.nn.ScoreNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final ModelConfig TINY = ModelConfig.of(32, 16, 1, 4);

    /** Every path on: dropout, masking, 3-D and GT-2-D conditions, flips; a data set smaller than two batches. */
    static TrainConfig busy() {
        return TrainConfig.defaults(TINY).withBatch(24).withLr(1e-3f, 2).withSeed(5).withConditions(0.3f, 0.3f, true);
    }

    static void assertSameParameters(Map<String, float[]> a, Map<String, float[]> b) {
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String k : a.keySet()) assertThat(b.get(k)).as(k).isEqualTo(a.get(k));
    }

    @Test
    void lossGoesClearlyDown() {
        TrainConfig cfg = TrainConfig.defaults(TINY).withBatch(64).withLr(3e-3f, 0).withSeed(1);
        try (Trainer t = Trainer.create(cfg, new SyntheticSource(4000, 3), 2)) {
            double first = 0, last = 0;
            int steps = 800, window = 50;
            for (int i = 0; i < steps; i++) {
                double l = t.step().loss();
                if (i < window) first += l / window;
                if (i >= steps - window) last += l / window;
            }
            // 25.5 = ½·51 is what predicting zero earns; a tiny net with dropout and masking plateaus near 18.5 here
            assertThat(last).as("first %.3f last %.3f", first, last).isLessThan(0.75 * first).isLessThan(20.0);
        }
    }

    @Test
    void resumeFromCheckpointIsBitIdentical(@TempDir Path dir) {
        SyntheticSource data = new SyntheticSource(40, 9);
        Map<String, float[]> straight, emaStraight;
        try (Trainer t = Trainer.create(busy(), data, 1)) {
            for (int i = 0; i < 6; i++) t.step();
            straight = t.parameters();
            emaStraight = t.emaNetwork().parameters();
        }
        Path ckpt = dir.resolve("ckpt.safetensors");
        try (Trainer t = Trainer.create(busy(), data, 1)) {
            for (int i = 0; i < 3; i++) t.step();
            t.saveCheckpoint(ckpt);
        }
        try (Trainer t = Trainer.resume(ckpt, data, 1, TINY)) {
            assertThat(t.stepsDone()).isEqualTo(3);
            for (int i = 0; i < 3; i++) t.step();
            assertSameParameters(straight, t.parameters());
            assertSameParameters(emaStraight, t.emaNetwork().parameters());
        }
    }

    @Test
    void threadCountDoesNotChangeTraining() {
        SyntheticSource data = new SyntheticSource(100, 2);
        Map<String, float[]> one, two;
        try (Trainer t = Trainer.create(busy(), data, 1)) { for (int i = 0; i < 3; i++) t.step(); one = t.parameters(); }
        try (Trainer t = Trainer.create(busy(), data, 2)) { for (int i = 0; i < 3; i++) t.step(); two = t.parameters(); }
        assertSameParameters(one, two);
    }

    @Test
    void emaWeightsLoadAsAScoreNet(@TempDir Path dir) {
        try (Trainer t = Trainer.create(busy(), new SyntheticSource(30, 1), 1)) {
            t.step();
            Path f = dir.resolve("ema.safetensors");
            t.saveEma(f);
            ScoreNet n = ScoreNet.load(f);
            assertThat(n.config()).isEqualTo(TINY);
            assertSameParameters(t.emaNetwork().parameters(), n.parameters());
        }
    }

    @Test
    void wrongModelSizeAndBadPathsFailClearly(@TempDir Path dir) throws Exception {
        SyntheticSource data = new SyntheticSource(30, 1);
        Path ckpt = dir.resolve("ckpt.safetensors");
        try (Trainer t = Trainer.create(busy(), data, 1)) {
            t.step();
            t.saveCheckpoint(ckpt);
            byte[] good = Files.readAllBytes(ckpt);
            Path file = dir.resolve("plain");
            Files.writeString(file, "x");
            assertThatThrownBy(() -> t.saveCheckpoint(file.resolve("ckpt.safetensors")))
                    .isInstanceOf(GfposeException.class).hasMessageNotContaining("\n");
            t.step();
            assertThat(Files.readAllBytes(ckpt)).isEqualTo(good);
        }
        assertThatThrownBy(() -> Trainer.resume(ckpt, data, 1, ModelConfig.of(64, 16, 1, 4)))
                .isInstanceOf(GfposeException.class).hasMessageContaining("differs");
        assertThatThrownBy(() -> Trainer.resume(dir.resolve("none"), data, 1, null)).isInstanceOf(GfposeException.class);
        assertThatThrownBy(() -> Trainer.resume(ckpt, new SyntheticSource(31, 1), 1, null))
                .isInstanceOf(GfposeException.class).hasMessageContaining("items");
    }

    @Test
    void warmUpStartsFromZeroAndClipsTheGlobalNorm() {
        TrainConfig cfg = TrainConfig.defaults(TINY).withBatch(8).withSeed(3);
        try (Trainer t = Trainer.create(cfg, new SyntheticSource(30, 1), 1)) {
            Map<String, float[]> before = t.parameters();
            StepStats s = t.step();
            assertThat(s.lr()).isZero();
            assertSameParameters(before, t.parameters()); // lr 0: Adam moves nothing
            assertThat(t.step().lr()).isEqualTo((double) 2e-4f / 5000);
        }
        float[][] g = {{3f, 4f}, {12f}};
        assertThat(Trainer.globalNorm(g)).isEqualTo(13.0);
    }

    @Test
    void coolDownFallsLinearlyToZeroAndCanBeAddedOnResume(@TempDir Path dir) {
        TrainConfig cfg = TrainConfig.defaults(TINY).withLr(1e-3f, 4).withCooldown(10, 20);
        assertThat(cfg.lrAt(0)).isZero();
        assertThat(cfg.lrAt(2)).isCloseTo(0.5e-3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cfg.lrAt(9)).isEqualTo((double) 1e-3f);
        assertThat(cfg.lrAt(15)).isCloseTo(0.5e-3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cfg.lrAt(20)).isZero();
        assertThat(cfg.lrAt(25)).isZero();
        assertThat(TrainConfig.fromMetadata(cfg.withAugmentation(6f).toMetadata(), "x")).isEqualTo(cfg.withAugmentation(6f));
        assertThatThrownBy(() -> cfg.withCooldown(20, 10)).isInstanceOf(GfposeException.class).hasMessageContaining("cool-down");
        // a checkpoint written before these settings existed reads as "none"
        Map<String, String> old = new java.util.HashMap<>(TrainConfig.defaults(TINY).toMetadata());
        old.keySet().removeAll(java.util.List.of("train.gt2d_noise", "train.decay_from", "train.decay_to"));
        assertThat(TrainConfig.fromMetadata(old, "old")).isEqualTo(TrainConfig.defaults(TINY));

        SyntheticSource data = new SyntheticSource(40, 9);
        Path ckpt = dir.resolve("ckpt.safetensors");
        try (Trainer t = Trainer.create(busy(), data, 1)) {
            for (int i = 0; i < 3; i++) t.step();
            t.saveCheckpoint(ckpt);
        }
        try (Trainer t = Trainer.resume(ckpt, data, 1, TINY, 3, 7)) {
            assertThat(t.config().decayTo()).isEqualTo(7);
            assertThat(t.step().lr()).isEqualTo((double) 1e-3f); // step index 3: the cool-down starts at its peak
            assertThat(t.step().lr()).isCloseTo(0.75e-3, org.assertj.core.data.Offset.offset(1e-9));
        }
        try (Trainer t = Trainer.resume(ckpt, data, 1, TINY)) {
            assertThat(t.config()).isEqualTo(busy()); // no cool-down given: the checkpoint's settings
        }
    }

    /** A branch may change the data mix (a new draw of conditions from the same weights and optimiser), nothing else. */
    @Test
    void resumedBranchMayChangeTheDataMixOnly(@TempDir Path dir) {
        SyntheticSource data = new SyntheticSource(40, 9);
        Path ckpt = dir.resolve("ckpt.safetensors");
        double same, branched;
        try (Trainer t = Trainer.create(busy(), data, 1)) {
            for (int i = 0; i < 3; i++) t.step();
            t.saveCheckpoint(ckpt);
        }
        try (Trainer t = Trainer.resume(ckpt, data, 1, TINY, c -> c)) {
            same = t.step().loss();
        }
        try (Trainer t = Trainer.resume(ckpt, data, 1, TINY,
                c -> c.withConditions(0.9f, 0.2f, c.flip()).withMasking(0.3f, 0.2f, 0.4f).withAugmentation(3f))) {
            assertThat(t.config().cond3dProb()).isEqualTo(0.9f);
            assertThat(t.config().gt2dProb()).isEqualTo(0.2f);
            assertThat(t.config().maskJoint()).isEqualTo(0.4f);
            assertThat(t.stepsDone()).isEqualTo(3);
            branched = t.step().loss();
        }
        assertThat(branched).as("other conditions, other loss").isNotEqualTo(same);
        assertThatThrownBy(() -> Trainer.resume(ckpt, data, 1, TINY, c -> c.withLr(2e-3f, c.warmup())))
                .isInstanceOf(GfposeException.class).hasMessageContaining("only the cool-down and the data mix");
        assertThatThrownBy(() -> Trainer.resume(ckpt, data, 1, TINY, c -> c.withDropout(0.5f)))
                .isInstanceOf(GfposeException.class);
    }
}
