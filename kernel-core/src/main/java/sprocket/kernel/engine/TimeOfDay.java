package sprocket.kernel.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.hw.Machine;

/**
 * The system's time of day: the seconds the simulated clock has run since boot, which starts at the epoch, plus the
 * offset stime(2) sets (SVR4's hrestime, which stime(2) writes and time(2) reads). Kernel state, never the host's
 * clock, so a run that sets the date repeats exactly.
 */
@Singleton
public final class TimeOfDay {
    private final Engine engine;
    private final long clockHz;
    /** Seconds added to the time since boot: 0 until stime(2) is called. */
    private long offset;

    @Inject
    TimeOfDay(Engine engine, Machine machine) {
        this.engine = engine;
        this.clockHz = machine.description().clockHz();
    }

    /** time(2): seconds since 00:00:00 UTC, January 1, 1970, as the system reckons it. */
    public long time() {
        return engine.now() / clockHz + offset;
    }

    /** stime(2)'s effect: from now on the time of day is {@code seconds}, counting on from there. */
    public void set(long seconds) {
        offset = seconds - engine.now() / clockHz;
    }
}
