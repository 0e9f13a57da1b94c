package sprocket.hw.r2000;

import sprocket.api.hw.CostModel;

/**
 * What operations cost on a 16.67 MHz R2000, in cycles. The R2000 issues one instruction per cycle when its
 * caches hit, so most figures are instruction counts of the code that does the work. docs/machines.md ("r2000")
 * gives the source of each figure; the memory-system ones are estimates from the POWER Series' published
 * figures, said so there.
 */
final class R2000Costs {

    /** Entries in the write buffer between a CPU's write-through caches and the MPlink bus (four, as the R2020's). */
    static final int WRITE_BUFFER = 4;
    /** Cycles to refill a first-level line of four words from the CPU board's second-level cache. */
    static final long L2_REFILL = 5;
    /** Bus cycles to win MPlink arbitration and send an address. */
    static final long BUS_ADDRESS = 2;
    /** Bus cycles a memory board takes from the address to its first word. */
    static final long MEMORY_LATENCY = 4;
    /** Bus cycles per 32-bit word of data: 64 MB/s at the CPU's 16.67 MHz is about four bytes a cycle. */
    static final long BUS_WORD = 1;
    /** Bus cycles one synchronisation-bus operation holds that bus (a lock unit read or write). */
    static final long SYNC_BUS_OP = 3;
    /** Cycles of a page-table entry update beyond its load and store: mask, or, branch. */
    static final long PTE_UPDATE = 3;

    private R2000Costs() {
    }

    /** An MPlink read of a line of {@code bytes} from memory: arbitration, address, latency, the words. */
    static long lineRead(int bytes) {
        return BUS_ADDRESS + MEMORY_LATENCY + BUS_WORD * (bytes / 4);
    }

    /** An MPlink write of one word, drained from the write buffer: memory boards take writes without waiting. */
    static long wordWrite() {
        return BUS_ADDRESS + BUS_WORD;
    }

    static CostModel standard() {
        return new CostModel(
                40,    // syscall: SYSCALL exception, save the few live registers, dispatch, rfe (about 40 instructions)
                60,    // kernelOp: a short table walk or list update in the kernel, about 60 instructions
                150,   // contextSwitch: save/restore 31 GPRs and CP0 state, load EntryHi's ASID, resume (~150 instructions)
                60,    // interrupt: exception vector, read Cause, save state, dispatch and rfe (~60 instructions)
                1,     // memoryAccess: a load or store that hits the TLB and the cache takes one pipeline cycle
                2,     // copyWord: one lw and one sw
                12,    // tlbRefill: the UTLB refill handler is about ten instructions (mfc0 Context, lw, mtc0, tlbwr, rfe) plus the trap
                300,   // pageFault: the general exception vector, full state save, region look-up before any real work
                1024,  // pageZero: 4096 bytes written one sw (4 bytes) per cycle
                2048,  // pageCopy: 1024 lw plus 1024 sw
                20,    // ipiSend: an uncached store to the target board's interrupt register across the bus
                100,   // ipiLatency: bus arbitration plus the target taking the interrupt
                10,    // lockAcquire: one uncached read of the lock unit, which sets the lock as a side effect
                6);    // lockSpin: re-reading a held lock across the bus
    }
}
