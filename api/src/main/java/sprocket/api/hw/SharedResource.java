package sprocket.api.hw;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A resource CPUs use one at a time, such as a bus, in simulated time. CPUs run in lock-step quanta (temporal
 * decoupling), so a CPU may ask at a time up to a quantum behind the times others already used it: the resource
 * keeps the intervals it is held, and a request at {@code t} for {@code d} cycles takes the first free stretch of
 * {@code d} cycles from {@code t} on, waiting out the holds that cover it. Holds that end before the slowest
 * CPU's clock can matter to no one and are forgotten (the kernel's spin locks work the same way).
 *
 * <p>The intervals are kept disjoint and sorted, touching ones merged, in two arrays that grow only when more holds
 * are outstanding than ever before: a request allocates nothing in the steady state. Deterministic: the same
 * requests in the same order get the same times.
 */
public final class SharedResource {

    private static final int INITIAL = 64;

    private final LongSupplier horizon;
    private long[] start = new long[INITIAL];
    private long[] end = new long[INITIAL];
    private int count;

    /**
     * A resource free at every time. {@code horizon} tells the slowest CPU's clock: no request will come from
     * before it, so holds ending earlier are dropped when room is needed.
     */
    public SharedResource(LongSupplier horizon) {
        this.horizon = horizon;
    }

    /**
     * Holds the resource for {@code duration} cycles from the first time at or after {@code at} when it is free
     * that long; returns that start. The caller waited {@code start - at} cycles.
     */
    public long reserve(long at, long duration) {
        if (duration <= 0) {
            return at;
        }
        // Most requests come after every hold (one CPU, or CPUs in step): no search, and a hold that touches the
        // last one merges with it.
        if (count == 0 || end[count - 1] <= at) {
            insert(count, at, at + duration);
            return at;
        }
        int i = firstEndingAfter(at);
        long t = at;
        while (i < count && start[i] < t + duration) {
            t = Math.max(t, end[i]);
            i++;
        }
        insert(i, t, t + duration);
        return t;
    }

    /** Forgets holds that ended at or before {@code time}: no request comes from that far back any more. */
    public void forgetBefore(long time) {
        int drop = firstEndingAfter(time);
        if (drop > 0) {
            System.arraycopy(start, drop, start, 0, count - drop);
            System.arraycopy(end, drop, end, 0, count - drop);
            count -= drop;
        }
    }

    /** Holds remembered, for tests. */
    int holds() {
        return count;
    }

    /** Whether the resource is held at {@code time}. */
    public boolean busyAt(long time) {
        int i = firstEndingAfter(time);
        return i < count && start[i] <= time;
    }

    /** The index of the first hold whose end is after {@code time}; ends are sorted because holds are disjoint. */
    private int firstEndingAfter(long time) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void insert(int i, long s, long e) {
        boolean joinsLeft = i > 0 && end[i - 1] == s;
        boolean joinsRight = i < count && start[i] == e;
        if (joinsLeft && joinsRight) {
            end[i - 1] = end[i];
            System.arraycopy(start, i + 1, start, i, count - i - 1);
            System.arraycopy(end, i + 1, end, i, count - i - 1);
            count--;
        } else if (joinsLeft) {
            end[i - 1] = e;
        } else if (joinsRight) {
            start[i] = s;
        } else {
            if (count == start.length) {
                int before = count;
                forgetBefore(Math.min(horizon.getAsLong(), s));
                i -= before - count;
                if (count > start.length * 3 / 4) {
                    start = Arrays.copyOf(start, start.length * 2);
                    end = Arrays.copyOf(end, end.length * 2);
                }
            }
            System.arraycopy(start, i, start, i + 1, count - i);
            System.arraycopy(end, i, end, i + 1, count - i);
            start[i] = s;
            end[i] = e;
            count++;
        }
    }
}
