package sprocket.hw.x86mps;

import static sprocket.hw.x86mps.PageTableEntry.A;
import static sprocket.hw.x86mps.PageTableEntry.D;
import static sprocket.hw.x86mps.PageTableEntry.ENTRIES;
import static sprocket.hw.x86mps.PageTableEntry.FRAME;
import static sprocket.hw.x86mps.PageTableEntry.P;
import static sprocket.hw.x86mps.PageTableEntry.RW;
import static sprocket.hw.x86mps.PageTableEntry.US;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Prot;

/**
 * One address space's i386 pmap: a page directory of 1024 PDEs and the page tables it points to, all in
 * frames of the machine's page-table pool in simulated RAM. Editing an entry a TLB may hold is followed by
 * INVLPG here and a shootdown on the other CPUs with this directory in CR3.
 *
 * <p>{@link #enter} takes a page table from the pool when the 4 MiB region has none, and maps nothing (false) when
 * the pool is empty; tables emptied by {@link #remove} go back to the pool.
 */
final class PageDirectory implements Pmap {

    /** The directory's frame: CR3 holds its address. */
    final int frame;
    private final PagingUnit mmu;
    private final Ram ram;
    private boolean destroyed;

    private PageDirectory(PagingUnit mmu, int frame) {
        this.mmu = mmu;
        this.ram = mmu.ram;
        this.frame = frame;
    }

    /** A new, empty page directory; ENOMEM when the pool has no frame for one. */
    static PageDirectory create(PagingUnit mmu) {
        int frame = mmu.allocateTable();
        if (frame < 0) {
            throw ErrnoException.of(Errno.ENOMEM); // the pool is empty, or fault injection says so
        }
        return new PageDirectory(mmu, frame);
    }

    /** The directory's physical address. */
    int base() {
        return frame << Ram.PAGE_SHIFT;
    }

    @Override
    public void enter(int cpu, long vaddr, int frame, int prot) {
        live();
        mmu.checkCpu(cpu);
        checkRange(vaddr, 1);
        checkProt(prot);
        if (frame < 0 || frame >= ram.frames() || mmu.pool.contains(frame)) {
            throw new IllegalArgumentException("frame " + frame + " is not a frame of RAM a page may map");
        }
        int vpn = (int) (vaddr >>> Ram.PAGE_SHIFT);
        int pteAddress = pteAddress(cpu, vpn);
        if (pteAddress < 0) {
            throw ErrnoException.of(Errno.ENOMEM); // no frame for the page table this mapping needs
        }
        int old = ram.word(pteAddress);
        int pte = PageTableEntry.make(frame, prot, PageTableEntry.user(vaddr));
        boolean same = (old & ~(A | D)) == pte; // the same mapping: keep the accessed and dirty bits the processor set
        mmu.charge(cpu, mmu.pteCost(cpu, mmu.now(cpu), pteAddress, !same));
        if (same) {
            return;
        }
        ram.setWord(pteAddress, pte);
        if ((old & P) != 0) {
            mmu.shootdown.invalidate(cpu, this, vpn, vpn);
        }
    }

    @Override
    public void remove(int cpu, long vaddr, long length) {
        live();
        mmu.checkCpu(cpu);
        checkRange(vaddr, length);
        if (length == 0) {
            return;
        }
        int firstVpn = (int) (vaddr >>> Ram.PAGE_SHIFT);
        int endVpn = (int) ((vaddr + length + Ram.PAGE_SIZE - 1) >>> Ram.PAGE_SHIFT);
        int first = -1;
        int last = -1;
        long now = mmu.now(cpu);
        long work = 0;
        for (int vpn = firstVpn; vpn < endVpn; ) {
            int table = tableBase(vpn);
            int stop = Math.min(endVpn, nextTable(vpn));
            if (table < 0) {
                vpn = stop;
                continue;
            }
            for (; vpn < stop; vpn++) {
                int at = table | PageTableEntry.tableIndex(vpn) << 2;
                int pte = ram.word(at);
                work += mmu.pteCost(cpu, now + work, at, pte != 0);
                if (pte == 0) {
                    continue;
                }
                ram.setWord(at, 0);
                if ((pte & P) != 0) {
                    first = first < 0 ? vpn : first;
                    last = vpn;
                }
            }
        }
        mmu.charge(cpu, work);
        if (first >= 0) {
            mmu.shootdown.invalidate(cpu, this, first, last);
        }
        releaseEmptyTables(firstVpn, endVpn);
    }

    @Override
    public void protect(int cpu, long vaddr, long length, int prot) {
        live();
        mmu.checkCpu(cpu);
        checkRange(vaddr, length);
        checkProt(prot);
        if (length == 0) {
            return;
        }
        int firstVpn = (int) (vaddr >>> Ram.PAGE_SHIFT);
        int endVpn = (int) ((vaddr + length + Ram.PAGE_SIZE - 1) >>> Ram.PAGE_SHIFT);
        int first = -1;
        int last = -1;
        long now = mmu.now(cpu);
        long work = 0;
        for (int vpn = firstVpn; vpn < endVpn; ) {
            int table = tableBase(vpn);
            int stop = Math.min(endVpn, nextTable(vpn));
            if (table < 0) {
                vpn = stop;
                continue;
            }
            for (; vpn < stop; vpn++) {
                int at = table | PageTableEntry.tableIndex(vpn) << 2;
                int pte = ram.word(at);
                if (!PageTableEntry.mapped(pte)) {
                    work += mmu.pteCost(cpu, now + work, at, false);
                    continue;
                }
                boolean user = (pte & US) != 0;
                int updated = PageTableEntry.make(pte >>> Ram.PAGE_SHIFT, prot, user) | (pte & (A | D));
                work += mmu.pteCost(cpu, now + work, at, updated != pte);
                if (updated == pte) {
                    continue;
                }
                ram.setWord(at, updated);
                if ((pte & P) != 0) {
                    first = first < 0 ? vpn : first;
                    last = vpn;
                }
            }
        }
        mmu.charge(cpu, work);
        if (first >= 0) {
            mmu.shootdown.invalidate(cpu, this, first, last);
        }
    }

