package gfpose.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real Human3.6M folder for tests that read it: opened once per class, skipped when it is absent. */
public final class H36mFixture {
    private H36mFixture() {}

    /** The dataset at {@link DataPaths#h36m}, or null when the data are absent (close it in {@code @AfterAll}). */
    public static H36mDataset openIfPresent() {
        Path dir = DataPaths.h36m(null);
        return Files.isRegularFile(dir.resolve(H36mDataset.POSES)) ? H36mDataset.open(dir) : null;
    }

    /** Skips the calling test when {@link #openIfPresent()} found nothing. */
    public static void assumePresent(H36mDataset data) {
        Assumptions.assumeTrue(data != null, "Human3.6M data absent");
    }
}
