package gfpose.cli;

import gfpose.GfposeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import gfpose.task.PosePrior;
import picocli.CommandLine.Option;

/** The {@code --weights} option and how the default model file is found. */
public final class WeightsOption {
    /** Relative location of the shipped model inside the install directory. */
    static final String DEFAULT_RELATIVE = PosePrior.DEFAULT_WEIGHTS;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Model weights (safetensors). Default: " + DEFAULT_RELATIVE + " in the install directory.")
    Path weights;

    /** The weights file to use; fails with one clear line when it does not exist. */
    public Path resolve() {
        if (weights != null) {
            if (!Files.exists(weights)) throw new GfposeException(weights + ": no such weights file");
            if (!Files.isRegularFile(weights)) throw new GfposeException(weights + ": not a regular file");
            return weights;
        }
        Path def = defaultPath();
        if (!Files.isRegularFile(def)) {
            throw new GfposeException("no model at " + def + ": the shipped model is missing from this installation; "
                    + "pass --weights FILE");
        }
        return def;
    }

    /** {@link PosePrior#defaultWeights()}: under {@code -Dgfpose.home} (set by the launcher), else the working directory. */
    static Path defaultPath() { return PosePrior.defaultWeights(); }

    /** Hex SHA-256 of a file, so outputs record exactly which model produced them. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new GfposeException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
