package sprocket.hw.x86mps;

/**
 * The frames the machine keeps at the top of RAM for page directories and page tables, outside what the
 * memory manager allocates. Handed out lowest first and reused last-freed first, so runs repeat exactly.
 */
final class PageTablePool {

    private final Ram ram;
    private final int first;
    private final int[] free;
    private final boolean[] inUse;
    private int top;

    /** The pool of frames {@code [first, end)}. */
    PageTablePool(Ram ram, int first, int end) {
        if (first < Ram.LOW_MEMORY_FRAMES || end > ram.frames() || first >= end) {
            throw new IllegalArgumentException("page-table pool [" + first + ", " + end + ") is not inside RAM");
        }
        this.ram = ram;
        this.first = first;
        this.free = new int[end - first];
        this.inUse = new boolean[end - first];
        for (int f = end - 1; f >= first; f--) {
            free[top++] = f;
        }
    }

    /**
     * How many frames to reserve for {@code frames} of RAM: 1/32 of memory, and never fewer than 48. A page
     * table maps 1024 frames, so that is enough tables to map all of RAM about 32 times over, or a directory and
     * three tables (text, data, stack) for each of 12 address spaces on the smallest board.
     */
    static int sizeFor(int frames) {
        return Math.max(frames / 32, 48);
    }

    /**
     * A zeroed frame for a page directory or page table, or -1 when every frame is in use: the machine cannot build
     * another table, and the kernel fails what needed it as it fails for want of memory.
     */
    int allocate() {
        if (top == 0) {
            return -1;
        }
        int frame = free[--top];
        inUse[frame - first] = true;
        ram.zeroFrame(frame);
        return frame;
    }

    /** Gives a frame back; freeing a frame twice is a machine bug and is refused. */
    void release(int frame) {
        if (!contains(frame) || !inUse[frame - first]) {
            throw new IllegalStateException("frame " + frame + " is not an allocated page-table frame");
        }
        inUse[frame - first] = false;
        free[top++] = frame;
    }

    boolean contains(int frame) {
        return frame >= first && frame < first + free.length;
    }

    int capacity() {
        return free.length;
    }

    int available() {
        return top;
    }
}
