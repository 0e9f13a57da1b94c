package sprocket.sched;

import java.util.List;
import sprocket.api.sched.Task;

/**
 * The dispatch queue (SVR4 dispq): one FIFO per global priority and a bit map of the non-empty ones, so the
 * highest waiting priority is found with a leading-zero count rather than a scan of every level.
 */
final class DispatchQueue {

    private final RunQueue[] levels;
    private final long[] nonEmpty;

    DispatchQueue(int priorities) {
        levels = new RunQueue[priorities];
        for (int i = 0; i < priorities; i++) levels[i] = new RunQueue();
        nonEmpty = new long[(priorities + 63) / 64];
    }

    void addBack(Task task, int pri) {
        levels[pri].addLast(task);
        nonEmpty[pri >> 6] |= 1L << pri;
    }

    void addFront(Task task, int pri) {
        levels[pri].addFirst(task);
        nonEmpty[pri >> 6] |= 1L << pri;
    }

    /** Removes {@code task} from level {@code pri}; false when it is not there. */
    boolean remove(Task task, int pri) {
        boolean removed = levels[pri].remove(task);
        if (levels[pri].isEmpty()) nonEmpty[pri >> 6] &= ~(1L << pri);
        return removed;
    }

    /** Removes and returns the first task of the highest level that may run on {@code cpu}, or null. */
    Task takeHighestAllowed(int cpu) {
        for (int pri = highestNonEmpty(nonEmpty.length * 64 - 1); pri >= 0; pri = highestNonEmpty(pri - 1)) {
            Task t = levels[pri].takeFirstAllowed(cpu);
            if (t != null) {
                if (levels[pri].isEmpty()) nonEmpty[pri >> 6] &= ~(1L << pri);
                return t;
            }
        }
        return null;
    }

    /** The highest level holding a task that may run on {@code cpu}, or -1. */
    int highestAllowed(int cpu) {
        for (int pri = highestNonEmpty(nonEmpty.length * 64 - 1); pri >= 0; pri = highestNonEmpty(pri - 1)) {
            if (levels[pri].hasAllowed(cpu)) return pri;
        }
        return -1;
    }

    /** Appends the tasks queued at levels {@code from..to}, lowest level first, oldest first, to {@code out}. */
    void copyTo(int from, int to, List<Task> out) {
        for (int pri = from; pri <= to; pri++) {
            if ((nonEmpty[pri >> 6] & (1L << pri)) != 0) levels[pri].copyTo(out);
        }
    }

    /** The highest non-empty level at or below {@code pri}, or -1. */
    private int highestNonEmpty(int pri) {
        for (int word = pri >> 6; word >= 0 && pri >= 0; word--) {
            long bits = nonEmpty[word];
            // Keep only the levels at or below pri in this word.
            if (word == pri >> 6) bits &= -1L >>> (63 - (pri & 63));
            if (bits != 0) return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
        }
        return -1;
    }
}
