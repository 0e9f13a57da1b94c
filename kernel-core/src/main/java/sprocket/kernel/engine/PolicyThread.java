package sprocket.kernel.engine;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import sprocket.api.sched.SchedulerProvider;
import sprocket.kernel.config.KernelTunables;

/**
 * A host thread of its own on which an untrusted scheduling policy's callbacks run, one at a time, while the kernel's
 * thread waits: the host-time watchdog. A callback still running after {@code limitMillis} of host time, or one that
 * has allocated more than {@code limitBytes} of host heap, is cut off: the kernel stops waiting for it and ejects the
 * policy. The JVM cannot stop a thread, so a cut-off callback's thread is interrupted and abandoned (a daemon of the
 * lowest priority); one that ignores interruption keeps its host core until the JVM exits. An idle thread ends by
 * itself after a while (a run that ends does not say so) and a new one is started for the next callback.
 *
 * <p>The hand-off orders memory (a volatile write on each side), so the callback sees the kernel's state as the
 * kernel's thread left it, and the kernel sees what the callback did.
 */
final class PolicyThread {
    /** What a cut-off callback did: ran too long or allocated too much. */
    static final class CutOff extends RuntimeException {
        CutOff(String message) {
            super(message, null, false, false);
        }
    }

    /** How often the kernel's thread looks at the clock and the callback's allocations while it waits. */
    private static final long POLL_NANOS = 1_000_000;
    /** How long the kernel's thread spins before it parks: most callbacks are done within it. */
    private static final int SPINS = 2_000;
    /** How long the policy's thread waits for work before it ends. */
    private static final long IDLE_NANOS = 2_000_000_000L;

    /**
     * The bean that counts a thread's allocations, made when the first isolated callback runs: every boot calls
     * {@link #forPolicy}, and java.lang.management's start-up cost a few milliseconds of each run that isolates none.
     */
    private static final class Threads {
        static final com.sun.management.ThreadMXBean BEAN =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private final long limitNanos;
    private final long limitBytes;
    private final String threadName;
    /** Whether a thread serves the policy; only the one that sets it may start one or end. */
    private final AtomicBoolean serving = new AtomicBoolean();
    private volatile Thread thread;
    /** The kernel's thread waiting for the callback. */
    private volatile Thread waiter;
    private volatile Supplier<?> work;
    private volatile Object result;
    private volatile Throwable failure;
    private volatile boolean done;
    private volatile boolean abandoned;

    /**
     * The thread for the policy {@code provider} makes, or null when it runs on the kernel's thread, as
     * kernel.sched_isolation says: "plugins" isolates a provider from a plug-in jar or the class path (a module
     * outside the application's boot layer), "all" every one, "none" none.
     */
    static PolicyThread forPolicy(SchedulerProvider provider, KernelTunables t) {
        Module m = provider.getClass().getModule();
        boolean plugin = !m.isNamed() || m.getLayer() != ModuleLayer.boot();
        boolean isolate = switch (t.schedIsolation) {
            case "all" -> true;
            case "none" -> false;
            default -> plugin;
        };
        return isolate ? new PolicyThread(provider.name(), t.schedHostMillis, t.schedHostBytes) : null;
    }

    PolicyThread(String policy, long limitMillis, long limitBytes) {
        this.limitNanos = limitMillis * 1_000_000;
        this.limitBytes = limitBytes;
        this.threadName = "sprocket-sched-" + policy;
    }

    /**
     * What {@code callback} answers, run on the policy's thread; what it throws (an error included) is thrown here.
     * Throws {@link CutOff} when the watchdog cuts it off; the thread is then abandoned and every later call is
     * refused the same way.
     */
    @SuppressWarnings("unchecked")
    <T> T call(String name, Supplier<T> callback) {
        if (abandoned) throw new CutOff(name + " called after the policy's thread was abandoned");
        done = false;
        waiter = Thread.currentThread();
        work = callback;
        if (serving.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().daemon().name(threadName).priority(Thread.MIN_PRIORITY).start(this::serve);
        } else {
            LockSupport.unpark(thread);
        }
        long allocatedBefore = Threads.BEAN.getThreadAllocatedBytes(thread.threadId());
        long start = System.nanoTime();
        for (int spin = 0; !done && spin < SPINS; spin++) Thread.onSpinWait();
        while (!done) {
            LockSupport.parkNanos(this, POLL_NANOS);
            if (done) break;
            long allocated = Threads.BEAN.getThreadAllocatedBytes(thread.threadId()) - allocatedBefore;
            long ran = System.nanoTime() - start;
            if (ran > limitNanos) abandon(name + " ran for more than " + limitNanos / 1_000_000 + " ms of host time");
            if (allocated > limitBytes) {
                abandon(name + " allocated " + allocated + " bytes of host memory, more than " + limitBytes);
            }
        }
        Throwable f = failure;
        Object r = result;
        failure = null;
        result = null;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        return (T) r;
    }

    private void abandon(String why) {
        abandoned = true;
        thread.interrupt();
        throw new CutOff(why);
    }

    /** Lets the thread go: the policy was ejected for another reason. */
    void close() {
        abandoned = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void serve() {
        long idleSince = System.nanoTime();
        while (true) {
            Supplier<?> w = work;
            if (w == null) {
                if (abandoned) return;
                if (System.nanoTime() - idleSince > IDLE_NANOS) {
                    serving.set(false);
                    // Work posted meanwhile is served by this thread if no new one was started for it.
                    if (work == null || !serving.compareAndSet(false, true)) return;
                    continue;
                }
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            work = null;
            try {
                result = w.get();
            } catch (Throwable t) { // an error too: the policy's, reported by the kernel, which goes on
                failure = t;
            }
            done = true;
            LockSupport.unpark(waiter);
            idleSince = System.nanoTime();
        }
    }
}
