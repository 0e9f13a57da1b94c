package sprocket.hw.x86mps;

import java.util.Arrays;

/**
 * One Pentium's data TLB: 64 entries, 4-way set associative (16 sets chosen by the low bits of the page
 * number), least recently used way replaced. It caches only finished translations: no ASID and no global
 * bit here, so loading CR3 empties it.
 *
 * <p>An entry is the page's frame (bits 31..12) with {@link PageTableEntry#P} (valid), the effective R/W and
 * U/S of directory and table entry, and D as it was when the entry was loaded.
 */
final class Tlb {

    static final int ENTRIES = 64;
    static final int WAYS = 4;
    static final int SETS = ENTRIES / WAYS;

    private final int[] tag = new int[ENTRIES];
    private final int[] entry = new int[ENTRIES];
    private final long[] lastUse = new long[ENTRIES];
    private long uses;

    Tlb() {
        Arrays.fill(tag, -1);
    }

    /** The entry for page {@code vpn}, marked used, or 0 on a miss. */
    int lookup(int vpn) {
        int base = (vpn & (SETS - 1)) * WAYS;
        for (int i = base; i < base + WAYS; i++) {
            if (tag[i] == vpn) {
                lastUse[i] = ++uses;
                return entry[i];
            }
        }
        return 0;
    }

    /** Loads an entry for {@code vpn}, over the page's old entry, else an empty way, else the least recently used. */
    void insert(int vpn, int value) {
        int base = (vpn & (SETS - 1)) * WAYS;
        int victim = -1;
        int empty = -1;
        int oldest = base;
        for (int i = base; i < base + WAYS; i++) {
            if (tag[i] == vpn) {
                victim = i;
            } else if (tag[i] == -1) {
                if (empty < 0) {
                    empty = i;
                }
            } else if (lastUse[i] < lastUse[oldest]) {
                oldest = i;
            }
        }
        if (victim < 0) {
            victim = empty >= 0 ? empty : oldest;
        }
        tag[victim] = vpn;
        entry[victim] = value | PageTableEntry.P;
        lastUse[victim] = ++uses;
    }

    /** INVLPG: drops the entry of page {@code vpn}, if any. */
    void invalidate(int vpn) {
        int base = (vpn & (SETS - 1)) * WAYS;
        for (int i = base; i < base + WAYS; i++) {
            if (tag[i] == vpn) {
                tag[i] = -1;
            }
        }
    }

    /** What a CR3 load does: drops every entry. */
    void flush() {
        Arrays.fill(tag, -1);
    }

    /** How many entries are valid. */
    int valid() {
        int n = 0;
        for (int t : tag) {
            if (t != -1) {
                n++;
            }
        }
        return n;
    }

    /** Whether page {@code vpn} has an entry, without touching the replacement order. */
    boolean holds(int vpn) {
        int base = (vpn & (SETS - 1)) * WAYS;
        for (int i = base; i < base + WAYS; i++) {
            if (tag[i] == vpn) {
                return true;
            }
        }
        return false;
    }
}
