package sprocket.kernel.lock;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Barton and Wagner's shared read lock on a share group's pregion list (s_acclck, s_acccnt, s_waitcnt, s_updwait), in
 * simulated time: any number of scanners (page faults) at once; an updater (fork, exec, mmap, sbrk, shrink, detach)
 * waits for the scanners and updaters before it and keeps new scanners out until it is done. CPUs run in lock-step
 * quanta, so, as {@link KernelLock} does, the lock remembers the intervals it was held and a CPU arriving at time t
 * waits, asleep on s_updwait, until every interval that excludes it has ended.
 */
public final class AccessLock {
    /** Update holds: start -> end. */
    private final TreeMap<Long, Long> updates = new TreeMap<>();
    /** Scan holds: start -> end (overlapping scans merge into one interval). */
    private final TreeMap<Long, Long> scans = new TreeMap<>();
    private long maxUpdateEnd;
    private long maxScanEnd;
    /** Where each CPU's current hold began, or -1. */
    private final long[] start;
    private final boolean[] updating;
    long waits;
    long waitCycles;

    public AccessLock(int cpus) {
        start = new long[cpus];
        updating = new boolean[cpus];
        Arrays.fill(start, -1);
    }

    /** A page fault on {@code cpu} at {@code now} scans the list; returns the cycles it slept waiting for an update. */
    public long scan(int cpu, long now) {
        long t = past(updates, maxUpdateEnd, now);
        begin(cpu, t, false);
        return waited(now, t);
    }

    /** fork, exec, mmap, sbrk... on {@code cpu} at {@code now} changes the list; returns the cycles it waited. */
    public long update(int cpu, long now) {
        long t = now;
        long before;
        do {
            before = t;
            t = past(updates, maxUpdateEnd, t);
            t = past(scans, maxScanEnd, t);
        } while (t != before);
        begin(cpu, t, true);
        return waited(now, t);
    }

    /** Ends {@code cpu}'s hold at {@code now}. */
    public void release(int cpu, long now) {
        long s = start[cpu];
        if (s < 0) throw new IllegalStateException("share group access lock released by cpu " + cpu + " which holds none");
        start[cpu] = -1;
        if (now <= s) return;
        if (updating[cpu]) {
            updates.merge(s, now, Math::max);
            if (now > maxUpdateEnd) maxUpdateEnd = now;
        } else {
            scans.merge(s, now, Math::max);
            if (now > maxScanEnd) maxScanEnd = now;
        }
    }

    /** Forgets holds that ended before {@code horizon}: no CPU's clock is that far behind any more. */
    public void forgetBefore(long horizon) {
        forget(updates, horizon);
        forget(scans, horizon);
    }

    private void begin(int cpu, long t, boolean update) {
        if (start[cpu] >= 0) throw new IllegalStateException("cpu " + cpu + " already holds the share group access lock");
        start[cpu] = t;
        updating[cpu] = update;
    }

    private long waited(long now, long t) {
        if (t > now) {
            waits++;
            waitCycles += t - now;
        }
        return t - now;
    }

    /** The first time at or after {@code t} that no interval of {@code held} covers. */
    private static long past(TreeMap<Long, Long> held, long maxEnd, long t) {
        if (t >= maxEnd) return t;
        Map.Entry<Long, Long> e;
        while ((e = held.floorEntry(t)) != null && e.getValue() > t) {
            t = e.getValue();
        }
        return t;
    }

    private static void forget(TreeMap<Long, Long> held, long horizon) {
        while (!held.isEmpty() && held.firstEntry().getValue() < horizon) {
            held.pollFirstEntry();
        }
    }
}
