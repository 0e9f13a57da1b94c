package sprocket.hw.x86mps;

import sprocket.api.hw.CacheGeometry;

/**
 * The tags and MESI states of one cache: {@code sets} sets of {@code ways} lines, physically indexed and tagged,
 * least recently used way replaced. A line is named by its line number ({@code pa >>> lineShift}); the data stays
 * in RAM. Three arrays and a use clock: a look-up is a few array reads.
 */
final class CacheArray {

    static final byte INVALID = 0;
    static final byte SHARED = 1;
    static final byte EXCLUSIVE = 2;
    static final byte MODIFIED = 3;

    private static final long NONE = -1;

    final CacheGeometry geometry;
    final int lineBytes;
    final int lineShift;
    final int ways;
    private final int setMask;
    /** Per way, the line it holds, or -1. */
    private final long[] tags;
    private final byte[] states;
    private final long[] lastUse;
    private long uses;

    /** A cache of {@code sizeBytes} in lines of {@code lineBytes}, {@code ways}-way set associative; all powers of two. */
    CacheArray(int sizeBytes, int lineBytes, int ways) {
        this(new CacheGeometry(sizeBytes, lineBytes, ways));
    }

    CacheArray(CacheGeometry g) {
        this.geometry = g;
        this.lineBytes = g.lineBytes();
        this.lineShift = g.lineShift();
        this.ways = g.ways();
        this.setMask = g.sets() - 1;
        this.tags = new long[g.slots()];
        this.states = new byte[g.slots()];
        this.lastUse = new long[g.slots()];
        java.util.Arrays.fill(tags, NONE);
    }

    /** The slot holding {@code line}, marked used, or -1. */
    int lookup(long line) {
        return lookup(line, ++uses);
    }

    /**
     * The slot holding {@code line}, marked used at {@code stamp}, or -1. A cache only one CPU uses (an L1) stamps
     * with that CPU's clock, which only grows: the hit path then writes nothing but the stamp.
     */
    int lookup(long line, long stamp) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                lastUse[i] = stamp;
                return i;
            }
        }
        return -1;
    }

    /** The slot holding {@code line} without touching the replacement order, or -1: what a snoop sees. */
    int probe(long line) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                return i;
            }
        }
        return -1;
    }

    /** The slot a fill of {@code line} takes: an invalid way if any, else the least recently used. */
    int victim(long line) {
        int base = ((int) line & setMask) * ways;
        int oldest = base;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == NONE) {
                return i;
            }
            if (lastUse[i] < lastUse[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** The line in {@code slot}, or -1. */
    long line(int slot) {
        return tags[slot];
    }

    byte state(int slot) {
        return states[slot];
    }

    void setState(int slot, byte state) {
        if (state == INVALID) {
            tags[slot] = NONE;
        }
        states[slot] = state;
    }

    /** Loads {@code line} into {@code slot} (the caller dealt with what was there) in {@code state}, marked used. */
    void fill(int slot, long line, byte state) {
        fill(slot, line, state, ++uses);
    }

    /** As {@link #fill(int, long, byte)}, marked used at {@code stamp} (see {@link #lookup(long, long)}). */
    void fill(int slot, long line, byte state, long stamp) {
        tags[slot] = line;
        states[slot] = state;
        lastUse[slot] = stamp;
    }

    /** Slots in all: {@code sets * ways}. */
    int slots() {
        return tags.length;
    }
}
