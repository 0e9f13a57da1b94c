package sprocket.cli.compare;

import sprocket.kernel.RunStats;

/**
 * How one run of a comparison ended.
 *
 * @param variant the run
 * @param kind what happened
 * @param exitStatus the program's exit status (128 + the signal if one killed it); -1 when it did not run
 * @param message what went wrong, in a line, or "" for a run that succeeded
 * @param stats the run's statistics; null unless it ran to the end ({@link Kind#OK} or {@link Kind#FAILED})
 * @param output the end of what the program wrote on its console, for a report of a failure
 */
public record Outcome(Variant variant, Kind kind, int exitStatus, String message, RunStats stats, String output) {

    /** The ways a run ends. */
    public enum Kind {
        /** The program exited with status 0. */
        OK,
        /** The program exited with another status, or a signal killed it. */
        FAILED,
        /** The configuration with the varied values does not check: nothing booted. */
        CONFIG,
        /** The kernel panicked. */
        PANIC,
        /** The command itself failed in this run (an internal error). */
        ERROR
    }

    /** Whether the run's figures count: the program ran and exited 0. */
    public boolean ok() {
        return kind == Kind.OK;
    }

    /** A few words for a table cell: {@code ok}, {@code exit 1}, {@code config error}, {@code panic}. */
    public String brief() {
        return switch (kind) {
            case OK -> "ok";
            case FAILED -> exitStatus > 128 ? "killed (signal " + (exitStatus - 128) + ")" : "exit " + exitStatus;
            case CONFIG -> "config error";
            case PANIC -> "kernel panic";
            case ERROR -> "error";
        };
    }
}
