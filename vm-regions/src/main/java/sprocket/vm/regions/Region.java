package sprocket.vm.regions;

import java.util.Arrays;

/**
 * A contiguous piece of virtual memory and the frames behind it, shared by reference between the pregions that
 * attach it (Bach 1986, ch. 6). Page {@code i} counts from the end a region grows away from: from the base for
 * text and data, from the top for a stack. A page with no frame yet is -1 and is zero-filled on first touch.
 */
final class Region {
    private static final int NO_FRAME = -1;

    final RegionType type;
    private int[] pages;
    private int size;
    private int resident;
    private int refs = 1;

    /** A region of {@code size} pages, none resident, held once. */
    Region(RegionType type, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("region size " + size);
        }
        this.type = type;
        this.pages = new int[Math.max(size, 4)];
        Arrays.fill(pages, NO_FRAME);
        this.size = size;
    }

    private Region(Region from) {
        this.type = from.type;
        this.pages = from.pages.clone();
        this.size = from.size;
        this.resident = from.resident;
    }

    /** Whether the region grows toward lower addresses. */
    boolean growsDown() {
        return type.growsDown();
    }

    /** Pages in the region. */
    int size() {
        return size;
    }

    /** Pages with a frame. */
    int resident() {
        return resident;
    }

    /** The frame behind page {@code index}, or -1. */
    int frame(int index) {
        return pages[index];
    }

    /** Puts the first frame behind page {@code index}. */
    void fill(int index, int frame) {
        if (pages[index] != NO_FRAME) {
            throw new IllegalStateException(type + " page " + index + " already has frame " + pages[index]);
        }
        pages[index] = frame;
        resident++;
    }

    /** Puts another frame behind a resident page (a copy-on-write copy); the caller releases the old one. */
    void replace(int index, int frame) {
        if (pages[index] == NO_FRAME) {
            throw new IllegalStateException(type + " page " + index + " has no frame to replace");
        }
        pages[index] = frame;
    }

    /** Grows to {@code newSize} pages; the new pages have no frame until touched. */
    void grow(int newSize) {
        if (newSize < size) {
            throw new IllegalArgumentException("grow " + type + " from " + size + " to " + newSize + " pages");
        }
        if (newSize > pages.length) {
            int old = pages.length;
            pages = Arrays.copyOf(pages, Math.max(newSize, old * 2));
            Arrays.fill(pages, old, pages.length, NO_FRAME);
        }
        size = newSize;
    }

    /** Shrinks to {@code newSize} pages, releasing the frames of the pages cut off. Unmap them first. */
    void shrink(int newSize, PageFrames frames) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("shrink " + type + " from " + size + " to " + newSize + " pages");
        }
        for (int i = newSize; i < size; i++) {
            if (pages[i] != NO_FRAME) {
                frames.release(pages[i]);
                pages[i] = NO_FRAME;
                resident--;
            }
        }
        size = newSize;
    }

    /** A private copy for fork(2): the same frames, each now also referenced by the copy (copy-on-write). */
    Region duplicate(PageFrames frames) {
        for (int i = 0; i < size; i++) {
            if (pages[i] != NO_FRAME) {
                frames.share(pages[i]);
            }
        }
        return new Region(this);
    }

    /** Another pregion attaches this region. */
    void hold() {
        if (refs == 0) {
            throw new IllegalStateException(type + " region attached after it was freed");
        }
        refs++;
    }

    /** A pregion detaches; returns the references left. At zero the caller frees the pages. */
    int drop() {
        if (refs == 0) {
            throw new IllegalStateException(type + " region detached more times than attached");
        }
        return --refs;
    }

    /** Pregions attached. */
    int references() {
        return refs;
    }

    /**
     * Gives back every frame once no pregion is left. Text is shared by region, never frame by frame, so its
     * frames must be held by it alone; data and stack frames may still be held copy-on-write by a fork sibling.
     */
    void freePages(PageFrames frames) {
        if (refs != 0) {
            throw new IllegalStateException(type + " region freed while attached " + refs + " time(s)");
        }
        for (int i = 0; i < size; i++) {
            int frame = pages[i];
            if (frame == NO_FRAME) {
                continue;
            }
            if (type == RegionType.TEXT) {
                frames.free(frame);
            } else {
                frames.release(frame);
            }
            pages[i] = NO_FRAME;
        }
        resident = 0;
    }
}
