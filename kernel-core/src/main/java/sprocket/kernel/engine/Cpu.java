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
    /**
     * Clock ticks by what the CPU was doing when each came (Linux's kernel_cpustat, SVR4's cpu_time): {@link #USER},
     * {@link #NICE}, {@link #SYSTEM}, {@link #IDLE} and {@link #IOWAIT}; no simulated device makes a CPU wait for I/O.
     */
    final long[] ticks = new long[5];
    static final int USER = 0;
    static final int NICE = 1;
    static final int SYSTEM = 2;
    static final int IDLE = 3;
    static final int IOWAIT = 4;
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

    /** The clock ticks counted as user, nice, system, idle and I/O wait time, a copy. */
    public long[] ticks() {
        return ticks.clone();
    }

    /**
     * Accounts {@code n} ticks to what the CPU does now: a tick that came late stands for the ones the clock passed
     * over meanwhile, which the same thread (or the idle loop) had.
     */
    void account(long n) {
        Kthread t = current;
        int state = t == null ? IDLE : t.inKernel() ? SYSTEM : t.nice() > 0 ? NICE : USER;
        ticks[state] += n;
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
