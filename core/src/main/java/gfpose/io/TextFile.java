package gfpose.io;

import gfpose.GfposeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way text inputs (JSON documents, keypoint tracks, COCO files, BVH) are read: strict UTF-8, at most
 * {@link #MAX_BYTES} bytes, so that {@code -i /dev/zero} or a runaway file ends in a one-line error instead of
 * exhausting the heap. Errors name the file.
 */
public final class TextFile {
    /** The size limit of a text input: 64 MiB (about 300,000 poses of JSON). */
    public static final int MAX_BYTES = 64 << 20;

    private TextFile() {}

    /**
     * Reads a file as text.
     *
     * @param file the file to read
     * @return its whole content
     * @throws GfposeException naming the file when it is a directory, missing, unreadable, larger than
     *                         {@link #MAX_BYTES} or not valid UTF-8
     */
    public static String read(Path file) {
        if (Files.isDirectory(file)) throw new GfposeException(file + ": is a directory, expected a file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new GfposeException(file + ": no such file");
        } catch (IOException e) {
            throw new GfposeException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a stream (e.g. stdin) as text; {@code source} names it in errors.
     *
     * @param in     the stream, read to its end (or one byte past {@link #MAX_BYTES}) and left open
     * @param source names the stream in error messages
     * @return its whole content
     * @throws GfposeException naming the source when the stream cannot be read, is larger than {@link #MAX_BYTES}
     *                         or is not valid UTF-8
     */
    public static String read(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new GfposeException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new GfposeException(source + ": larger than " + (MAX_BYTES >> 20) + " MiB, the limit for text inputs; split it into smaller files");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GfposeException(source + ": not UTF-8 text");
        }
    }
}
