package gfpose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import gfpose.skeleton.Skeleton;
import gfpose.task.DepthPrior;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepthPriorFileTest {
    @TempDir Path dir;

    static DepthPrior prior() {
        int J = Skeleton.JOINTS;
        float[][] w = new float[J][], m = new float[J][], s = new float[J][];
        for (int j = 0; j < J; j++) { w[j] = new float[] {0.25f, 0.75f}; m[j] = new float[] {-j * 0.1f, j * 0.3f}; s[j] = new float[] {0.5f, 1.25f + j}; }
        return new DepthPrior(w, m, s);
    }

    @Test
    void roundTripKeepsEveryValue() {
        Path f = dir.resolve("d.json");
        DepthPriorFile.write(f, prior(), Map.of("components", 2L));
        DepthPrior back = DepthPriorFile.read(f);
        assertThat(back.weight()).isDeepEqualTo(prior().weight());
        assertThat(back.mean()).isDeepEqualTo(prior().mean());
        assertThat(back.std()).isDeepEqualTo(prior().std());
    }

    @Test
    void badFilesNameTheFieldOrJoint() throws Exception {
        Path f = dir.resolve("d.json");
        DepthPriorFile.write(f, prior(), Map.of());
        String good = Files.readString(f);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, good.replace("\"l_knee\"", "\"left_knee\""));
        assertThatThrownBy(() -> DepthPriorFile.read(bad)).isInstanceOf(GfposeException.class).hasMessageContaining("joints.l_knee is missing");
        Files.writeString(bad, good.replace("gfpose-depth-prior", "something"));
        assertThatThrownBy(() -> DepthPriorFile.read(bad)).hasMessageContaining("not a depth prior");
        Files.writeString(bad, good.replaceFirst("\"std\": \\[0.5", "\"std\": [-0.5"));
        assertThatThrownBy(() -> DepthPriorFile.read(bad)).hasMessageStartingWith(bad + ": depth prior: joint pelvis, component 0");
        Files.writeString(bad, good.replaceFirst("\"mean\": \\[", "\"mean\": [\"x\", "));
        assertThatThrownBy(() -> DepthPriorFile.read(bad)).hasMessageContaining("joints.pelvis.mean[0] must be a number");
    }
}
