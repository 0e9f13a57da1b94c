package sprocket.api.hw;

/**
 * What a memory access costs on this machine: the CPUs' caches, the coherence protocol that keeps them in step,
 * the bus they share and memory behind it. It models the caches' tags and coherence states only; the bytes stay
 * in {@link PhysicalMemory}, which the kernel reads and writes as before. Each method is told which CPU acts and
 * that CPU's clock, returns the cycles the operation costs that CPU, and changes the caches' state; the caller
 * charges the cycles (the machine charges nothing itself here).
 *
 * <p>The kernel calls these from the engine's single thread, with {@code now} the acting CPU's clock. CPUs run in
 * lock-step quanta, so one CPU may call with a clock up to a quantum behind another's: the bus keeps the intervals
 * it was busy and a CPU asking at {@code now} waits for the ones that cover it (see {@link SharedResource}). The
 * same calls in the same order give the same costs.
 *
 * <p>No method allocates: the kernel calls {@link #load} and {@link #store} on every access a program makes.
 * Instruction fetches are not modelled (the instruction caches are assumed to hit); neither are the kernel's own
 * data accesses other than the block transfers below.
 *
 * <p>With the caches switched off ({@link #cached()} false) every method returns the flat figures of the
 * machine's {@link CostModel}: a load or store {@link CostModel#memoryAccess()}, a block transfer
 * {@link CostModel#copyWord()} a word, a page {@link CostModel#pageZero()} or {@link CostModel#pageCopy()}.
 */
public interface MemorySystem {

    /** A memory system with no caches: every figure flat, from {@code costs}; nothing counted but nothing to count. */
    static MemorySystem flat(CostModel costs, int cpus) {
        return new FlatMemory(costs, cpus);
    }

    /** Whether caches are modelled; false when the configuration switched them off. */
    boolean cached();

    /** The memory system in words, for reports: {@code "8K 2-way L1 (32-byte lines), 256K shared L2, MESI"}. */
    String describe();

    /**
     * Called once, at boot, by {@link Machine#attach} on the machine's behalf: where to count, and whose clocks
     * bound how far back the bus must remember.
     */
    void attach(MachineContext context);

    /**
     * A program's load of {@code bytes} (1, 2, 4 or 8) at physical address {@code pa}, after the MMU translated
     * it: the kernel calls this for every load a program makes, {@code now} the CPU's clock. Returns the cycles
     * it costs, {@link CostModel#memoryAccess()} on a first-level hit. An access that straddles two lines costs
     * both.
     */
    long load(int cpu, long now, long pa, int bytes);

    /** A program's store of {@code bytes} at {@code pa}, as {@link #load}. */
    long store(int cpu, long now, long pa, int bytes);

    /**
     * The kernel on {@code cpu} reads {@code length} bytes of physical memory from {@code pa} with a word-at-a-time
     * copy loop: the source side of copyin (a user buffer a write(2) or msgsnd(2) takes in). Returns the loop's
     * cycles and those of the lines it brings in. The range must not cross a page: the caller splits at pages.
     */
    long read(int cpu, long now, long pa, int length);

    /**
     * The kernel on {@code cpu} writes {@code length} bytes of physical memory at {@code pa}: the destination side
     * of copyout (a user buffer a read(2) fills). As {@link #read}.
     */
    long write(int cpu, long now, long pa, int length);

    /** The kernel on {@code cpu} fills frame {@code frame} with zeros (a demand-zero page). Returns the cycles. */
    long zeroFrame(int cpu, long now, int frame);

    /** The kernel on {@code cpu} copies frame {@code from} onto frame {@code to} (copy-on-write). Returns the cycles. */
    long copyFrame(int cpu, long now, int from, int to);

    /**
     * test_and_set(3) on the word at {@code pa} by {@code cpu}: the machine's atomic primitive. On x86 a locked
     * read-modify-write (XCHG asserts LOCK#) on the bus; on the R2000 a read of the lock unit on the
     * synchronisation bus. The kernel does the read and write in {@link PhysicalMemory}; this is what the hardware
     * spends, whether the word was free or held: a failed attempt costs the bus as much as a successful one.
     */
    long testAndSet(int cpu, long now, long pa);

    /** Releasing the lock word at {@code pa} that {@link #testAndSet} took (x86: a plain store; R2000: the lock unit). */
    long lockRelease(int cpu, long now, long pa);

    /** {@code cpu}'s counts since boot. Allocates: for reports, not the hot path. */
    MemoryStatistics statistics(int cpu);

    /** Every CPU's counts added up. */
    MemoryStatistics statistics();
}
