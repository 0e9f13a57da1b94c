package sprocket.kernel.engine;

import java.util.Arrays;
import sprocket.api.vm.AddressSpace;

/** One simulated CPU as the engine keeps it: its cycle clock, what it runs, and its pending interrupts. */
public final class Cpu {
    public final int id;
    /**
     * This CPU's clock, in cycles. Every part of the kernel that works on this CPU advances it by what the work
     * costs; only the engine moves it otherwise (idling, dispatch).
     */
    public long now;
    /** The clock value at which the running thread must give control back to the engine. */
    long limit;
    /** The thread running here, or null while the CPU idles. */
    Kthread current;
    /** The thread that ran here last, to tell a real context switch from resuming the same thread. */
    Kthread last;
    /** The address space whose pmap this CPU translates through now (null: the kernel's own). */
    AddressSpace activeSpace;
    /** The scheduler asked for a reschedule at the next chance. */
    boolean needResched;
    /** Cycles spent running threads and handling interrupts. */
    long busy;
    /** When the next clock tick is due. */
    long nextTick;
    /** Interrupt vectors delivered but not yet handled, in arrival order. */
    private int[] pending = new int[8];
    private int pendingCount;

    Cpu(int id) {
        this.id = id;
    }

    /** Whether the running thread's turn is over: it must give the engine its turn back at the next chance. */
    public boolean turnOver() {
        return now >= limit;
    }

    /** Cycles left before the running thread's turn is over. */
    public long limitLeft() {
        return limit - now;
    }

    /** The thread running here, or null. */
    public Kthread current() {
        return current;
    }

    /** Cycles this CPU spent running threads and handling interrupts. */
    public long busy() {
        return busy;
    }

    void post(int vector) {
        if (pendingCount == pending.length) pending = Arrays.copyOf(pending, pending.length * 2);
        pending[pendingCount++] = vector;
    }

    boolean hasInterrupts() {
        return pendingCount > 0;
    }

    int interrupts() {
        return pendingCount;
    }

    int interrupt(int i) {
        return pending[i];
    }

    void clearInterrupts() {
        pendingCount = 0;
    }
}
