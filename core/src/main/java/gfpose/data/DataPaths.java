package gfpose.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where shared, never-committed inputs live: the golden tensors and the Human3.6M folder. */
public final class DataPaths {
    private DataPaths() {}

    /** The shared folder: system property {@code gfpose.shared}, else {@code ../shared}. */
    public static Path shared() {
        String p = System.getProperty("gfpose.shared");
        return Path.of(p != null && !p.isBlank() ? p : "../shared").toAbsolutePath().normalize();
    }

    /** The golden reference archive, or null when it is absent (tests then skip). */
    public static Path golden() {
        Path g = shared().resolve("golden/scorenet_reference.npz");
        return Files.isRegularFile(g) ? g : null;
    }

    /**
     * The Human3.6M folder: the explicit option if given, else {@code GFPOSE_DATA}, else
     * {@code <shared>/data/h36m}.
     */
    public static Path h36m(String option) {
        if (option != null && !option.isBlank()) return Path.of(option);
        String env = System.getenv("GFPOSE_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return shared().resolve("data/h36m");
    }
}
