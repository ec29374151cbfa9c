package gfpose.cli;

import gfpose.GfposeException;
import gfpose.data.DataPaths;
import gfpose.data.H36mActions;
import gfpose.data.H36mCamera;
import gfpose.data.H36mDataset;
import gfpose.data.Npy;
import gfpose.data.Sequence;
import gfpose.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and opens the Human3.6M folder for {@code gfpose eval} and checks, before any work starts, that the test
 * split is complete: a gap found mid-run would otherwise surface after minutes, next to a half-drawn progress bar.
 */
final class EvalData {
    private EvalData() {}

    /**
     * The folder: {@code --data}, else {@code GFPOSE_DATA}, else {@code -Dgfpose.shared}, else {@code ../shared}
     * beside the install directory (the launcher's {@code -Dgfpose.home}), else {@code ../shared} from the
     * working directory.
     */
    static Path resolve(String option) {
        boolean implicit = (option == null || option.isBlank()) && blank(System.getenv("GFPOSE_DATA"))
                && blank(System.getProperty("gfpose.shared"));
        String home = System.getProperty("gfpose.home");
        if (implicit && !blank(home)) return Path.of(home).resolve("../shared/data/h36m").normalize();
        return DataPaths.h36m(option);
    }

    /** Opens the folder and validates the test split; closes it again if the validation fails. */
    static H36mDataset open(Path dir, boolean needDetections) { return open(dir, Split.TEST, needDetections); }

    /** Opens the folder and validates a split; closes it again if the validation fails. */
    static H36mDataset open(Path dir, Split split, boolean needDetections) {
        H36mDataset data = H36mDataset.open(dir);
        try {
            check(data, split, needDetections);
            return data;
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    private static void check(H36mDataset data, Split split, boolean needDetections) {
        List<Sequence> test = data.sequences(split);
        Path poses = data.dir().resolve(H36mDataset.POSES);
        // the headline figure is the mean of 15 action means: a missing action would change its meaning
        for (String action : H36mActions.NAMES) {
            if (test.stream().noneMatch(s -> s.action().equals(action))) {
                throw new GfposeException(poses + ": no test sequence (S9, S11) of action " + action);
            }
        }
        for (Sequence s : test) for (String id : H36mCamera.IDS) data.camera(s.subject(), id);
        if (!needDetections) return;
        Path det = data.dir().resolve(H36mDataset.DETECTIONS);
        try (Npy.Archive a = Npy.openArchive(det)) {
            for (Sequence s : test) {
                for (String id : H36mCamera.IDS) {
                    String key = s.key() + "/" + id;
                    if (!a.contains(key)) throw new GfposeException(det + ": no detections '" + key + "' (needed by --input sh)");
                }
            }
        } catch (IOException e) {
            throw new GfposeException(e.getMessage(), e);
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
