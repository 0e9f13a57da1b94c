package sprocket.kernel.lock;

import java.util.Map;
import java.util.TreeMap;
import sprocket.api.hw.AtomicUnit;

/**
 * A kernel spin lock in simulated time. CPUs run in lock-step quanta rather than instruction by instruction, so a
 * lock remembers the intervals it was held (start to release) and a CPU that wants it at time t spins until every
 * interval covering t has ended. Holds older than the slowest CPU's clock can no longer matter and are dropped.
 */
public final class KernelLock {
    public final String name;
    private final AtomicUnit atomics;
    /** Held intervals: start -> end. */
    private final TreeMap<Long, Long> held = new TreeMap<>();
    /** The latest end of any recorded hold: a CPU asking later than this never spins. */
    private long maxEnd;
    private int lastHolder = -1;
    private int holder = -1;
    private long holdStart;
    long spinCycles;
    long acquisitions;
    long contended;

    /** With one CPU nobody can ever wait for this lock, so its holds need no record. */
    private final boolean shared;

    public KernelLock(String name, AtomicUnit atomics, int cpus) {
        this.name = name;
        this.atomics = atomics;
        this.shared = cpus > 1;
    }

    /** Takes the lock for {@code cpu} at time {@code now}; returns the cycles spent (spinning and acquiring). */
    public long acquire(int cpu, long now) {
        long t = now;
        if (t < maxEnd) {
            Map.Entry<Long, Long> e;
            while ((e = held.floorEntry(t)) != null && e.getValue() > t) {
                t = e.getValue();
            }
        }
        long spin = t - now;
        if (spin > 0) {
            long turn = Math.max(1, atomics.spin(cpu));
            spin = ((spin + turn - 1) / turn) * turn;
            spinCycles += spin;
            contended++;
        }
        acquisitions++;
        long cost = atomics.acquire(cpu, lastHolder);
        holder = cpu;
        holdStart = now + spin;
        return spin + cost;
    }

    /**
     * Releases the lock held by {@code cpu} at time {@code now}; returns the cycles the release costs, with any wait for
     * holds recorded inside this one by CPUs that ran ahead.
     */
    public long release(int cpu, long now) {
        if (holder != cpu) {
            throw new IllegalStateException("lock " + name + " released by cpu " + cpu + " but held by cpu " + holder);
        }
        holder = -1;
        lastHolder = cpu;
        long waited = 0;
        if (shared && now > holdStart) {
            // Holds that CPUs running ahead recorded may begin inside this one: this CPU could not see them when it
            // took the lock. The lock excludes in simulated time all the same, so this hold waits for each of them and
            // ends that much later; the wait is spinning, counted and charged here.
            long end = now;
            for (Map.Entry<Long, Long> e = held.ceilingEntry(holdStart); e != null && e.getKey() < end;
                    e = held.higherEntry(e.getKey())) {
                waited += e.getValue() - e.getKey();
                end += e.getValue() - e.getKey();
            }
            if (waited > 0) {
                spinCycles += waited;
                contended++;
            }
            held.merge(holdStart, end, Math::max);
            if (end > maxEnd) maxEnd = end;
        }
        return waited + atomics.release(cpu);
    }

    public boolean heldBy(int cpu) {
        return holder == cpu;
    }

    /** Forgets holds that ended before {@code horizon}: no CPU's clock is that far behind any more. */
    public void forgetBefore(long horizon) {
        while (!held.isEmpty()) {
            Map.Entry<Long, Long> first = held.firstEntry();
            if (first.getValue() >= horizon) break;
            held.pollFirstEntry();
        }
    }
}
