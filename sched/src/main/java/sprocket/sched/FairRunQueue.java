package sprocket.sched;

import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * One CPU's fair run queue (Linux's cfs_rq): waiting tasks ordered by (vruntime, seq), the task running here,
 * min_vruntime, which only moves forward and is where newcomers are placed, and the load, the sum of the
 * weights of the tasks running or waiting here. A TreeSet keeps every operation, removal and the largest
 * included, at O(log n); its node per insertion is the price.
 */
final class FairRunQueue {

    private static final Comparator<FairEntity> ORDER = (a, b) -> {
        int c = Long.compare(a.vruntime, b.vruntime);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    private final TreeSet<FairEntity> waiting = new TreeSet<>(ORDER);
    /** The waiting entity with the least (vruntime, seq), or null: Linux's rb_root_cached, so the hot reads are O(1). */
    private FairEntity leftmost;
    long minVruntime;
    /** The entity running on this CPU, or null; set only through {@link #setCurr}. */
    FairEntity curr;
    /** Sum of the weights of curr and the waiting entities (Linux's cfs_rq->load.weight). */
    private long load;

    void add(FairEntity e) {
        waiting.add(e);
        if (leftmost == null || ORDER.compare(e, leftmost) < 0) leftmost = e;
        load += e.weight;
        updateMin();
    }

    /** Removes {@code e}; its vruntime must not have changed while it was queued. */
    boolean remove(FairEntity e) {
        boolean removed = waiting.remove(e);
        if (removed) {
            if (e == leftmost) leftmost = waiting.isEmpty() ? null : waiting.first();
            load -= e.weight;
            updateMin();
        }
        return removed;
    }

    /** Makes {@code e} (or nobody, if null) the entity running here, counting its weight instead of the last one's. */
    void setCurr(FairEntity e) {
        if (curr != null) load -= curr.weight;
        curr = e;
        if (e != null) load += e.weight;
    }

    /** Gives {@code e}, running or waiting here, a new weight. */
    void reweight(FairEntity e, int weight) {
        load += weight - e.weight;
        e.weight = weight;
    }

    /** The waiting entity with the least vruntime, or null. */
    FairEntity first() {
        return leftmost;
    }

    /** The waiting entity with the greatest vruntime, or null. */
    FairEntity last() {
        return waiting.isEmpty() ? null : waiting.last();
    }

    FairEntity pollFirst() {
        FairEntity e = waiting.pollFirst();
        if (e != null) {
            leftmost = waiting.isEmpty() ? null : waiting.first();
            load -= e.weight;
            updateMin();
        }
        return e;
    }

    /**
     * The waiting entity allowed on {@code cpu} whose move there best evens a load difference of {@code imbalance},
     * among the {@code scan} most behind, or null. Only a weight below the difference qualifies: the two loads then
     * end closer than they were, so the move can never be answered by one back (no ping-pong). TreeSet.lower walks
     * the set without an iterator, so a balancing tick allocates nothing.
     */
    FairEntity pullable(int cpu, long imbalance, int scan) {
        FairEntity best = null;
        long bestGap = imbalance;
        int seen = 0;
        for (FairEntity e = last(); e != null && seen < scan; e = waiting.lower(e), seen++) {
            if (!e.task.allowedOn(cpu)) continue;
            // |loads' difference after the move| = |imbalance - 2w|, below imbalance exactly when 0 < w < imbalance.
            long gap = Math.abs(imbalance - 2L * e.weight);
            if (gap < bestGap) {
                best = e;
                bestGap = gap;
            }
        }
        return best;
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

    /** The weights of the tasks on this CPU, running or waiting, summed: what load balancing compares. */
    long load() {
        return load;
    }

    /** update_min_vruntime: the least of the running and leftmost vruntimes, never moving backwards. */
    void updateMin() {
        FairEntity left = leftmost;
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
