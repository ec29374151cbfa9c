package gfpose.cli;

import gfpose.GfposeException;
import gfpose.data.DataPaths;
import gfpose.data.Split;
import gfpose.skeleton.Skeleton;
import gfpose.task.DepthPrior;
import gfpose.task.PoseSpace;
import gfpose.train.H36mSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfpose fit-start}: fits DiffPose's per-joint depth mixture, the start distribution of informed starts. */
@Command(name = "fit-start", mixinStandardHelpOptions = true,
        description = {"Fit a Gaussian mixture over each joint's root-relative depth on the Human3.6M training subjects",
                "(without the validation tail), for --informed-start T0 --start-depth FILE: informed starts then take",
                "their depth from it instead of 0."})
public final class FitStartCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output JSON file.") Path out;
    @Option(names = "--data", paramLabel = "DIR", description = "Human3.6M folder (default: GFPOSE_DATA or <shared>/data/h36m).") String data;
    @Option(names = "--stride", defaultValue = "10", description = "Use every STRIDE-th training item (default: ${DEFAULT-VALUE}).") int stride;
    @Option(names = "--components", defaultValue = "3", description = "Mixture components per joint (default: ${DEFAULT-VALUE}).") int components;
    @Option(names = "--iterations", defaultValue = "50", description = "EM iterations (default: ${DEFAULT-VALUE}).") int iterations;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (stride < 1) throw usage("--stride must be >= 1, got " + stride);
        if (components < 1 || components > 64) throw usage("--components must be between 1 and 64, got " + components);
        if (iterations < 1 || iterations > 10_000) throw usage("--iterations must be between 1 and 10000, got " + iterations);
        Path dir = DataPaths.h36m(data);
        if (!Files.isDirectory(dir)) throw new GfposeException("--data " + dir + ": Human3.6M folder not found or unreadable");
        H36mSource src = H36mSource.load(dir, Split.FIT, stride);
        int n = src.size(), J = Skeleton.JOINTS;
        float[][] depth = new float[J][n];
        float[] pose = new float[Skeleton.DIM], det = new float[2 * J], gt = new float[2 * J];
        boolean[] observed = new boolean[J];
        for (int i = 0; i < n; i++) {
            src.item(i, pose, det, gt, observed);
            // the network's depth: image-frame depth / 1000 · 2 · 30 (Human3.6M frames are 1000 pixels wide)
            for (int j = 0; j < J; j++) depth[j][i] = (float) (pose[3 * j + 2] / 1000.0 * 2 * PoseSpace.DATA_SCALE);
        }
        DepthPrior prior = DepthPrior.fit(depth, components, iterations);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("fitted_on", "Human3.6M training subjects S1, S5, S6, S7, S8 without the validation tail (split fit)");
        provenance.put("stride", (long) stride);
        provenance.put("poses", (long) n);
        provenance.put("components", (long) components);
        provenance.put("iterations", (long) iterations);
        DepthPriorFile.write(out, prior, provenance);
        System.err.println("fit-start: " + n + " poses, " + components + " components per joint; written to " + out);
        return 0;
    }

    private ParameterException usage(String message) { return new ParameterException(spec.commandLine(), message); }
}
