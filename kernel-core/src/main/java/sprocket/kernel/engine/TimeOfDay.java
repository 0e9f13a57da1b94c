package sprocket.kernel.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;

/**
 * The system's time of day: the simulated clock since boot, which starts at the epoch, moved by what stime(2) sets
 * (SVR4's hrestime, which stime(2) writes and time(2) reads). Kernel state, never the host's clock, so a run that sets
 * the date repeats exactly. Kept as cycles, so that what stamps a time (a pipe's every write) adds rather than divides.
 */
@Singleton
public final class TimeOfDay {
    private final Engine engine;
    private final long clockHz;
    /** Cycles added to the clock since boot: 0 until stime(2) is called. */
    private long offset;

    @Inject
    TimeOfDay(Engine engine, Machine machine) {
        this.engine = engine;
        this.clockHz = machine.description().clockHz();
    }

    /** The clock of the time of day now, in cycles since 00:00:00 UTC, January 1, 1970. */
    public long cycles() {
        return engine.now() + offset;
    }

    /** time(2): seconds since 00:00:00 UTC, January 1, 1970, as the system reckons it. */
    public long time() {
        return cycles() / clockHz;
    }

    /** Whether stime(2) may set {@code seconds}: not before the epoch, and not past what the clock counts in cycles. */
    public boolean settable(long seconds) {
        return seconds >= 0 && seconds <= Long.MAX_VALUE / 2 / clockHz;
    }

    /** stime(2)'s effect: from now on the time of day is {@code seconds}, counting on from there. */
    public void set(long seconds) {
        offset = seconds * clockHz - engine.now();
    }
}
