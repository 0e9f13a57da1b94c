package sprocket.hw.r2000;

import java.util.Arrays;

/**
 * The tags of one write-through data cache, physically indexed and tagged, {@code ways}-way (direct-mapped on the
 * POWER Series), least recently used way replaced. Write-through lines are never dirty, so a line is only valid or
 * not: the data stays in main memory, which every store reaches through the write buffer.
 */
final class DataCache {

    private static final long NONE = -1;

    final int lineBytes;
    final int lineShift;
    final int ways;
    private final int setMask;
    private final long[] tags;
    private final long[] lastUse;
    private long uses;

    /** {@code sizeBytes} in lines of {@code lineBytes}, {@code ways}-way; powers of two. */
    DataCache(int sizeBytes, int lineBytes, int ways) {
        int sets = sizeBytes / lineBytes / ways;
        if (Integer.bitCount(lineBytes) != 1 || Integer.bitCount(ways) != 1 || sets < 1 || Integer.bitCount(sets) != 1
                || (long) sets * lineBytes * ways != sizeBytes) {
            throw new IllegalArgumentException("a cache of " + sizeBytes + " bytes cannot have " + ways + " ways of "
                    + lineBytes + "-byte lines (sizes, lines and ways are powers of two)");
        }
        this.lineBytes = lineBytes;
        this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
        this.ways = ways;
        this.setMask = sets - 1;
        this.tags = new long[sets * ways];
        this.lastUse = new long[sets * ways];
        Arrays.fill(tags, NONE);
    }

    /** Whether {@code line} is here; a hit marks it used. */
    boolean lookup(long line) {
        int base = ((int) line & setMask) * ways;
        for (int i = base; i < base + ways; i++) {
            if (tags[i] == line) {
                lastUse[i] = ++uses;
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

    /** Loads {@code line}; returns the line it displaced, or -1. */
    long fill(long line) {
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
        lastUse[slot] = ++uses;
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
