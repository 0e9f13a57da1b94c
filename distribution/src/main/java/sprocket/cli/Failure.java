package sprocket.cli;

/**
 * A failure the command found itself (a missing file, an unwritable output) and reports as one line with
 * an exit status, never as a stack trace.
 */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit status for a usage or configuration error, as picocli uses for bad arguments. */
    static final int USAGE = 2;
    /** Exit status for any other failure of the command itself. */
    static final int SOFTWARE = 1;
    /** Shells' status for a command that could not be found. */
    static final int NOT_FOUND = 127;

    private final int status;

    Failure(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
