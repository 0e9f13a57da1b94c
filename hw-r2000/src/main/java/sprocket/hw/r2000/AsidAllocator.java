package sprocket.hw.r2000;

/**
 * The 64 six-bit ASIDs, handed out per generation. When all 64 are taken the kernel starts a new generation:
 * every ASID of the old one is stale, and every TLB must be flushed before any is handed out again
 * ("recycled by generation with a full flush on wrap"). One bit per ASID, so the set is a single long.
 */
final class AsidAllocator {

    static final int ASIDS = 64;

    private long inUse;
    private long generation = 1;

    /** The current generation; a pmap whose ASID is of an older one has no ASID. Never 0. */
    long generation() {
        return generation;
    }

    /** The lowest free ASID of this generation, now taken, or -1 when all 64 are. */
    int allocate() {
        if (inUse == -1L) {
            return -1;
        }
        int asid = Long.numberOfTrailingZeros(~inUse);
        inUse |= 1L << asid;
        return asid;
    }

    /** Gives back {@code asid} of this generation; the caller has removed its TLB entries everywhere. */
    void free(int asid) {
        inUse &= ~(1L << asid);
    }

    /** Starts a new generation with every ASID free; the caller flushes every TLB. */
    void wrap() {
        generation++;
        inUse = 0;
    }

    int inUse() {
        return Long.bitCount(inUse);
    }
}
