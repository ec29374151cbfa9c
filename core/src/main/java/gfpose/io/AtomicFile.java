package gfpose.io;

import gfpose.GfposeException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file through a temporary sibling and a rename, so a failed write never leaves a partial file. */
public final class AtomicFile {
    private AtomicFile() {}

    /** Body that writes the whole content to the stream. */
    @FunctionalInterface
    public interface Writer { void write(OutputStream out) throws IOException; }

    /**
     * Writes {@code target} through a temporary sibling and a rename. A target that exists and is not a regular
     * file (a device such as /dev/null, a FIFO, a folder or a symbolic link) is refused, never replaced.
     */
    public static void write(Path target, Writer body) {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new GfposeException(target + ": exists and is not a regular file (" + kind(abs) + "); refusing to replace it");
        }
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            // A fresh sibling name opened with CREATE_NEW keeps the umask's permissions (createTempFile forces 0600).
            tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new GfposeException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    private static String kind(Path p) {
        if (Files.isSymbolicLink(p)) return "a symbolic link";
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "a folder";
        return "a device, FIFO or socket";
    }

    /** Writes a string as UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
