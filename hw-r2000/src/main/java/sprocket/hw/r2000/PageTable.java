package sprocket.hw.r2000;

/**
 * One address space's software page table, which the UTLB refill handler reads: PTEs in EntryLo layout
 * (see {@link EntryLo}), kept in two levels keyed by VPN, 512 leaves of 1024 PTEs covering kuseg. A leaf
 * exists only while it maps something, and the directory of leaves only once something is mapped, so a space that
 * never touches a page (a forked child that only waits) costs a few bytes of host memory; an absent PTE reads as 0.
 */
final class PageTable {

    private static final int LEAF_SHIFT = 10;
    private static final int LEAF_SIZE = 1 << LEAF_SHIFT;
    private static final int LEAF_MASK = LEAF_SIZE - 1;
    static final int LEAVES = Kuseg.PAGES >>> LEAF_SHIFT;

    /** Host bytes of the directory (an array of {@link #LEAVES} references) and of a leaf ({@code LEAF_SIZE + 1} ints). */
    static final long DIRECTORY_BYTES = 16 + 4L * LEAVES;
    static final long LEAF_BYTES = 16 + 4L * (LEAF_SIZE + 1);

    /** The leaves by index, made on the first mapping; each leaf's last slot counts its mapped PTEs (to free it). */
    private int[][] leaves;
    /** Host bytes the directory and leaves hold now (Mmu.tableBytes sums them over the live pmaps). */
    long bytes;
    /** PTEs the last {@link #remove} or {@link #protect} read, and how many of those it rewrote: the work to charge. */
    int read;
    int written;

    /** The PTE of {@code vpn} (a kuseg page), 0 when nothing is mapped there. */
    int pte(int vpn) {
        int[][] dir = leaves;
        int[] leaf = dir == null ? null : dir[vpn >>> LEAF_SHIFT];
        return leaf == null ? 0 : leaf[vpn & LEAF_MASK];
    }

    /** Whether the leaf that holds {@code vpn}'s PTE exists: setting it then allocates nothing. */
    boolean hasLeaf(int vpn) {
        return leaves != null && leaves[vpn >>> LEAF_SHIFT] != null;
    }

    /** Host bytes a mapping where {@code hasLeaf} is false adds: a leaf, and the directory if there is none yet. */
    long growth() {
        return LEAF_BYTES + (leaves == null ? DIRECTORY_BYTES : 0);
    }

    /** Sets the PTE of {@code vpn} ({@code 0} unmaps it); returns the old one. */
    int set(int vpn, int pte) {
        int l = vpn >>> LEAF_SHIFT;
        int[] leaf = leaves == null ? null : leaves[l];
        if (leaf == null) {
            if (pte == 0) {
                return 0;
            }
            if (leaves == null) {
                leaves = new int[LEAVES][];
                bytes += DIRECTORY_BYTES;
            }
            leaf = new int[LEAF_SIZE + 1];
            leaves[l] = leaf;
            bytes += LEAF_BYTES;
        }
        int old = leaf[vpn & LEAF_MASK];
        leaf[vpn & LEAF_MASK] = pte;
        leaf[LEAF_SIZE] += (pte != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        if (leaf[LEAF_SIZE] == 0) {
            leaves[l] = null;
            bytes -= LEAF_BYTES;
        }
        return old;
    }

    /**
     * Unmaps every page in [vpnFrom, vpnTo). Returns how many of them had a valid PTE, which is how many a
     * TLB may still hold.
     */
    int remove(int vpnFrom, int vpnTo) {
        int wasValid = 0;
        read = 0;
        written = 0;
        if (leaves == null) {
            return 0;
        }
        for (int vpn = vpnFrom; vpn < vpnTo; vpn = nextPage(vpn)) {
            if (leaves[vpn >>> LEAF_SHIFT] == null) {
                continue;
            }
            read++;
            int old = set(vpn, 0);
            if (old != 0) {
                written++;
            }
            if (EntryLo.valid(old)) {
                wasValid++;
            }
        }
        return wasValid;
    }

    /**
     * Sets the V and D bits of every mapped page in [vpnFrom, vpnTo) to {@code protBits}. Returns how many
     * valid PTEs changed, which is how many stale copies a TLB may hold.
     */
    int protect(int vpnFrom, int vpnTo, int protBits) {
        int changed = 0;
        read = 0;
        written = 0;
        if (leaves == null) {
            return 0;
        }
        // A leaf at a time: fork(2) write-protects every page of a large private mapping, so this loop is hot.
        for (int vpn = vpnFrom; vpn < vpnTo; vpn = (vpn | LEAF_MASK) + 1) {
            int[] leaf = leaves[vpn >>> LEAF_SHIFT];
            if (leaf == null) {
                continue;
            }
            int end = Math.min(vpnTo - (vpn & ~LEAF_MASK), LEAF_SIZE);
            for (int i = vpn & LEAF_MASK; i < end; i++) {
                int old = leaf[i];
                read++;
                if (old == 0) {
                    continue;
                }
                int pte = old & ~(EntryLo.V | EntryLo.D) | protBits;
                leaf[i] = pte;
                if (pte != old) {
                    written++;
                }
                if (pte != old && EntryLo.valid(old)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The next page to visit after {@code vpn}: the one after it, or the start of the next leaf when this leaf is absent. */
    private int nextPage(int vpn) {
        return leaves[vpn >>> LEAF_SHIFT] == null ? (vpn | LEAF_MASK) + 1 : vpn + 1;
    }

    /** Drops every leaf; returns how many there were, each a page of kernel memory given back. */
    int clear() {
        int freed = 0;
        if (leaves != null) {
            for (int[] leaf : leaves) {
                if (leaf != null) {
                    freed++;
                }
            }
            leaves = null;
        }
        bytes = 0;
        return freed;
    }
}
