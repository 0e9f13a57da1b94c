package sprocket.cli.sh;

/** The shell's own limits: where its private descriptors go, and how deep functions and scripts may nest. */
final class Limits {
    /** The shell keeps its own descriptors (saved ones, a script's) at 10 and above, as sh(1) leaves 0-9 to users. */
    static final int FIRST_PRIVATE_FD = 10;
    /** The largest descriptor a redirection may name. */
    static final int MAX_FD = 9999;
    /**
     * How deeply functions, dot scripts and eval may nest: each level is Java frames on the process's stack, so
     * runaway recursion stops with "sh: N: f: nesting too deep" rather than a stack overflow.
     */
    static final int MAX_CALL_DEPTH = 200;

    private Limits() {
    }
}
