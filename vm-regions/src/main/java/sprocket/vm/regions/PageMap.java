package sprocket.vm.regions;

import java.util.Arrays;

/**
 * The frames behind a region's pages, held by reference like SVR4's anon_map (or a Mach memory object): fork(2)
 * gives the child's copy of a private region the parent's very page map, so fork and the exit of a child that
 * never writes cost O(1) a region instead of O(resident pages). A page map held by more than one region never
 * changes; the first holder that must change a page takes its own copy ({@link Region}), and only then do the
 * frames count that copy's reference. A frame's count in {@link PageFrames} is thus the number of page maps
 * holding it, and a page is copy-on-write while its page map has more than one holder or its frame more than one
 * page map.
 */
final class PageMap {
    static final int NO_FRAME = -1;

    /** The frame behind each page, or {@link #NO_FRAME}; slots past every holder's size hold no frame. */
    int[] frames;
    /** Slots with a frame. */
    int resident;
    /** Regions holding this map. */
    int holders = 1;

    /** An empty map with room for {@code capacity} pages. */
    PageMap(int capacity) {
        frames = new int[capacity];
        Arrays.fill(frames, NO_FRAME);
    }

    private PageMap(PageMap from, int capacity) {
        frames = Arrays.copyOf(from.frames, capacity);
        Arrays.fill(frames, from.frames.length, capacity, NO_FRAME);
        resident = from.resident;
    }

    /** Whether a fork relative holds this map too. */
    boolean shared() {
        return holders > 1;
    }

    /** Makes room for {@code capacity} pages; only the sole holder may. */
    void ensureCapacity(int capacity) {
        if (capacity > frames.length) {
            int old = frames.length;
            frames = Arrays.copyOf(frames, Math.max(capacity, old * 2));
            Arrays.fill(frames, old, frames.length, NO_FRAME);
        }
    }

    /**
     * Gives one holder a copy with room for at least {@code capacity} pages: the deferred half of fork(2). Every
     * frame in it gains the copy's reference; this map keeps its other holders.
     */
    PageMap copyFor(int capacity, PageFrames pageFrames) {
        if (holders < 2) {
            throw new IllegalStateException("copying a page map held once");
        }
        PageMap copy = new PageMap(this, Math.max(capacity, frames.length));
        int[] f = frames;
        for (int i = 0, left = resident; left > 0; i++) {
            if (f[i] != NO_FRAME) {
                pageFrames.share(f[i]);
                left--;
            }
        }
        holders--;
        return copy;
    }
}
