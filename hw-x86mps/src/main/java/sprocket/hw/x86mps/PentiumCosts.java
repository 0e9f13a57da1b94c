package sprocket.hw.x86mps;

import sprocket.api.hw.CostModel;

/**
 * What operations cost on a 100 MHz Pentium MPS board, in processor cycles. docs/machines.md ("x86mps") gives
 * the source of each figure; the bus figures are in 66 MHz bus clocks there, 1.5 processor cycles each.
 */
final class PentiumCosts {

    /** Processor clock: a Pentium 100 (66 MHz bus, 1.5x core multiplier). */
    static final long CLOCK_HZ = 100_000_000L;

    /** INVLPG on the Pentium takes about 25 clocks (it also serializes the pipeline). */
    static final long INVLPG = 25;
    /** MOV to CR3: the register write and the TLB flush it implies (the refills come later, as misses). */
    static final long CR3_LOAD = 20;
    /**
     * Moving a modified 32-byte line from another processor's cache: a snoop hit, write-back and fill, four
     * 64-bit transfers on the 66 MHz bus plus arbitration, about 50 core clocks.
     */
    static final long LINE_TRANSFER = 50;

    /** Processor cycles per bus clock, times two: the core runs at 1.5 times the 66 MHz bus (machines.md, "clock"). */
    static final long HALF_CYCLES_PER_BUS_CLOCK = 3;
    /** Bytes the 64-bit data bus moves per transfer; a burst moves a line (machines.md, "bus"). */
    static final int BUS_BYTES = 8;
    /** Bus clocks from ADS# to the first transfer of a burst read from pipelined-burst L2 SRAM: 3-1-1-1. */
    static final int L2_FIRST = 3;
    /** Bus clocks from ADS# to the first transfer of a burst from DRAM through the chipset: 7-3-3-3. */
    static final int MEMORY_FIRST = 7;
    /** Bus clocks per further transfer of a DRAM burst (page-mode column cycles). */
    static final int MEMORY_NEXT = 3;
    /** Bus clocks of a single write to DRAM, which the chipset posts in its write buffer and drains later. */
    static final int MEMORY_POSTED_WRITE = 4;
    /** Bus clocks of a snoop that hits a modified line: the requester's cycle is backed off and run again. */
    static final int BACKOFF = 2;
    /** Processor cycles a page-table entry update costs beyond its loads and stores: mask, or, loop. */
    static final long PTE_UPDATE = 3;

    static final CostModel MODEL = new CostModel(
            150,  // syscall: INT 0x80 through an interrupt gate, privilege switch, IRET back
            80,   // kernelOp: a few dozen instructions of table look-up or list update
            300,  // contextSwitch: save/restore registers, switch kernel stack, MOV CR3 (and the FPU state lazily)
            200,  // interrupt: APIC delivery, gate, push frame, EOI write to the local APIC, IRET
            1,    // memoryAccess: an L1 hit with a TLB hit issues in one clock
            2,    // copyWord: a MOVS-style load and store per 32-bit word, both cached
            30,   // tlbRefill: the hardware walk reads the PDE and the PTE (two memory reads) and sets A/D
            400,  // pageFault: exception entry, CR2 read, the handler's look-up before it decides
            1100, // pageZero: 4096 bytes at about 4 bytes a clock through write-allocate misses
            2200, // pageCopy: twice the zero: each line is read and written
            40,   // ipiSend: two writes to the local APIC's ICR (uncached MMIO) and the delivery-status poll
            200,  // ipiLatency: the message crosses the serial APIC bus in about 2 microseconds
            25,   // lockAcquire: XCHG asserts LOCK#: a locked read-modify-write bus cycle
            10);  // lockSpin: one turn of a test-and-test-and-set loop re-reading a shared cached line

    private PentiumCosts() {
    }

    /** Processor cycles of {@code busClocks} bus clocks, rounded up. */
    static long cycles(long busClocks) {
        return (busClocks * HALF_CYCLES_PER_BUS_CLOCK + 1) / 2;
    }

    /** A burst of {@code bytes} (a line) to or from the L2: 3-1-1-1 for 32 bytes. */
    static long l2Burst(int bytes) {
        return cycles(L2_FIRST + bytes / BUS_BYTES - 1);
    }

    /** A burst of {@code bytes} to or from DRAM: 7-3-3-3 for 32 bytes. */
    static long memoryBurst(int bytes) {
        return cycles(MEMORY_FIRST + (long) MEMORY_NEXT * (bytes / BUS_BYTES - 1));
    }

    /** One non-burst transfer (a written-through word, a locked read or write) to the L2. */
    static long l2Single() {
        return cycles(L2_FIRST);
    }

    /** One non-burst read from DRAM (a locked read). */
    static long memorySingle() {
        return cycles(MEMORY_FIRST);
    }

    /** One non-burst write to DRAM, posted by the chipset. */
    static long memoryWrite() {
        return cycles(MEMORY_POSTED_WRITE);
    }

    /** The bus clocks lost when a snoop hits a modified line and the requester must run its cycle again. */
    static long backoff() {
        return cycles(BACKOFF);
    }
}
