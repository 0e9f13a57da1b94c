package sprocket.cli.sh;

/**
 * An error the shell reports as {@code sh: LINE: message} on standard error. A fatal one (a syntax error, an
 * expansion error, a special built-in's error: POSIX.1 XCU 2.8.1) ends a non-interactive shell with {@code status};
 * any other sets {@code $?} to it and the shell goes on. Thrown without a stack trace: it is a value, not a bug.
 */
final class ShellError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final boolean fatal;
    /** Already written to standard error (by a built-in, with its name): only its consequences remain. */
    final boolean reported;

    ShellError(String message, int status, boolean fatal) {
        this(message, status, fatal, false);
    }

    private ShellError(String message, int status, boolean fatal, boolean reported) {
        super(message, null, false, false);
        this.status = status;
        this.fatal = fatal;
        this.reported = reported;
    }

    /** This error, fatal, once it has been reported. */
    ShellError reportedFatal() {
        return new ShellError(getMessage(), status, true, true);
    }

    /** "Syntax error: ..." : status 2, fatal. */
    static ShellError syntax(String what) {
        return new ShellError("Syntax error: " + what, 2, true);
    }

    /** An expansion or special built-in error: status 2, fatal to a non-interactive shell. */
    static ShellError fatal(String message) {
        return new ShellError(message, 2, true);
    }

    /** A command's error: reported, {@code $?} becomes {@code status}, and the shell goes on. */
    static ShellError command(String message, int status) {
        return new ShellError(message, status, false);
    }
}
