package sprocket.kernel.core;

/**
 * Something due at a simulated time: an interrupt for one CPU, or a kernel callout (a sleep's or an alarm's
 * expiry). Ties in time are broken by the order of posting, so the queue is deterministic.
 */
final class Event implements Comparable<Event> {
    final long time;
    final long seq;
    /** Target CPU of an interrupt, or -1 for a callout. */
    final int cpu;
    final int vector;
    final Runnable callout;
    boolean cancelled;

    Event(long time, long seq, int cpu, int vector, Runnable callout) {
        this.time = time;
        this.seq = seq;
        this.cpu = cpu;
        this.vector = vector;
        this.callout = callout;
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
