package sprocket.kernel.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
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
    /** Each stime(2): the clock it was made at, and the offset from then on; few, so kept in order in two arrays. */
    private long[] setAt = new long[0];
    private long[] offsets = new long[0];

    @Inject
    TimeOfDay(Engine engine, Machine machine) {
        this.engine = engine;
        this.clockHz = machine.description().clockHz();
    }

    /** time(2): seconds since 00:00:00 UTC, January 1, 1970, as the system reckons it. */
    public long time() {
        return engine.now() / clockHz + offset;
    }

    /** The time of day the clock reading {@code cycles} stood for, under the offset in force then. */
    public long timeAt(long cycles) {
        long in = 0;
        // CPUs' clocks differ by up to a quantum, so a later stime may carry an earlier clock: the last one made at
        // or before the reading wins, looked for from the newest.
        for (int i = setAt.length - 1; i >= 0; i--) {
            if (setAt[i] <= cycles) {
                in = offsets[i];
                break;
            }
        }
        return cycles / clockHz + in;
    }

    /** stime(2)'s effect: from now on the time of day is {@code seconds}, counting on from there. */
    public void set(long seconds) {
        long now = engine.now();
        offset = seconds - now / clockHz;
        setAt = Arrays.copyOf(setAt, setAt.length + 1);
        offsets = Arrays.copyOf(offsets, offsets.length + 1);
        setAt[setAt.length - 1] = now;
        offsets[offsets.length - 1] = offset;
    }
}
