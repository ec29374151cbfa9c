package gfpose.cli;

import gfpose.io.TextFile;
import gfpose.task.ImageSize;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input document options: {@code -i/--input}, {@code --min-confidence} and {@code --image-size}. */
public final class InputOptions {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", required = true,
            description = "Input JSON document ('-' = stdin).")
    String input;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0",
            description = "Keypoints with a confidence below C (or <= 0) count as missing. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--image-size", paramLabel = "WxH", converter = ImageSizeConverter.class,
            description = "Image the pixel coordinates refer to; must agree with the input's image_size if both are given. "
                    + "Default: the input's image_size, else 1000x1000.")
    ImageSize imageSize;

    /** How the input is named in error messages. */
    String source() {
        return "-".equals(input) ? "<stdin>" : input;
    }

    /** The whole input as strict UTF-8 text. */
    String read(InputStream stdin) {
        return "-".equals(input) ? TextFile.read(stdin, source()) : TextFile.read(Path.of(input));
    }
}
