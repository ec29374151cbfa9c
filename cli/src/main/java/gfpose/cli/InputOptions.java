package gfpose.cli;

import gfpose.GfposeException;
import gfpose.task.ImageSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        byte[] bytes;
        try {
            if ("-".equals(input)) {
                bytes = stdin.readAllBytes();
            } else {
                Path p = Path.of(input);
                if (Files.isDirectory(p)) throw new GfposeException(input + ": is a directory, expected a JSON file");
                bytes = Files.readAllBytes(p);
            }
        } catch (NoSuchFileException e) {
            throw new GfposeException(input + ": no such file");
        } catch (IOException e) {
            throw new GfposeException(source() + ": cannot read (" + e.getMessage() + ")", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GfposeException(source() + ": not UTF-8 text");
        }
    }
}
