package sprocket.kernel.engine;

/** A kernel invariant broke: the run stops with a panic message naming the simulated time and CPU. */
public final class PanicException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private long cycles = -1;
    private int cpu = -1;

    public PanicException(String message) {
        super(message);
    }

    public PanicException(String message, Throwable cause) {
        super(message, cause);
    }

    public PanicException at(long cycles, int cpu) {
        if (this.cycles < 0) {
            this.cycles = cycles;
            this.cpu = cpu;
        }
        return this;
    }

    /** The simulated time of the panic, in cycles, or -1 if unknown. */
    public long cycles() {
        return cycles;
    }

    /** The CPU that panicked, or -1 if unknown. */
    public int cpu() {
        return cpu;
    }
}
