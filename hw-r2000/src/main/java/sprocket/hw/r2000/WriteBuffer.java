package sprocket.hw.r2000;

/**
 * The write buffer between one CPU's write-through caches and the MPlink bus: a store is one cycle while an entry
 * is free, and each entry drains as one word write on the bus, in order. When all entries are waiting, the CPU
 * stalls until the oldest has gone. Kept as the times the pending writes finish, in a ring.
 */
final class WriteBuffer {

    private final long[] done = new long[R2000Costs.WRITE_BUFFER];
    private int next;

    /**
     * The time, at or after {@code now}, when a store can enter: {@code now} if an entry is free, else when the
     * oldest pending write finishes.
     */
    long slotFreeAt(long now) {
        return Math.max(now, done[next]);
    }

    /** The store entering now will be on the bus until {@code finish}. */
    void enter(long finish) {
        done[next] = finish;
        next = (next + 1) % done.length;
    }

    /** When the newest pending write finishes: the bus transactions this CPU issues next queue behind it. */
    long drainedAt() {
        return done[(next + done.length - 1) % done.length];
    }
}
