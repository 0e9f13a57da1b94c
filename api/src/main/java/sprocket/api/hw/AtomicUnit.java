package sprocket.api.hw;

/**
 * The atomic primitive kernel locks use, with its costs: the R2000 has no read-modify-write instruction
 * and goes through a hardware lock unit on the bus; x86 uses {@code LOCK XCHG} on a cache line.
 */
public interface AtomicUnit {

    /** What the primitive is, for reports. */
    String primitive();

    /**
     * Cycles for {@code cpu} to take a free lock last held by {@code lastHolder} (-1 if never held): on x86 a
     * line last written by another CPU must first move to this one.
     */
    long acquire(int cpu, int lastHolder);

    /** Cycles for one turn of spinning while another CPU holds the lock. */
    long spin(int cpu);

    /** Cycles to release a held lock. */
    long release(int cpu);
}
