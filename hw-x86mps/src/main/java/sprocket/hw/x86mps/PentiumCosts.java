package sprocket.hw.x86mps;

import sprocket.api.hw.CostModel;

/** What operations cost on a 100 MHz Pentium MPS board, in processor cycles. */
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
}
