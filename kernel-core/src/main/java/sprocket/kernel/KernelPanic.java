package sprocket.kernel;

/** The kernel found one of its invariants broken and stopped; the message says what, when and where. */
public final class KernelPanic extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long cycles;
    private final int cpu;

    public KernelPanic(String message, long cycles, int cpu, Throwable cause) {
        super(message + (cycles >= 0 ? " (at cycle " + cycles + (cpu >= 0 ? " on cpu " + cpu : "") + ")" : ""), cause);
        this.cycles = cycles;
        this.cpu = cpu;
    }

    /** Simulated time of the panic, in cycles; -1 if before the clocks started. */
    public long cycles() {
        return cycles;
    }

    /** The CPU that panicked, or -1. */
    public int cpu() {
        return cpu;
    }
}
