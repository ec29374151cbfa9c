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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes a file through a temporary sibling and a rename, so a failed write never leaves a partial file. */
public final class AtomicFile {
    private AtomicFile() {}

    /** Body that writes the whole content to the stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the whole content.
         *
         * @param out the temporary sibling's stream, buffered; the caller closes it, so the body must not
         * @throws IOException when writing fails; the target is then left as it was
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary sibling and a rename. A target that exists and is not a regular
     * file (a device such as /dev/null, a FIFO, a folder or a symbolic link) is refused, never replaced.
     *
     * @param target the file to create or replace; missing parent folders are created
     * @param body   writes the content; it runs once, before the rename
     * @throws GfposeException naming the target when it is not a regular file or cannot be written (the I/O error
     *                         is the cause)
     */
    public static void write(Path target, Writer body) { writeAll(List.of(new Output(target, body))); }

    /**
     * One file of a {@link #writeAll} group.
     *
     * @param target the file to create or replace
     * @param body   writes its content
     */
    public record Output(Path target, Writer body) {}

    /**
     * Writes several files all or nothing: every body goes to its temporary sibling first, and only when all have
     * been written are they renamed into place, so a failure (a full disk, a read-only folder, a bad target) leaves
     * none of them. Targets are checked as {@link #write} does, and naming one file twice is an error.
     *
     * @param outputs the files to write, renamed into place in this order
     * @throws GfposeException naming the target at fault: one named twice (compared as absolute normalised paths),
     *                         one that is not a regular file, or the one whose write or rename failed
     */
    public static void writeAll(List<Output> outputs) {
        Set<Path> seen = new HashSet<>();
        for (Output o : outputs) {
            Path abs = o.target().toAbsolutePath().normalize();
            if (!seen.add(abs)) throw new GfposeException(o.target() + ": named for two outputs; give each output its own file");
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new GfposeException(o.target() + ": exists and is not a regular file (" + kind(abs) + "); refusing to replace it");
            }
        }
        List<Path> temps = new ArrayList<>();
        Output current = null;
        try {
            for (Output o : outputs) {
                current = o;
                Path abs = o.target().toAbsolutePath();
                if (abs.getParent() != null) Files.createDirectories(abs.getParent());
                // a fresh sibling name opened with CREATE_NEW keeps the umask's permissions (createTempFile forces 0600)
                Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
                temps.add(tmp);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), 1 << 16)) {
                    o.body().write(out);
                }
            }
            for (int i = 0; i < outputs.size(); i++) {
                current = outputs.get(i);
                Path abs = current.target().toAbsolutePath();
                try {
                    Files.move(temps.get(i), abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temps.get(i), abs, StandardCopyOption.REPLACE_EXISTING);
                }
                temps.set(i, null);
            }
        } catch (IOException e) {
            throw new GfposeException(current.target() + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            for (Path t : temps) {
                if (t == null) continue;
                try { Files.deleteIfExists(t); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    private static String kind(Path p) {
        if (Files.isSymbolicLink(p)) return "a symbolic link";
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "a folder";
        return "a device, FIFO or socket";
    }

    /**
     * Writes a string as UTF-8, as {@link #write} does.
     *
     * @param target the file to create or replace
     * @param text   the whole content
     * @throws GfposeException naming the target when it is not a regular file or cannot be written
     */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
