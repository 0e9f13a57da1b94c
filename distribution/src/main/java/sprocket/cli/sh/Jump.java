package sprocket.cli.sh;

/**
 * break, continue, return and exit: they leave the commands being run for an enclosing loop, function or the shell
 * itself, so they unwind the evaluator's Java stack to where they are caught. Thrown without a stack trace.
 */
final class Jump extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { BREAK, CONTINUE, RETURN, EXIT }

    final Kind kind;
    /** Loops left for break and continue; the status for return and exit. */
    final int value;

    private Jump(Kind kind, int value) {
        super(null, null, false, false);
        this.kind = kind;
        this.value = value;
    }

    static Jump breakLoops(int n) {
        return new Jump(Kind.BREAK, n);
    }

    static Jump continueLoop(int n) {
        return new Jump(Kind.CONTINUE, n);
    }

    static Jump returnFrom(int status) {
        return new Jump(Kind.RETURN, status);
    }

    static Jump exit(int status) {
        return new Jump(Kind.EXIT, status);
    }
}
