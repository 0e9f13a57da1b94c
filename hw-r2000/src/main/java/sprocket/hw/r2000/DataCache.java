package sprocket.hw.r2000;

import java.util.Arrays;
import sprocket.api.hw.CacheGeometry;

/**
 * The tags of one write-through data cache, physically indexed and tagged, {@code ways}-way (direct-mapped on the
 * POWER Series), least recently used way replaced. Write-through lines are never dirty, so a line is only valid or
 * not: the data stays in main memory, which every store reaches through the write buffer.
 */
final class DataCache {

    private static final long NONE = -1;

    final CacheGeometry geometry;
    final int lineBytes;
    final int lineShift;
    final int ways;
    private final int setMask;
    private final long[] tags;
    private final long[] lastUse;

    DataCache(CacheGeometry g) {
        this.geometry = g;
        this.lineBytes = g.lineBytes();
        this.lineShift = g.lineShift();
        this.ways = g.ways();
        this.setMask = g.sets() - 1;
        this.tags = new long[g.slots()];
        this.lastUse = new long[g.slots()];
        Arrays.fill(tags, NONE);
    }

    /**
     * Whether {@code line} is here; a hit marks it used at {@code stamp}, the clock of the one CPU this cache
     * belongs to, which only grows.
     */
    boolean lookup(long line, long stamp) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                lastUse[i] = stamp;
                return true;
            }
        }
        return false;
    }

    /** Whether {@code line} is here, without touching the replacement order: what a snoop sees. */
    boolean holds(long line) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                return true;
            }
        }
        return false;
    }

    /** Loads {@code line}, marked used at {@code stamp}; returns the line it displaced, or -1. */
    long fill(long line, long stamp) {
        int base = ((int) line & setMask) * ways;
        int slot = base;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == NONE) {
                slot = i;
                break;
            }
            if (lastUse[i] < lastUse[slot]) {
                slot = i;
            }
        }
        long old = tags[slot];
        tags[slot] = line;
        lastUse[slot] = stamp;
        return old;
    }

    /** Drops {@code line} if it is here; returns whether it was. */
    boolean invalidate(long line) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                tags[i] = NONE;
                return true;
            }
        }
        return false;
    }

    /** The line in slot {@code i}, or -1; slots are {@code 0 .. slots() - 1}. */
    long line(int i) {
        return tags[i];
    }

    int slots() {
        return tags.length;
    }
}
