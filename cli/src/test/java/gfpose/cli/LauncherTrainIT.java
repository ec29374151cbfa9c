package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfpose train} through the real launcher: a few steps on synthetic data, and its output is a usable model. */
class LauncherTrainIT {
    @TempDir Path dir;

    static final String[] TINY = {"train", "--synthetic", "64", "--hidden", "32", "--embed", "16", "--groups", "4",
        "--blocks", "1", "--batch", "16", "--threads", "2", "--seed", "3"};

    private String[] with(String... extra) {
        String[] a = java.util.Arrays.copyOf(TINY, TINY.length + extra.length);
        System.arraycopy(extra, 0, a, TINY.length, extra.length);
        return a;
    }

    @Test
    void trainsAndWritesALoadableModelThenResumesToTheSameWeights() throws Exception {
        Path out = dir.resolve("run");
        Launcher.Result r = Launcher.run(dir, with("--steps", "4", "--out", out.toString()));
        assertThat(r.exit()).as(String.join("\n", r.stderr())).isZero();
        Path ema = out.resolve("ema.safetensors");
        assertThat(ema).exists();
        assertThat(out.resolve("train.csv")).exists();
        Launcher.Result info = Launcher.run(dir, "info", "--weights", ema.toString());
        assertThat(info.exit()).isZero();
        assertThat(info.stdout()).contains("hidden:      32", "blocks:      1");

        // Two steps, then resume to four: the EMA weights equal the straight four-step run byte for byte.
        Path half = dir.resolve("half");
        assertThat(Launcher.run(dir, with("--steps", "2", "--out", half.toString())).exit()).isZero();
        Launcher.Result resumed = Launcher.run(dir, with("--steps", "4", "--out", half.toString(), "--resume"));
        assertThat(resumed.exit()).as(String.join("\n", resumed.stderr())).isZero();
        assertThat(Files.readAllBytes(half.resolve("ema.safetensors"))).isEqualTo(Files.readAllBytes(ema));
    }

    @Test
    void resumingWithAnotherModelSizeIsOneClearLine() throws Exception {
        Path out = dir.resolve("run");
        assertThat(Launcher.run(dir, with("--steps", "1", "--out", out.toString())).exit()).isZero();
        String[] a = with("--steps", "2", "--out", out.toString(), "--resume");
        for (int i = 0; i < a.length; i++) if (a[i].equals("--hidden")) a[i + 1] = "64";
        Launcher.Result r = Launcher.run(dir, a);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).hasSize(1);
        assertThat(r.stderr().get(0)).startsWith("gfpose: ").doesNotContain("Exception");
    }

    @Test
    void aResumedBranchMayChangeTheDataMixButNotTheOptimiser() throws Exception {
        Path out = dir.resolve("run");
        assertThat(Launcher.run(dir, with("--steps", "1", "--out", out.toString())).exit()).isZero();
        Path ckpt = out.resolve("checkpoint.safetensors");
        Launcher.Result lr = Launcher.run(dir, with("--steps", "2", "--out", dir.resolve("b1").toString(), "--resume",
                ckpt.toString(), "--lr", "0.5"));
        assertThat(lr.exit()).isEqualTo(1);
        assertThat(lr.stderr()).hasSize(1);
        assertThat(lr.stderr().get(0)).startsWith("gfpose: --lr 0.5: the checkpoint was trained with");
        Path branch = dir.resolve("b2");
        Launcher.Result mix = Launcher.run(dir, with("--steps", "2", "--out", branch.toString(), "--resume",
                ckpt.toString(), "--gt2d-prob", "0.25", "--cond-3d-prob", "0.5"));
        assertThat(mix.exit()).as(String.join("\n", mix.stderr())).isZero();
        java.util.Map<String, String> meta = gfpose.io.Safetensors.read(branch.resolve("checkpoint.safetensors")).metadata();
        assertThat(meta).containsEntry("train.gt2d_prob", Float.toHexString(0.25f))
                .containsEntry("train.cond_3d_prob", Float.toHexString(0.5f))
                .containsEntry("train.lr", gfpose.io.Safetensors.read(ckpt).metadata().get("train.lr"));
    }
}
