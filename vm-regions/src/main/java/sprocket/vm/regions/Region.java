package sprocket.vm.regions;

/**
 * A contiguous piece of virtual memory and the frames behind it, held by reference by the pregions that attach it
 * (Bach 1986, ch. 6) and by whatever else keeps it alive (an address space its break or stack belongs to, a shared
 * memory identifier). Page {@code i} counts from the end a region grows away from: from the base for text, data
 * and mappings, from the top for a stack. A page with no frame yet is -1 and is zero-filled on first touch, or
 * read from the file behind a file mapping ({@link FileRegions}).
 *
 * <p>A private region is attached by one image only (fork duplicates it copy-on-write; the views of a share group
 * reach it through that one image), and within one image no two pregions attach the same page, so a page no pregion
 * attaches never keeps a frame. A shared region
 * keeps its frames while anything holds it, like an SVR4 anonymous object. The frames sit in a {@link PageMap}
 * that fork(2) hands the child's duplicate by reference; whatever changes a page first makes the map this
 * region's own.
 */
final class Region {
    private static final int NO_FRAME = PageMap.NO_FRAME;

    final RegionType type;
    /** Attached by reference across fork(2) rather than duplicated. */
    final boolean shared;
    /** The file behind a file mapping's pages, or null: anonymous memory, zero-filled. */
    final MappedFile file;
    private PageMap map;
    private int size;
    private int refs;
    private boolean freed;

    /** An anonymous region of {@code size} pages, none resident, held by nobody yet, counted live in {@code frames}. */
    Region(PageFrames frames, RegionType type, int size, boolean shared) {
        this(frames, type, size, shared, null);
    }

    /** A region of {@code size} pages of {@code file} (null: anonymous), none resident, held by nobody yet. */
    Region(PageFrames frames, RegionType type, int size, boolean shared, MappedFile file) {
        if (size < 0) {
            throw new IllegalArgumentException("region size " + size);
        }
        frames.liveRegions++;
        this.type = type;
        this.shared = shared;
        this.file = file;
        this.map = new PageMap(Math.max(size, 4));
        this.size = size;
        if (file != null) {
            file.hold();
        }
    }

    private Region(Region from, PageFrames frames) {
        frames.liveRegions++;
        this.type = from.type;
        this.shared = from.shared;
        this.file = from.file;
        this.map = from.map;
        this.size = from.size;
        map.holders++;
        if (file != null) {
            file.hold();
        }
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
        return map.resident;
    }

    /** The frame behind page {@code index}, or -1. */
    int frame(int index) {
        return map.frames[index];
    }

    /**
     * Whether resident page {@code index} is still shared copy-on-write with a fork relative: through the page map
     * both hold, or through a frame both maps hold.
     */
    boolean copyOnWrite(int index, PageFrames frames) {
        return map.shared() || frames.references(map.frames[index]) > 1;
    }

    /** Whether a fork relative still holds this region's page map. */
    boolean sharesPageMap() {
        return map.shared();
    }

    /** Puts the first frame behind page {@code index}. */
    void fill(int index, int frame, PageFrames frames) {
        if (map.frames[index] != NO_FRAME) {
            throw new IllegalStateException(type + " page " + index + " already has frame " + map.frames[index]);
        }
        PageMap m = own(0, frames);
        m.frames[index] = frame;
        m.resident++;
    }

    /**
     * Puts another frame behind a resident page (a copy-on-write copy), taking the page map for this region first;
     * the caller then releases the old frame, which the taking counted once more.
     */
    void replace(int index, int frame, PageFrames frames) {
        if (map.frames[index] == NO_FRAME) {
            throw new IllegalStateException(type + " page " + index + " has no frame to replace");
        }
        own(0, frames).frames[index] = frame;
    }

    /** Grows to {@code newSize} pages; the new pages have no frame until touched. */
    void grow(int newSize, PageFrames frames) {
        if (newSize < size) {
            throw new IllegalArgumentException("grow " + type + " from " + size + " to " + newSize + " pages");
        }
        if (newSize > map.frames.length) {
            own(newSize, frames).ensureCapacity(newSize);
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

    /**
     * Drops the frames of pages {@code [from, to)}, which no pregion reaches any more. Unmap them first. A page map
     * a fork relative still holds is left to it: this region takes its own copy first, and only if there is a frame
     * to drop.
     */
    void release(int from, int to, PageFrames frames) {
        if (!anyResident(from, to)) {
            return;
        }
        PageMap m = own(0, frames);
        int[] f = m.frames;
        for (int i = from; i < to; i++) {
            if (f[i] != NO_FRAME) {
                frames.release(f[i]);
                f[i] = NO_FRAME;
                m.resident--;
            }
        }
    }

    /** Whether a page in {@code [from, to)} still shares its frame copy-on-write with another region. */
    boolean sharesFrames(int from, int to, PageFrames frames) {
        if (map.shared()) {
            return anyResident(from, to);
        }
        int[] f = map.frames;
        for (int i = from; i < to; i++) {
            if (f[i] != NO_FRAME && frames.references(f[i]) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Pages in {@code [from, to)} with a frame. */
    int resident(int from, int to) {
        if (from == 0 && to >= size) {
            return map.resident; // slots past the size never hold a frame
        }
        int[] f = map.frames;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (f[i] != NO_FRAME) {
                n++;
            }
        }
        return n;
    }

    /** Whether a page in {@code [from, to)} has a frame: stops at the first, where counting them would not. */
    boolean anyResident(int from, int to) {
        if (map.resident == 0) {
            return false;
        }
        int[] f = map.frames;
        for (int i = from; i < to; i++) {
            if (f[i] != NO_FRAME) {
                return true;
            }
        }
        return false;
    }

    /**
     * A private copy for fork(2) in O(1): the same page map, now held by the copy too, so every page is
     * copy-on-write on both sides. No frame's count changes until a side changes a page ({@link #own}).
     */
    Region duplicate(PageFrames frames) {
        if (shared) {
            throw new IllegalStateException(type + " region is shared by reference, never duplicated");
        }
        if (freed) {
            throw new IllegalStateException(type + " region duplicated after it was freed");
        }
        return new Region(this, frames);
    }

    /**
     * The page map, made this region's alone (with room for {@code capacity} pages) before a page changes: a fork
     * relative still holding it keeps it, and this region takes a copy whose frames each gain a reference. O(pages),
     * once per side that changes anything, never for a side that only reads or exits.
     */
    private PageMap own(int capacity, PageFrames frames) {
        if (map.shared()) {
            map = map.copyFor(capacity, frames);
        }
        return map;
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
     * Gives back the page map once no holder is left: O(1) while a fork relative still holds it, else every frame.
     * Text is shared by region, never frame by frame, so its frames must be held by it alone; other frames may
     * still be held copy-on-write through a fork relative's page map.
     */
    void freePages(PageFrames frames) {
        if (refs != 0) {
            throw new IllegalStateException(type + " region freed while held " + refs + " time(s)");
        }
        PageMap m = map;
        map = new PageMap(0); // a freed region keeps no page
        freed = true;
        frames.liveRegions--;
        if (m.shared()) {
            m.holders--;
            return;
        }
        int[] f = m.frames;
        for (int i = 0, left = m.resident; left > 0; i++) {
            int frame = f[i];
            if (frame == NO_FRAME) {
                continue;
            }
            if (type == RegionType.TEXT) {
                frames.free(frame);
            } else {
                frames.release(frame);
            }
            f[i] = NO_FRAME;
            left--;
        }
        m.resident = 0;
    }
}
