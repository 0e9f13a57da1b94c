package sprocket.kernel.engine;

import java.util.PriorityQueue;

/** The global queue of timed events, ordered by time then posting order; counts live callouts for idle detection. */
final class EventQueue {
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long seq;
    private int callouts;
    /**
     * Fired interrupts' events, to be posted again: a clock tick on every CPU re-arms its timer, and with a slice of
     * one tick that is an event a context switch, which would otherwise be an allocation a switch.
     */
    private final Event[] spare = new Event[16];
    private int spares;

    void interrupt(int cpu, int vector, long time) {
        Event e;
        if (spares > 0) {
            e = spare[--spares];
            spare[spares] = null;
            e.time = time;
            e.seq = seq++;
            e.cpu = cpu;
            e.vector = vector;
            e.done = false;
        } else {
            e = new Event(time, seq++, cpu, vector, null);
        }
        queue.add(e);
    }

    /**
     * {@code e}, an interrupt taken off the queue by {@link #poll} and delivered, may be posted again. Callouts are
     * never taken back: whoever set one keeps it, to cancel.
     */
    void recycle(Event e) {
        if (!e.isCallout() && spares < spare.length) spare[spares++] = e;
    }

    Event callout(long time, Runnable action) {
        Event e = new Event(time, seq++, -1, 0, action);
        queue.add(e);
        callouts++;
        return e;
    }

    /** Cancels {@code e}; one already run or cancelled is left alone (its count was given back then). */
    void cancel(Event e) {
        if (e != null && !e.done) {
            e.done = true;
            if (e.isCallout()) callouts--;
        }
    }

    /** The earliest live event, dropping cancelled ones; null if none. */
    Event peek() {
        Event e;
        while ((e = queue.peek()) != null && e.done) {
            queue.poll();
        }
        return e;
    }

    /** Takes the earliest live event off the queue to run it. */
    Event poll() {
        Event e = peek();
        if (e != null) {
            queue.poll();
            e.done = true;
            if (e.isCallout()) callouts--;
        }
        return e;
    }

    /** Callouts still due: sleeps and alarms that may yet wake a process. */
    int pendingCallouts() {
        return callouts;
    }
}
