package sprocket.cli.bin;

import sprocket.api.sys.Sys;

/**
 * Lamport's bakery lock for {@code n} processes, built from nothing but loads and stores to shared memory: the
 * Sys interface has no read-modify-write instruction, and the HOWTO (section 2.2, "Atomicity") points to the
 * textbook algorithms that "allow ordinary instructions to be used to implement ... mutual exclusion". It needs
 * memory that is sequentially consistent, which the simulator's is, and only aligned 32-bit loads and stores,
 * the size the HOWTO says the bus transfers atomically.
 *
 * <p>Each process owns one slot of {@link #SLOT} bytes, a cache line of its own on the Pentium's 32-byte lines so
 * that a process announcing itself does not invalidate its neighbours' slots (false sharing): {@code choosing} at
 * +0, {@code number} (its ticket) at +4, and eight bytes at +8 the process may use for itself.
 */
final class Bakery {
    /** Bytes per process slot. */
    static final long SLOT = 32;
    private static final long CHOOSING = 0;
    private static final long NUMBER = 4;
    /** Offset of the word in each slot the lock leaves to its owner. */
    static final long SPARE = 8;

    private final long base;
    private final int n;

    /** The lock whose {@code n} slots start at {@code base}; the memory must be zero, as a fresh anonymous mapping is. */
    Bakery(long base, int n) {
        this.base = base;
        this.n = n;
    }

    /** Bytes the lock occupies. */
    static long size(int n) {
        return n * SLOT;
    }

    /** The address of process {@code i}'s slot. */
    long slot(int i) {
        return base + i * SLOT;
    }

    /**
     * Enters the critical section as process {@code i}; with {@code yield}, every pass of a waiting loop gives the
     * CPU away with sched_yield(2) (the HOWTO's IDLE_ME). Returns how many passes the waiting loops made.
     */
    long lock(Sys sys, int i, boolean yield) {
        long me = slot(i);
        // Take a ticket one above every ticket in sight; two processes may draw the same one, and the pid order breaks the tie.
        sys.cpu().store32(me + CHOOSING, 1);
        int max = 0;
        for (int j = 0; j < n; j++) {
            int t = sys.cpu().load32(slot(j) + NUMBER);
            if (t > max) max = t;
        }
        int ticket = max + 1;
        sys.cpu().store32(me + NUMBER, ticket);
        sys.cpu().store32(me + CHOOSING, 0);

        long spins = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) continue;
            long other = slot(j);
            // Wait while j is drawing a ticket, or it could draw one lower than ours after we looked.
            while (sys.cpu().load32(other + CHOOSING) != 0) {
                spins++;
                if (yield) sys.sched_yield();
            }
            // Wait while j holds a ticket served before ours: (number, index) ordered lexicographically.
            while (true) {
                int t = sys.cpu().load32(other + NUMBER);
                if (t == 0 || t > ticket || (t == ticket && j > i)) break;
                spins++;
                if (yield) sys.sched_yield();
            }
        }
        return spins;
    }

    /** Leaves the critical section as process {@code i}: giving up the ticket lets the next one in. */
    void unlock(Sys sys, int i) {
        sys.cpu().store32(slot(i) + NUMBER, 0);
    }
}
