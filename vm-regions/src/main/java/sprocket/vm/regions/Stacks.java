package sprocket.vm.regions;

import java.util.Arrays;
import sprocket.api.spi.Counter;

/**
 * The stacks of one image and where new things go around them. sproc(2): "The len argument specifies how much margin
 * (in bytes) the system should attempt to leave for the child's stack. This margin is used when the system attempts
 * to place additional stacks or other virtual spaces (e.g. from mmap) ... if the share group's virtual space gets
 * crowded, parts of the stack that haven't yet been claimed could be used for additional stacks or other requested
 * virtual spaces." A stack's unclaimed margin is {@code [marginFloor, bottom)}, its bottom being the lowest page any
 * pregion of its region attaches; a stack no pregion attaches any more claims nothing.
 */
final class Stacks {
    private final Pregions pregions;
    private Stack[] list = new Stack[1];
    private int count;

    Stacks(Pregions pregions) {
        this.pregions = pregions;
    }

    int size() {
        return count;
    }

    Stack get(int i) {
        return list[i];
    }

    void add(Stack s) {
        if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
        }
        list[count++] = s;
    }

    void remove(Stack s) {
        for (int i = 0; i < count; i++) {
            if (list[i] == s) {
                System.arraycopy(list, i + 1, list, i, count - i - 1);
                list[--count] = null;
                return;
            }
        }
        throw new IllegalStateException(s + " is not a stack of this image");
    }

    /** The low end of stack {@code i}'s claimed pages, or its margin floor when it has none (nothing unclaimed). */
    long bottom(int i) {
        Stack s = list[i];
        int p = pregions.lowest(s.region);
        return p < 0 ? s.marginFloor : Math.max(s.marginFloor, pregions.get(p).base);
    }

    /** Whether {@code [lo, hi)} reaches into a stack's unclaimed margin. */
    boolean inMargin(long lo, long hi) {
        for (int i = 0; i < count; i++) {
            if (list[i].marginFloor < hi && bottom(i) > lo) {
                return true;
            }
        }
        return false;
    }

    /**
     * The highest page-aligned address at which {@code length} bytes fit in {@code [floor, ceiling)} touching no
     * pregion and, while there is such a place, no unclaimed margin; -1 when not even the pregions leave room.
     * {@code gaveUp} counts a placement that had to give margins up.
     */
    long findSpace(long length, long floor, long ceiling, Counter gaveUp) {
        if (!marginBelow(ceiling)) {
            return pregions.findSpace(length, floor, ceiling); // no margin in reach: a plain process's mmap
        }
        long at = highestHole(length, floor, ceiling);
        if (at >= 0) {
            return at;
        }
        at = pregions.findSpace(length, floor, ceiling);
        if (at >= 0) {
            gaveUp.increment();
        }
        return at;
    }

    /** Whether some unclaimed margin starts below {@code ceiling}. */
    private boolean marginBelow(long ceiling) {
        for (int i = 0; i < count; i++) {
            if (list[i].marginFloor < ceiling && bottom(i) > list[i].marginFloor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Top-down search past pregions and unclaimed margins: when the candidate {@code [hi - length, hi)} meets
     * something, every candidate above the lowest base of what it meets meets that too, so the next is below it.
     */
    private long highestHole(long length, long floor, long ceiling) {
        long hi = ceiling;
        while (hi - floor >= length) {
            long lo = hi - length;
            long next = hi;
            int p = pregions.firstEndingAfter(lo);
            if (p < pregions.size() && pregions.get(p).base < hi) {
                next = pregions.get(p).base;
            }
            for (int i = 0; i < count; i++) {
                long mlo = list[i].marginFloor;
                if (mlo < hi && bottom(i) > lo) {
                    next = Math.min(next, mlo);
                }
            }
            if (next == hi) {
                return lo;
            }
            hi = next;
        }
        return -1;
    }

    /** Bytes of the unclaimed margins that no pregion covers and no other margin counted already. */
    long unclaimedBytes() {
        long[][] spans = new long[count][];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long lo = list[i].marginFloor;
            long hi = bottom(i);
            if (hi > lo) {
                spans[n++] = new long[] {lo, hi};
            }
        }
        Arrays.sort(spans, 0, n, (a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long covered = Long.MIN_VALUE; // the union so far ends here
        for (int k = 0; k < n; k++) {
            long lo = Math.max(spans[k][0], covered);
            long hi = spans[k][1];
            if (hi > lo) {
                total += (hi - lo) - pregionBytes(lo, hi);
                covered = hi;
            }
        }
        return total;
    }

    /** Bytes of {@code [lo, hi)} that pregions cover. */
    private long pregionBytes(long lo, long hi) {
        long n = 0;
        for (int i = pregions.firstEndingAfter(lo); i < pregions.size() && pregions.get(i).base < hi; i++) {
            n += Math.min(hi, pregions.get(i).end()) - Math.max(lo, pregions.get(i).base);
        }
        return n;
    }
}
