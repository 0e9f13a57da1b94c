package sprocket.api.hw;

import java.util.random.RandomGenerator;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;

/** The kernel, as a machine sees it: implemented by the kernel and handed to {@link Machine#attach}. */
public interface MachineContext {

    /** Raises interrupt {@code vector} on {@code cpu} when that CPU's clock reaches {@code atCycle}. */
    void post(int cpu, int vector, long atCycle);

    /**
     * The kernel's page-fault handler: the machine calls it when a translation is missing or forbids the
     * access, after its own refill found nothing. Returns true when the kernel has entered a mapping (retry
     * the access), false when the access is an error (the kernel then signals the process).
     */
    boolean pageFault(int cpu, long vaddr, Access access);

    /** The clock of {@code cpu}, in cycles. */
    long now(int cpu);

    /**
     * The clock of the CPU furthest behind among CPUs {@code 0 .. cpus-1}: no request can come from before it, so a
     * {@link SharedResource} may forget what ended earlier.
     */
    default long slowestClock(int cpus) {
        long min = Long.MAX_VALUE;
        for (int c = 0; c < cpus; c++) {
            min = Math.min(min, now(c));
        }
        return min;
    }

    /** Adds {@code cycles} to {@code cpu}'s clock: work the machine did on that CPU's behalf. */
    void charge(int cpu, long cycles);

    /** A run statistic by name. */
    Counter counter(String name);

    /** A pseudo-random stream derived from the run's seed, such as the R2000's Random register. */
    RandomGenerator random(String stream);

    /**
     * Whether the host holds room for {@code bytes} more of the machine's own structures kept outside its simulated
     * memory, such as the R2000's software page tables: the kernel answers from its host heap budget. A machine asks
     * before it grows such a structure and, told no, fails as when it has no memory left, so that no program can take
     * the host's heap by spreading its mappings. Machines whose tables are frames of simulated memory need not ask.
     */
    default boolean hostRoom(long bytes) {
        return true;
    }

    /**
     * Fault injection: whether an allocation at a site ({@link Faults#PAGE_TABLES} for a machine) should fail now. A
     * machine asks just before it takes memory for a translation table and fails as when it has none left.
     */
    default Faults faults() {
        return Faults.NONE;
    }
}
