package sprocket.vm.regions;

/**
 * One attachment of a {@link Region} in an address space: {@code pages} pages from {@code base} with a protection
 * ({@link sprocket.api.hw.Prot} bits), reaching the region's pages from {@code offset} on. For a region that grows
 * up the lowest page is region page {@code offset}; for one that grows down the highest is. munmap(2) and
 * mprotect(2) cut pregions into pieces that keep attaching the same region; growth extends one.
 */
final class Pregion {
    final Region region;
    private final int shift;
    long base;
    int pages;
    int offset;
    int prot;
    /**
     * The pmap may hold a writable entry in this range: set when one is entered, cleared when the whole range is
     * protected read-only, so a second fork of an unchanged parent need not write-protect its pages again.
     */
    boolean mayBeWritable;
    /** The shared memory segment a shmat(2) attached here, or null; every piece of that attachment names it. */
    SharedMemorySegment segment;
    /** Where that shmat(2) put the segment: shmdt(2) finds every remaining piece of the attachment by it. */
    long attachedAt;

    Pregion(Region region, long base, int pages, int offset, int prot, int pageShift) {
        this.region = region;
        this.base = base;
        this.pages = pages;
        this.offset = offset;
        this.prot = prot;
        this.shift = pageShift;
    }

    /** The highest address, exclusive. */
    long end() {
        return base + ((long) pages << shift);
    }

    /** The region page holding {@code vaddr}, which must be inside. */
    int index(long vaddr) {
        return offset + (int) (region.growsDown() ? (end() - 1 - vaddr) >>> shift : (vaddr - base) >>> shift);
    }

    /** The lowest region page of the pages in {@code [lo, hi)}, which must be inside and page aligned. */
    int firstIndex(long lo, long hi) {
        return region.growsDown() ? index(hi - 1) : index(lo);
    }

    /** The piece over {@code [lo, hi)}, which must be inside and page aligned: same region, same protection. */
    Pregion slice(long lo, long hi) {
        Pregion piece = new Pregion(region, lo, (int) ((hi - lo) >>> shift), firstIndex(lo, hi), prot, shift);
        piece.mayBeWritable = mayBeWritable;
        piece.segment = segment;
        piece.attachedAt = attachedAt;
        return piece;
    }

    /** Shrinks this pregion to {@code [lo, hi)}, which must be inside and page aligned. */
    void trim(long lo, long hi) {
        offset = firstIndex(lo, hi);
        base = lo;
        pages = (int) ((hi - lo) >>> shift);
    }

    /** Whether {@code next}, which starts where this ends, continues it: same region pages in order, same protection. */
    boolean continuedBy(Pregion next) {
        return next.region == region && next.base == end() && next.prot == prot
                && sameAttachment(next)
                && (region.growsDown() ? offset == next.offset + next.pages : next.offset == offset + pages);
    }

    /** Whether {@code other} is a piece of the same shmat(2) attachment, or neither is one. */
    boolean sameAttachment(Pregion other) {
        return other.segment == segment && other.attachedAt == attachedAt;
    }

    /** Takes in {@code next}, which {@link #continuedBy continues} this one. */
    void absorb(Pregion next) {
        if (region.growsDown()) {
            offset = next.offset;
        }
        pages += next.pages;
        mayBeWritable |= next.mayBeWritable;
    }

    @Override
    public String toString() {
        return region.type + "[0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(end()) + ") prot " + prot
                + " from page " + offset;
    }
}
