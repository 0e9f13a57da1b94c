package sprocket.kernel.engine;

import sprocket.api.sched.Task;
import sprocket.api.vm.AddressSpace;
import sprocket.kernel.lock.KernelLock;

/**
 * A kernel thread: what the engine runs on a CPU, puts to sleep, wakes and hands to the scheduling policy. A process
 * is one thread (Solaris's proc and its kthread in one object, since a process here has exactly one), so the
 * process structure extends this class; everything about running (state, CPU, sleep channel, run queue links, the
 * times a scheduler and getrusage(2) read) is the engine's, and only the engine writes it.
 */
public abstract class Kthread implements Task {
    ThreadState state = ThreadState.RUNNABLE;
    Cpu cpu;
    int lastCpu = -1;
    /** Its Java stack, made by {@link Coroutine#create}. */
    Object stack;

    /** Wait channel while SLEEPING, compared by identity. */
    Object channel;
    boolean interruptible;
    boolean wokenBySignal;

    int nice;
    int priority;
    long affinity;

    long startTime;
    long runtime;
    long waitTime;
    long runnableSince;
    long runStart;
    long sliceStart;
    long migrations;
    long nvcsw;
    long nivcsw;
    long tlbMark;
    long tlbMisses;

    /** Kernel time: accumulated, and where the current stretch began (microstate accounting). */
    long stime;
    long kernelMark;
    /** Inside a system call: charged time does not preempt (the kernel is not preemptible). */
    boolean inKernel;
    /** A kernel lock held across the current system call, released while the thread sleeps or yields. */
    KernelLock heldLock;

    /** Links of the engine's list of threads in the policy's custody. */
    boolean queuedHere;
    Kthread queuePrev;
    Kthread queueNext;
    /** Links of the engine's list of every live thread, in creation order (handed to a fallback policy). */
    Kthread livePrev;
    Kthread liveNext;

    // ---- what the engine asks of the process a thread belongs to

    /** Whether a signal waits that the thread has not blocked: an interruptible sleep then ends with EINTR. */
    public abstract boolean signalPending();

    /** The address space the thread runs in, whose pmap the CPU activates at dispatch; null when it has none. */
    public abstract AddressSpace space();

    // ---- reads

    public final ThreadState state() {
        return state;
    }

    /** What the thread sleeps on (its wchan) while SLEEPING, else null. */
    public final Object channel() {
        return state == ThreadState.SLEEPING ? channel : null;
    }

    /** Not yet exited. */
    public final boolean alive() {
        return state != ThreadState.ZOMBIE;
    }

    /** The CPU the thread is running on, or null when it is not running. */
    public final Cpu cpu() {
        return cpu;
    }

    public final boolean inKernel() {
        return inKernel;
    }

    public final long startTime() {
        return startTime;
    }

    public final long stime() {
        return stime;
    }

    /** Where the current stretch of kernel time began. */
    public final long kernelMark() {
        return kernelMark;
    }

    /** Where the current slice on a CPU began. */
    public final long sliceStart() {
        return sliceStart;
    }

    public final long nvcsw() {
        return nvcsw;
    }

    public final long nivcsw() {
        return nivcsw;
    }

    public final long migrations() {
        return migrations;
    }

    /** TLB misses charged to the thread up to its last stop, and the machine's counter when it was dispatched. */
    public final long tlbMisses() {
        return tlbMisses;
    }

    public final long tlbMark() {
        return tlbMark;
    }

    /** Whether the thread may run on {@code cpu} (its affinity mask). */
    public final boolean allowedOn(int cpu) {
        return cpu >= 64 || (affinity & (1L << cpu)) != 0;
    }

    // ---- kernel entry and exit, by the system call layer on the running thread

    /** The thread traps into the kernel at its CPU's clock. */
    public final void enterKernel() {
        kernelMark = cpu.now;
        inKernel = true;
    }

    /** The thread holds {@code lock} for the rest of its system call. */
    public final void hold(KernelLock lock) {
        heldLock = lock;
    }

    /** The lock held across the current system call, or null. */
    public final KernelLock heldLock() {
        return heldLock;
    }

    /** Returns to user mode: the kernel time since entry is charged. */
    public final void leaveKernel() {
        inKernel = false;
        stime += cpu.now - kernelMark;
    }

    // ---- the Task view a scheduling policy reads

    @Override
    public final int nice() {
        return nice;
    }

    @Override
    public final int priority() {
        return priority;
    }

    @Override
    public final int weight() {
        return Weights.of(nice);
    }

    @Override
    public final long affinity() {
        return affinity;
    }

    @Override
    public final int lastCpu() {
        return lastCpu;
    }

    @Override
    public final long runtime() {
        return runtime;
    }

    @Override
    public final long waitTime() {
        return waitTime;
    }

    @Override
    public final long runnableSince() {
        return runnableSince;
    }

    @Override
    public String toString() {
        return "pid " + pid() + " (" + command() + ")";
    }
}
