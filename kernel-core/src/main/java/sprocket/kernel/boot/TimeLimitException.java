package sprocket.kernel.boot;

import java.util.List;

/**
 * A run passed kernel.time_limit in simulated time, and processes killed then had still not died some simulated
 * seconds later: something never ends. The facade turns it into {@link sprocket.kernel.TimeLimitExceeded}.
 */
public final class TimeLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long cycles;
    private final transient List<String> processes;

    TimeLimitException(long cycles, List<String> processes) {
        super("processes killed at kernel.time_limit did not die: " + String.join(", ", processes));
        this.cycles = cycles;
        this.processes = List.copyOf(processes);
    }

    /** Simulated time when the run was stopped. */
    public long cycles() {
        return cycles;
    }

    /** The processes not yet reaped, one line each: pid, command, state. */
    public List<String> processes() {
        return processes;
    }
}
