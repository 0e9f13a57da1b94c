package sprocket.api.sys;

/**
 * The CPU a process runs on, as user-mode code sees it: the instructions a program executes without entering the
 * kernel. Every access goes through the MMU and costs simulated time: a TLB miss, a page fault or copy-on-write is
 * taken as the hardware would take it, and an address the kernel cannot mend delivers SIGSEGV (SIGBUS for a
 * misaligned atomic). Calls act for the process that makes them, whichever reference the code holds.
 */
public interface UserCpu {

    byte load8(long addr);

    short load16(long addr);

    int load32(long addr);

    long load64(long addr);

    double loadDouble(long addr);

    void store8(long addr, byte value);

    void store16(long addr, short value);

    void store32(long addr, int value);

    void store64(long addr, long value);

    void storeDouble(long addr, double value);

    /**
     * test_and_set(3): atomically stores {@code value} in the 32-bit word at {@code addr} and returns what was there,
     * on the machine's atomic primitive (LOCK XCHG on x86 MPS; the R2000, with no read-modify-write instruction, goes
     * through its bus lock unit), at that primitive's cost.
     */
    int test_and_set(long addr, int value);

    /**
     * Releases a lock word taken with {@link #test_and_set}: stores 0 to it at the primitive's release cost (the
     * R2000's lock unit; a plain store on x86), as the MIPSpro intrinsic {@code __lock_release} does.
     */
    void lock_release(long addr);

    /** Spends {@code cycles} CPU cycles computing, as a loop would. */
    void burn(long cycles);

    /** The cycle counter of the CPU the caller runs on (RDTSC on x86; the free-running counter on IRIX). */
    long cycles();

    /**
     * The stack pointer the process started with: below exec's arguments, the top of the stack sproc(2) placed, or
     * sprocsp(2)'s {@code sp} rounded down. Simulated stack memory is what a program addresses from here down.
     */
    long stackPointer();
}
