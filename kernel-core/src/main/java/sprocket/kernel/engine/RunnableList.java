package sprocket.kernel.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads in the scheduler's custody, in the order they were handed over, threaded through the threads
 * themselves as a doubly linked list: adding and removing on every context switch allocates nothing, and the
 * head is the one that has waited longest (the watchdog's question).
 */
final class RunnableList {
    private Kthread head;
    private Kthread tail;
    private int size;

    boolean contains(Kthread p) {
        return p.queuedHere;
    }

    /** Appends {@code p}; a thread already in the list is left where it is. */
    void add(Kthread p) {
        if (p.queuedHere) return;
        p.queuedHere = true;
        p.queuePrev = tail;
        p.queueNext = null;
        if (tail == null) head = p;
        else tail.queueNext = p;
        tail = p;
        size++;
    }

    /** Removes {@code p}; returns whether it was there. */
    boolean remove(Kthread p) {
        if (!p.queuedHere) return false;
        p.queuedHere = false;
        if (p.queuePrev == null) head = p.queueNext;
        else p.queuePrev.queueNext = p.queueNext;
        if (p.queueNext == null) tail = p.queuePrev;
        else p.queueNext.queuePrev = p.queuePrev;
        p.queuePrev = null;
        p.queueNext = null;
        size--;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The thread handed over longest ago, or null. */
    Kthread first() {
        return head;
    }

    /** A copy, in order, for walking while the list changes (handing everything to a new policy). */
    List<Kthread> snapshot() {
        List<Kthread> out = new ArrayList<>(size);
        for (Kthread p = head; p != null; p = p.queueNext) out.add(p);
        return out;
    }
}
