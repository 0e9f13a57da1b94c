package sprocket.hw.r2000;

import sprocket.api.hw.CostModel;

/**
 * What operations cost on a 16.67 MHz R2000, in cycles. The R2000 issues one instruction per cycle when its
 * caches hit, so most figures are instruction counts of the code that does the work.
 */
final class R2000Costs {

    private R2000Costs() {
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
