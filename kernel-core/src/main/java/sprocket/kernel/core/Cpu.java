package sprocket.kernel.core;

/** One simulated CPU as the engine keeps it: its cycle clock, what it runs, and its pending interrupts. */
final class Cpu {
    final int id;
    /** This CPU's clock, in cycles. */
    long now;
    /** The clock value at which the running process must give control back to the engine. */
    long limit;
    /** The process running here, or null while the CPU idles. */
    Proc current;
    /** The process that ran here last, to tell a real context switch from resuming the same process. */
    Proc last;
    /** The address space whose pmap this CPU translates through now (null: the kernel's own). */
    sprocket.api.vm.AddressSpace activeSpace;
    /** The scheduler asked for a reschedule at the next chance. */
    boolean needResched;
    /** Cycles spent running processes and handling interrupts. */
    long busy;
    /** When the next clock tick is due. */
    long nextTick;
    /** Interrupt vectors delivered but not yet handled, in arrival order. */
    int[] pending = new int[8];
    int pendingCount;

    Cpu(int id) {
        this.id = id;
    }

    void post(int vector) {
        if (pendingCount == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingCount++] = vector;
    }
}
