package sprocket.sched;

import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * One CPU's fair run queue (Linux's cfs_rq): waiting tasks ordered by (vruntime, seq), the task running here,
 * and min_vruntime, which only moves forward and is where newcomers are placed. A TreeSet keeps every
 * operation, removal and the largest included, at O(log n); its node per insertion is the price.
 */
final class FairRunQueue {

    private static final Comparator<FairEntity> ORDER = (a, b) -> {
        int c = Long.compare(a.vruntime, b.vruntime);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    private final TreeSet<FairEntity> waiting = new TreeSet<>(ORDER);
    long minVruntime;
    /** The entity running on this CPU, or null. */
    FairEntity curr;

    void add(FairEntity e) {
        waiting.add(e);
        updateMin();
    }

    /** Removes {@code e}; its vruntime must not have changed while it was queued. */
    boolean remove(FairEntity e) {
        boolean removed = waiting.remove(e);
        if (removed) updateMin();
        return removed;
    }

    /** The waiting entity with the least vruntime, or null. */
    FairEntity first() {
        return waiting.isEmpty() ? null : waiting.first();
    }

    /** The waiting entity with the greatest vruntime, or null. */
    FairEntity last() {
        return waiting.isEmpty() ? null : waiting.last();
    }

    FairEntity pollFirst() {
        FairEntity e = waiting.pollFirst();
        if (e != null) updateMin();
        return e;
    }

    /** The waiting entity with the greatest vruntime that may run on {@code cpu}, or null (for migration). */
    FairEntity lastAllowed(int cpu) {
        if (waiting.isEmpty()) return null;
        FairEntity last = waiting.last();
        if (last.task.allowedOn(cpu)) return last;
        // Pinned elsewhere: look further left (rare, so the iterator is affordable).
        for (Iterator<FairEntity> it = waiting.descendingIterator(); it.hasNext(); ) {
            FairEntity e = it.next();
            if (e.task.allowedOn(cpu)) return e;
        }
        return null;
    }

    int waitingCount() {
        return waiting.size();
    }

    /** Tasks on this CPU, running or waiting: what load balancing compares. */
    int load() {
        return waiting.size() + (curr != null ? 1 : 0);
    }

    /** update_min_vruntime: the least of the running and leftmost vruntimes, never moving backwards. */
    void updateMin() {
        FairEntity left = waiting.isEmpty() ? null : waiting.first();
        long v;
        if (curr != null) {
            v = left != null ? Math.min(curr.vruntime, left.vruntime) : curr.vruntime;
        } else if (left != null) {
            v = left.vruntime;
        } else {
            return;
        }
        if (v > minVruntime) minVruntime = v;
    }
}
