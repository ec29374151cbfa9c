package gfpose.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.data.DataPaths;
import gfpose.nn.ScoreNet;
import gfpose.skeleton.Skeleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budgeted loop and its files, and the Human3.6M feed. */
class TrainRunTest {
    @Test
    void runWritesOutputsAndResumesWhereItStopped(@TempDir Path dir) throws Exception {
        SyntheticSource data = new SyntheticSource(50, 1);
        Path out = dir.resolve("run");
        try (Trainer t = Trainer.create(TrainerTest.busy(), data, 1)) {
            assertThat(TrainingRun.run(t, out, 4, 0, 1e9, null, false)).isEqualTo(4);
        }
        for (String f : List.of(TrainingRun.CHECKPOINT, TrainingRun.EMA, TrainingRun.CSV, TrainingRun.PLOT)) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(ScoreNet.load(out.resolve(TrainingRun.EMA)).config()).isEqualTo(TrainerTest.TINY);
        assertThat(Files.readString(out.resolve(TrainingRun.PLOT))).startsWith("<svg").contains("<polyline");
        // rows written after the checkpoint (a crash) are dropped on resume
        Files.writeString(out.resolve(TrainingRun.CSV), "5,1.0,0.0,1.0,1.0\n", java.nio.file.StandardOpenOption.APPEND);
        try (Trainer t = Trainer.resume(out.resolve(TrainingRun.CHECKPOINT), data, 1, null)) {
            TrainingRun.run(t, out, 6, 0, 1e9, null, false);
            assertThat(t.stepsDone()).isEqualTo(6);
        }
        List<String> csv = Files.readAllLines(out.resolve(TrainingRun.CSV));
        assertThat(csv.get(0)).isEqualTo(TrainLog.HEADER);
        assertThat(csv.stream().skip(1).map(l -> l.split(",")[0])).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(csv.get(5)).doesNotStartWith("5,1.0,");
    }

    @Test
    void theLogIsWrittenBeforeTheCheckpointSoNoRowBeforeItIsEverLost(@TempDir Path dir) throws Exception {
        SyntheticSource data = new SyntheticSource(50, 1);
        Path out = Files.createDirectories(dir.resolve("run"));
        Files.createDirectory(out.resolve(TrainingRun.CHECKPOINT)); // the checkpoint write fails, as a kill would cut it
        try (Trainer t = Trainer.create(TrainerTest.busy(), data, 1)) {
            assertThatThrownBy(() -> TrainingRun.run(t, out, 3, 0, 1e9, null, false)).isInstanceOf(GfposeException.class);
        }
        List<String> csv = Files.readAllLines(out.resolve(TrainingRun.CSV));
        assertThat(csv.stream().skip(1).map(l -> l.split(",")[0])).containsExactly("1", "2", "3");
    }

    @Test
    void outputThatIsAFileIsAOneLineError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> TrainingRun.prepareOutput(f)).isInstanceOf(GfposeException.class)
                .hasMessageContaining("not a folder").hasMessageNotContaining("\n");
    }

    @Test
    void h36mTrainingItemsComeFromTrainSubjectsOnly(@TempDir Path dir) {
        assertThatThrownBy(() -> H36mSource.load(dir.resolve("missing"), 1)).isInstanceOf(GfposeException.class);
        Path h36m = DataPaths.h36m(null);
        Assumptions.assumeTrue(Files.isRegularFile(h36m.resolve("poses3d.npz")), "Human3.6M absent");
        H36mSource s = H36mSource.load(h36m, 20000);
        assertThat(s.size()).isBetween(60, 90); // ~1.46M train items / 20000
        float[] pose = new float[51], det = new float[34], gt = new float[34];
        boolean[] obs = new boolean[17];
        for (int i = 0; i < s.size(); i++) {
            s.item(i, pose, det, gt, obs);
            assertThat(obs[Skeleton.SPINE]).isFalse();
            assertThat(pose[2]).isZero(); // root-relative depth
            for (int j = 0; j < 17; j++) assertThat(pose[3 * j]).isBetween(-200f, 1200f);
        }
    }
}
