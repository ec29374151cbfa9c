package gfpose;

/**
 * A user-facing error: bad input, a bad file, an impossible option. The message is one line that names
 * the file, field or joint at fault; the CLI prints it as is (no stack trace) and exits non-zero.
 */
public class GfposeException extends RuntimeException {
    public GfposeException(String message) { super(message); }

    public GfposeException(String message, Throwable cause) { super(message, cause); }
}
