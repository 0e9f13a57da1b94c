package sprocket.vm.regions;

/**
 * One process's attachment of a {@link Region}: where it sits in the virtual space and with what protection
 * ({@link sprocket.api.hw.Prot} bits). Its size is the region's, so when a shared region grows every attachment
 * sees it. A region that grows up is anchored at its base, one that grows down at its top (exclusive).
 */
final class Pregion {
    final Region region;
    final int prot;
    private final long anchor;
    private final int shift;

    Pregion(Region region, long anchor, int prot, int pageShift) {
        this.region = region;
        this.anchor = anchor;
        this.prot = prot;
        this.shift = pageShift;
    }

    /** The lowest address, inclusive. */
    long base() {
        return region.growsDown() ? anchor - ((long) region.size() << shift) : anchor;
    }

    /** The highest address, exclusive. */
    long end() {
        return region.growsDown() ? anchor : anchor + ((long) region.size() << shift);
    }

    boolean contains(long vaddr) {
        return vaddr >= base() && vaddr < end();
    }

    /** The region page holding {@code vaddr}, which must be inside. */
    int index(long vaddr) {
        return (int) (region.growsDown() ? (anchor - 1 - vaddr) >>> shift : (vaddr - anchor) >>> shift);
    }

    /** The virtual address of region page {@code index}. */
    long pageAddress(int index) {
        return region.growsDown() ? anchor - ((long) (index + 1) << shift) : anchor + ((long) index << shift);
    }
}
