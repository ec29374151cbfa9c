package gfpose.cli;

import gfpose.GfposeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command tree and turns every failure into one {@code gfpose: <message>} line on stderr.
 * Exit codes: 0 success, 1 bad input / file / model ({@link GfposeException}, I/O), 2 usage, 3 unexpected.
 */
public final class Cli {
    /** Exit code for bad input, unreadable files and invalid models. */
    public static final int EXIT_INPUT = 1;
    /** Exit code for command-line usage errors. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for unexpected internal errors (bugs). */
    public static final int EXIT_INTERNAL = 3;

    private Cli() {}

    /**
     * Runs one command line; never calls {@code System.exit}, so tests can call it in-process. A command that
     * succeeded but could not write all of its standard output (disk full, the reader closed the pipe) fails with
     * exit code 1.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            int code = commandLine(out, err).execute(args);
            if (out.checkError() && code == 0) { // checkError flushes first
                err.println("gfpose: cannot write to standard output (disk full, or the reader closed the pipe)");
                return EXIT_INPUT;
            }
            return code;
        } catch (Throwable t) { // errors raised outside picocli's own handlers (e.g. OutOfMemoryError)
            return report(t, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured picocli command tree writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GfposeCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(Cli::exitCode);
        cl.setParameterExceptionHandler((ex, args) -> {
            String sub = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println("gfpose: " + oneLine(ex.getMessage())
                    + " (see '" + sub + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, c.getErr()));
        return cl;
    }

    private static int exitCode(Throwable t) {
        if (t instanceof ParameterException || badSetting(t) != null) return EXIT_USAGE;
        if (t instanceof GfposeException || t instanceof IOException || t instanceof UncheckedIOException) {
            return EXIT_INPUT;
        }
        return EXIT_INTERNAL;
    }

    /** Prints the one-line message (plus the stack trace when GFPOSE_DEBUG=1) and returns the exit code. */
    static int report(Throwable t, PrintWriter err) {
        int code = exitCode(t);
        String msg;
        IllegalArgumentException setting = badSetting(t);
        if (setting != null) {
            msg = oneLine(setting.getMessage()) + " (a -D option of the JVM, e.g. in JAVA_OPTS)";
        } else if (code == EXIT_INTERNAL) {
            msg = "internal error: " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()))
                    + (debug() ? "" : " (set GFPOSE_DEBUG=1 for the stack trace)");
        } else if (t instanceof UncheckedIOException) {
            msg = describe(((UncheckedIOException) t).getCause());
        } else if (t instanceof IOException) {
            msg = describe((IOException) t);
        } else {
            msg = oneLine(t.getMessage());
        }
        err.println("gfpose: " + msg);
        if (debug()) t.printStackTrace(err);
        err.flush();
        return code;
    }

    /**
     * A bad kernel setting ({@code -Dgfpose.vector.bits}, {@code -Dgfpose.gemm.tile}, {@code -Dgfpose.gemm.align})
     * fails the kernel's class initialiser with an IllegalArgumentException that names the property: that cause, or
     * null.
     */
    private static IllegalArgumentException badSetting(Throwable t) {
        Throwable c = t instanceof ExceptionInInitializerError ? t.getCause() : null;
        return c instanceof IllegalArgumentException && String.valueOf(c.getMessage()).startsWith("gfpose.")
                ? (IllegalArgumentException) c : null;
    }

    private static String describe(IOException e) {
        // NoSuchFileException and friends carry only the path as their message
        String m = e.getMessage() == null ? "" : oneLine(e.getMessage());
        if (e instanceof java.nio.file.NoSuchFileException) return m + ": no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return m + ": permission denied";
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    static boolean debug() {
        return "1".equals(System.getenv("GFPOSE_DEBUG"));
    }

    /** Keeps the promise of exactly one stderr line even if a message spans several. */
    static String oneLine(String s) {
        if (s == null) return "";
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /**
     * Refuses, as a usage error, an output file that is also one of the inputs (it would be replaced before or while
     * it is read); "-" and null are skipped.
     */
    static void outputsAreNotInputs(picocli.CommandLine cl, java.util.List<java.nio.file.Path> inputs, java.nio.file.Path... outputs) {
        for (java.nio.file.Path out : outputs) {
            if (out == null || "-".equals(out.toString())) continue;
            for (java.nio.file.Path in : inputs) {
                if (in == null || "-".equals(in.toString())) continue;
                boolean same = in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
                try {
                    same |= java.nio.file.Files.exists(in) && java.nio.file.Files.exists(out) && java.nio.file.Files.isSameFile(in, out);
                } catch (java.io.IOException e) {
                    // unreadable: the read or the write reports it in its own words
                }
                if (same) throw new picocli.CommandLine.ParameterException(cl, out + ": is also an input; write the output to another file");
            }
        }
    }

    /** A progress bar drawn on the command's stderr (a PrintWriter, so in-process runs capture it too). */
    static gfpose.eval.Progress progressBar(java.io.PrintWriter err, String label, boolean terminal) {
        java.io.OutputStream sink = new java.io.OutputStream() {
            @Override public void write(int b) { err.write(b); }
            @Override public void flush() { err.flush(); }
        };
        return new gfpose.eval.Progress(new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.US_ASCII), label, terminal);
    }

    /** Whether progress may be redrawn in place: an interactive console (no bar escapes into logs and pipes). */
    static boolean terminal() { return System.console() != null; }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