    @Override
    public void activate(int cpu) {
        live();
        mmu.checkCpu(cpu);
        mmu.load(cpu, this);
    }

    /**
     * Returns the directory and its tables to the pool, charging {@code cpu} for reading the directory and
     * freeing each frame. A CPU that still has this directory in CR3 (an idle CPU after its last process exited)
     * is first switched to the kernel's own directory, as Linux switches an idle CPU to swapper_pg_dir: another
     * CPU by IPI, so no CPU can walk the freed tables once this returns.
     */
    @Override
    public void destroy(int cpu) {
        live();
        mmu.checkCpu(cpu);
        if (this == mmu.kernelDirectory) {
            throw new IllegalStateException("the kernel's page directory is never destroyed");
        }
        mmu.shootdown.unload(cpu, this);
        int freed = 1;
        for (int i = 0; i < ENTRIES; i++) {
            int pde = ram.word(base() | i << 2);
            if ((pde & P) != 0) {
                mmu.pool.release(pde >>> Ram.PAGE_SHIFT);
                freed++;
            }
        }
        mmu.pool.release(frame);
        mmu.chargeTeardown(cpu, freed);
        destroyed = true;
    }

    /** The frame mapped at {@code vaddr}, or -1: what the machine's tables say, for tests to compare. */
    int frameAt(long vaddr) {
        live();
        if (vaddr < 0 || vaddr >= PageTableEntry.LINEAR_LIMIT) {
            return -1;
        }
        int vpn = (int) (vaddr >>> Ram.PAGE_SHIFT);
        int table = tableBase(vpn);
        if (table < 0) {
            return -1;
        }
        int pte = ram.word(table | PageTableEntry.tableIndex(vpn) << 2);
        return PageTableEntry.mapped(pte) ? pte >>> Ram.PAGE_SHIFT : -1;
    }

    /** The physical address of the page table covering {@code vpn}, or -1 when its PDE is not present. */
    private int tableBase(int vpn) {
        int pde = ram.word(base() | PageTableEntry.directoryIndex(vpn) << 2);
        return (pde & P) != 0 ? pde & FRAME : -1;
    }

    /** The first page number covered by the next page table. */
    private static int nextTable(int vpn) {
        return (PageTableEntry.directoryIndex(vpn) + 1) << 10;
    }

    /**
     * The physical address of {@code vpn}'s PTE, building its page table when the region has none: {@code cpu}
     * zeroes the new table and writes the PDE. -1 when the pool has no frame for the table.
     */
    private int pteAddress(int cpu, int vpn) {
        int pdeAddress = base() | PageTableEntry.directoryIndex(vpn) << 2;
        int pde = ram.word(pdeAddress);
        if ((pde & P) == 0) {
            boolean user = PageTableEntry.user((long) vpn << Ram.PAGE_SHIFT);
            // The PDE allows everything the 4 MiB region's user/kernel split allows; each PTE narrows it.
            int table = mmu.allocateTable();
            if (table < 0) {
                return -1;
            }
            pde = table << Ram.PAGE_SHIFT | P | RW | (user ? US : 0);
            ram.setWord(pdeAddress, pde);
            mmu.chargeTableZero(cpu, table);
            mmu.charge(cpu, mmu.pteCost(cpu, mmu.now(cpu), pdeAddress, true));
        }
        return (pde & FRAME) | PageTableEntry.tableIndex(vpn) << 2;
    }

    /** Gives back the page tables of {@code [firstVpn, endVpn)} that no longer map anything, after the shootdown. */
    private void releaseEmptyTables(int firstVpn, int endVpn) {
        for (int dir = PageTableEntry.directoryIndex(firstVpn); dir <= PageTableEntry.directoryIndex(endVpn - 1); dir++) {
            int pdeAddress = base() | dir << 2;
            int pde = ram.word(pdeAddress);
            if ((pde & P) == 0 || !empty(pde & FRAME)) {
                continue;
            }
            ram.setWord(pdeAddress, 0);
            mmu.pool.release(pde >>> Ram.PAGE_SHIFT);
        }
    }

    private boolean empty(int table) {
        for (int i = 0; i < ENTRIES; i++) {
            if (ram.word(table | i << 2) != 0) {
                return false;
            }
        }
        return true;
    }

    private void live() {
        if (destroyed) {
            throw new IllegalStateException("pmap (page directory at frame " + frame + ") was destroyed");
        }
    }

    private static void checkRange(long vaddr, long length) {
        if (vaddr < 0 || vaddr >= PageTableEntry.LINEAR_LIMIT || length < 0
                || length > PageTableEntry.LINEAR_LIMIT - vaddr) {
            throw new IllegalArgumentException(String.format(
                    "range 0x%x+0x%x is outside the 4 GiB linear address space", vaddr, length));
        }
    }

    private static void checkProt(int prot) {
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) {
            throw new IllegalArgumentException("protection " + prot + " has bits other than PROT_READ|WRITE|EXEC");
        }
    }
}
