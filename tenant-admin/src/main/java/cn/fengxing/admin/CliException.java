package cn.fengxing.admin;

import java.util.List;

/**
 * A failure that ends the command with a message on stderr and a definite exit code.
 *
 * <p>Exit codes: {@link #FAILURE} (1) the API or the issuer answered with an error,
 * {@link #USAGE} (2) the command line or a local input file is wrong (nothing was sent),
 * {@link #UNREACHABLE} (3) the API or the issuer could not be reached.
 */
public class CliException extends RuntimeException {

    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private final int exitCode;
    private final List<String> details;

    public CliException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public CliException(int exitCode, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Extra lines printed after the message, e.g. one per field error of a problem document. */
    public List<String> details() {
        return details;
    }
}
