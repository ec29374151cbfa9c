package gfpose;

/**
 * A user-facing error: bad input, a bad file, an impossible option. The message is one line that names
 * the file, field or joint at fault; the CLI prints it as is (no stack trace) and exits non-zero.
 */
public class GfposeException extends RuntimeException {
    /**
     * An error with the given message.
     *
     * @param message one line naming the file, field or joint at fault
     */
    public GfposeException(String message) { super(message); }

    /**
     * An error with the given message and the exception that led to it (an I/O error, say), kept for stack traces.
     *
     * @param message one line naming the file, field or joint at fault
     * @param cause   the underlying exception
     */
    public GfposeException(String message, Throwable cause) { super(message, cause); }
}
