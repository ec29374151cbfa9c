package gfpose.cli;

/** Entry point placeholder; the picocli command tree is built in a later step. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("gfpose: not built yet");
        System.exit(2);
    }
}
