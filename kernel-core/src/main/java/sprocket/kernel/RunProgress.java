package sprocket.kernel;

/**
 * How far a run has got, for a progress display: simulated time (the clock of the CPU furthest behind) and the
 * processes in the table.
 */
public record RunProgress(long cycles, long clockHz, int processes) {

    /** {@link #cycles} in simulated seconds. */
    public double seconds() {
        return (double) cycles / clockHz;
    }
}
