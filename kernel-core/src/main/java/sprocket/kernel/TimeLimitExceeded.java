package sprocket.kernel;

import java.util.List;

/**
 * The run passed {@code kernel.time_limit} in simulated time, every process was killed to end it, and some did not die:
 * the run would never end. The message lists the processes left, with their states. (A run that ends once killed
 * at the limit returns normally, its statistics saying {@code time_limit_reached}.)
 */
public final class TimeLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long cycles;
    private final transient List<String> processes;

    public TimeLimitExceeded(String message, long cycles, List<String> processes, Throwable cause) {
        super(message + " (at cycle " + cycles + ")", cause);
        this.cycles = cycles;
        this.processes = List.copyOf(processes);
    }

    /** Simulated time when the run was stopped, in cycles. */
    public long cycles() {
        return cycles;
    }

    /** The processes left in the table, one line each: pid, command, state. */
    public List<String> processes() {
        return processes;
    }
}
