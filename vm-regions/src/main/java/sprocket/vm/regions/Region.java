package sprocket.vm.regions;

import java.util.Arrays;

/**
 * A contiguous piece of virtual memory and the frames behind it, held by reference by the pregions that attach it
 * (Bach 1986, ch. 6) and by whatever else keeps it alive (an address space its break or stack belongs to, a shared
 * memory identifier). Page {@code i} counts from the end a region grows away from: from the base for text, data
 * and mappings, from the top for a stack. A page with no frame yet is -1 and is zero-filled on first touch.
 *
 * <p>A private region is attached by one address space only (fork duplicates it copy-on-write), and within one
 * space no two pregions attach the same page, so a page no pregion attaches never keeps a frame. A shared region
 * keeps its frames while anything holds it, like an SVR4 anonymous object.
 */
final class Region {
    private static final int NO_FRAME = -1;

    final RegionType type;
    /** Attached by reference across fork(2) rather than duplicated. */
    final boolean shared;
    private int[] pages;
    private int size;
    private int resident;
    private int refs;
    private boolean freed;

    /** A region of {@code size} pages, none resident, held by nobody yet. */
    Region(RegionType type, int size, boolean shared) {
        if (size < 0) {
            throw new IllegalArgumentException("region size " + size);
        }
        this.type = type;
        this.shared = shared;
        this.pages = new int[Math.max(size, 4)];
        Arrays.fill(pages, NO_FRAME);
        this.size = size;
    }

    private Region(Region from) {
        this.type = from.type;
        this.shared = from.shared;
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
        release(newSize, size, frames);
        size = newSize;
    }

    /** Drops the frames of pages {@code [from, to)}, which no pregion reaches any more. Unmap them first. */
    void release(int from, int to, PageFrames frames) {
        for (int i = from; i < to; i++) {
            if (pages[i] != NO_FRAME) {
                frames.release(pages[i]);
                pages[i] = NO_FRAME;
                resident--;
            }
        }
    }

    /** Whether a page in {@code [from, to)} still shares its frame copy-on-write with another region. */
    boolean sharesFrames(int from, int to, PageFrames frames) {
        for (int i = from; i < to; i++) {
            if (pages[i] != NO_FRAME && frames.references(pages[i]) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Pages in {@code [from, to)} with a frame. */
    int resident(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (pages[i] != NO_FRAME) {
                n++;
            }
        }
        return n;
    }

    /** Whether a page in {@code [from, to)} has a frame: stops at the first, where counting them would not. */
    boolean anyResident(int from, int to) {
        for (int i = from; i < to; i++) {
            if (pages[i] != NO_FRAME) {
                return true;
            }
        }
        return false;
    }

    /** A private copy for fork(2): the same frames, each now also referenced by the copy (copy-on-write). */
    Region duplicate(PageFrames frames) {
        if (shared) {
            throw new IllegalStateException(type + " region is shared by reference, never duplicated");
        }
        for (int i = 0; i < size; i++) {
            if (pages[i] != NO_FRAME) {
                frames.share(pages[i]);
            }
        }
        return new Region(this);
    }

    /** One more holder: a pregion attaches it, or an owner keeps it. */
    void hold() {
        if (freed) {
            throw new IllegalStateException(type + " region held after it was freed");
        }
        refs++;
    }

    /** A holder lets go; returns the holders left. At zero the caller frees the pages. */
    int drop() {
        if (refs == 0) {
            throw new IllegalStateException(type + " region dropped more times than held");
        }
        return --refs;
    }

    /** Holders. */
    int references() {
        return refs;
    }

    /**
     * Gives back every frame once no holder is left. Text is shared by region, never frame by frame, so its frames
     * must be held by it alone; other frames may still be held copy-on-write by a fork relative.
     */
    void freePages(PageFrames frames) {
        if (refs != 0) {
            throw new IllegalStateException(type + " region freed while held " + refs + " time(s)");
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
        freed = true;
    }
}
