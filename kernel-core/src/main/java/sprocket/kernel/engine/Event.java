package sprocket.kernel.engine;

/**
 * Something due at a simulated time: an interrupt for one CPU, or a kernel callout (a sleep's or an alarm's
 * expiry). Ties in time are broken by the order of posting, so the queue is deterministic.
 */
public final class Event implements Comparable<Event> {
    // Not final: an interrupt's event, once fired, is used again for a later interrupt (EventQueue.recycle).
    long time;
    long seq;
    /** Target CPU of an interrupt, or -1 for a callout. */
    int cpu;
    int vector;
    final Runnable callout;
    /** Cancelled, or taken off the queue to run: a later cancel changes nothing. */
    boolean done;

    Event(long time, long seq, int cpu, int vector, Runnable callout) {
        this.time = time;
        this.seq = seq;
        this.cpu = cpu;
        this.vector = vector;
        this.callout = callout;
    }

    /** When it is due, in cycles. */
    public long time() {
        return time;
    }

    /** Whether it is still to come: neither cancelled nor run. */
    public boolean pending() {
        return !done;
    }

    boolean isCallout() {
        return callout != null;
    }

    @Override
    public int compareTo(Event o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
