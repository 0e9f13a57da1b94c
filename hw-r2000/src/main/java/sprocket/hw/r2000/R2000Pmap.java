package sprocket.hw.r2000;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Pmap;

/**
 * One address space as the R2000 kernel keeps it: its software page table, the ASID it holds and the
 * generation that ASID belongs to, and the CPUs whose TLBs may hold entries of that ASID.
 */
final class R2000Pmap implements Pmap {

    private static final int PROT_BITS = 7;

    private final R2000Mmu mmu;
    final PageTable table = new PageTable();
    /** The ASID; meaningful only while {@link #generation} is the allocator's current one. */
    int asid;
    /** The generation of {@link #asid}; 0 when the space has never had one or was destroyed. */
    long generation;
    /** Bit c set: CPU c may hold TLB entries of {@link #asid}, since it ran this space under it. */
    int cpus;
    private boolean destroyed;

    R2000Pmap(R2000Mmu mmu) {
        this.mmu = mmu;
    }

    void assign(int asid, long generation) {
        this.asid = asid;
        this.generation = generation;
        this.cpus = 0;
    }

    @Override
    public void enter(int cpu, long vaddr, int frame, int prot) {
        checkLive();
        mmu.checkCpu(cpu);
        int vpn = vpn(vaddr);
        mmu.checkFrame(frame);
        int pte = EntryLo.pte(frame, checkProt(prot));
        if (!table.hasLeaf(vpn) && mmu.tableFails(table.growth())) throw ErrnoException.of(Errno.ENOMEM);
        long bytes = table.bytes;
        int old = table.set(vpn, pte);
        mmu.tableBytesChanged(table.bytes - bytes);
        mmu.chargePtes(cpu, 1, 1);
        if (EntryLo.valid(old) && EntryLo.hardware(old) != EntryLo.hardware(pte)) {
            mmu.changed(cpu, this, vpn, vpn + 1); // replacing a mapping: a TLB may hold the old one
        }
        // ENOMEM when the kernel's host heap budget holds no more table (or by fault injection): the software page
        // table lives in kernel memory the memory manager does not hand out.
    }

    @Override
    public void remove(int cpu, long vaddr, long length) {
        checkLive();
        mmu.checkCpu(cpu);
        long end = end(vaddr, length);
        if (end <= vaddr) {
            return;
        }
        int from = (int) (vaddr >>> Kuseg.PAGE_SHIFT);
        int to = pageCeiling(end);
        long bytes = table.bytes;
        int stale = table.remove(from, to);
        mmu.tableBytesChanged(table.bytes - bytes);
        mmu.chargePtes(cpu, table.read, table.written);
        if (stale > 0) {
            mmu.changed(cpu, this, from, to);
        }
    }

    @Override
    public void protect(int cpu, long vaddr, long length, int prot) {
        checkLive();
        mmu.checkCpu(cpu);
        int bits = EntryLo.protBits(checkProt(prot));
        long end = end(vaddr, length);
        if (end <= vaddr) {
            return;
        }
        int from = (int) (vaddr >>> Kuseg.PAGE_SHIFT);
        int to = pageCeiling(end);
        int stale = table.protect(from, to, bits);
        mmu.chargePtes(cpu, table.read, table.written);
        if (stale > 0) {
            mmu.changed(cpu, this, from, to);
        }
    }

    @Override
    public void activate(int cpu) {
        checkLive();
        mmu.activate(cpu, this);
    }

    /** Frees the ASID and the page table on {@code cpu}'s time; destroying a destroyed pmap again does nothing. */
    @Override
    public void destroy(int cpu) {
        if (destroyed) {
            return;
        }
        mmu.release(cpu, this);
        destroyed = true;
    }

    /** The frame mapped at {@code vaddr}, or -1: what the machine's tables say, for tests to compare. */
    int frameAt(long vaddr) {
        checkLive();
        if (!Kuseg.contains(vaddr)) {
            return -1;
        }
        int pte = table.pte((int) (vaddr >>> Kuseg.PAGE_SHIFT));
        return (pte & EntryLo.MAPPED) != 0 ? EntryLo.pfn(pte) : -1;
    }

    /** The kuseg page of {@code vaddr}; a user mapping anywhere else is the caller's error. */
    private static int vpn(long vaddr) {
        if (!Kuseg.contains(vaddr)) {
            throw new IllegalArgumentException("0x" + Long.toHexString(vaddr) + " is not a user address (kuseg ends at 0x80000000)");
        }
        return (int) (vaddr >>> Kuseg.PAGE_SHIFT);
    }

    /** The end of [vaddr, vaddr + length) clipped to kuseg, where user pages can be. */
    private static long end(long vaddr, long length) {
        if (vaddr < 0) {
            throw new IllegalArgumentException("negative address 0x" + Long.toHexString(vaddr));
        }
        if (length <= 0 || vaddr >= Kuseg.END) {
            return vaddr;
        }
        return length >= Kuseg.END - vaddr ? Kuseg.END : vaddr + length;
    }

    private static int pageCeiling(long end) {
        return (int) ((end + Kuseg.OFFSET_MASK) >>> Kuseg.PAGE_SHIFT);
    }

    private static int checkProt(int prot) {
        if ((prot & ~PROT_BITS) != 0) {
            throw new IllegalArgumentException("bad protection " + prot);
        }
        return prot;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("pmap used after destroy()");
        }
    }
}
