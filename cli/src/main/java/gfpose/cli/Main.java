package gfpose.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Process entry point. It checks for the Vector API module before anything that might load it: this class must
 * never reference {@code jdk.incubator.vector} (directly or through a field type), or it would fail to load with a
 * {@code NoClassDefFoundError} instead of printing the hint below.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("gfpose: run with --add-modules jdk.incubator.vector (use the ./gfpose launcher)");
            System.exit(2);
        }
        // straight on the file descriptor: System.out (a PrintStream) would swallow a failed write (disk full, closed
        // pipe), which Cli.run must see to report it and exit non-zero
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }
}
