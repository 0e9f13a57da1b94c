package sprocket.vm.regions;

import sprocket.api.spi.Faults;

/**
 * The physical page frames the memory manager owns, each with a reference count: System V's pfdat table. A free
 * frame counts 0; the page map holding it counts 1; copy-on-write sharing after fork(2) adds one per further page
 * map, once a fork relative has taken its own copy of the map ({@link PageMap}).
 * Free frames sit on a stack of ints with the lowest frame on top at boot, so allocation is deterministic and
 * allocates nothing. Misuse (a double free, freeing a frame still referenced) is a kernel bug and throws
 * {@link IllegalStateException}, which the kernel turns into a panic.
 */
final class PageFrames {
    private final int first;
    private final int[] refs;
    private final int[] freeStack;
    private int freeCount;
    /** Regions made and not yet freed (their pages given back): none may be left once every process is gone. */
    long liveRegions;

    /** Asked before each allocation: fault injection's frames site. */
    private final Faults faults;

    /** Manages frames {@code [first, end)}. */
    PageFrames(int first, int end) {
        this(first, end, Faults.NONE);
    }

    /** Manages frames {@code [first, end)}; an allocation fails, as when none is free, when {@code faults} says so. */
    PageFrames(int first, int end, Faults faults) {
        this.faults = faults;
        if (first < 0 || end < first) {
            throw new IllegalArgumentException("bad allocatable frame range [" + first + ", " + end + ")");
        }
        this.first = first;
        this.refs = new int[end - first];
        this.freeStack = new int[end - first];
        for (int f = end - 1; f >= first; f--) {
            freeStack[freeCount++] = f;
        }
    }

    /** Frames managed. */
    int total() {
        return refs.length;
    }

    /** Frames with no reference. */
    int free() {
        return freeCount;
    }

    /** Takes a free frame, now referenced once; -1 when none is left. */
    int allocate() {
        if (freeCount == 0 || faults.shouldFail(Faults.FRAMES)) {
            return -1;
        }
        int frame = freeStack[--freeCount];
        refs[frame - first] = 1;
        return frame;
    }

    /** How many regions hold {@code frame}. */
    int references(int frame) {
        return refs[index(frame)];
    }

    /** Adds a reference to a frame in use: a second page map now holds it copy-on-write. */
    void share(int frame) {
        int i = index(frame);
        if (refs[i] == 0) {
            throw new IllegalStateException("page frame " + frame + " is free and cannot be shared");
        }
        refs[i]++;
    }

    /** Drops one reference; the frame becomes free when none is left. Returns whether it did. */
    boolean release(int frame) {
        int i = index(frame);
        if (refs[i] == 0) {
            throw new IllegalStateException("double free of page frame " + frame);
        }
        if (--refs[i] > 0) {
            return false;
        }
        freeStack[freeCount++] = frame;
        return true;
    }

    /** Frees a frame the caller holds the only reference to. */
    void free(int frame) {
        int i = index(frame);
        if (refs[i] == 0) {
            throw new IllegalStateException("double free of page frame " + frame);
        }
        if (refs[i] > 1) {
            throw new IllegalStateException("page frame " + frame + " freed while still referenced "
                    + (refs[i] - 1) + " more time(s)");
        }
        refs[i] = 0;
        freeStack[freeCount++] = frame;
    }

    private int index(int frame) {
        int i = frame - first;
        if (i < 0 || i >= refs.length) {
            throw new IllegalStateException("page frame " + frame + " is outside the managed frames ["
                    + first + ", " + (first + refs.length) + ")");
        }
        return i;
    }
}
