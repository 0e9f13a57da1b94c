package sprocket.kernel.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sprocket.api.Errno;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Vectors;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.Task;

/**
 * The deterministic multiprocessor engine. One host thread runs the whole simulation: it always advances the CPU
 * whose clock is furthest behind, for at most one quantum or until the next event (temporal decoupling), by
 * resuming the coroutine of the process that CPU runs. Processes give control back at quantum boundaries, when
 * they sleep, stop, yield or exit. Interrupts are handled by the engine between those turns.
 */
final class Engine {
    static final int TRACE_DISPATCH = 1;
    static final int TRACE_STOP = 2;
    static final int TRACE_IRQ = 3;
    static final int TRACE_WAKE = 4;
    static final int TRACE_FORK = 5;
    static final int TRACE_EXIT = 6;
    static final int TRACE_SIGNAL = 7;
    static final int TRACE_EXEC = 8;

    final Cpu[] cpus;
    final EventQueue events = new EventQueue();
    final Machine machine;
    final CostModel costs;
    final Stats stats;
    final Trace trace;
    final long quantum;
    final long tickCycles;
    /** The policy, behind the kernel's guard; {@link #guard} is the same object, typed for ejection. */
    Scheduler scheduler;
    GuardedScheduler guard;
    /** Every process the kernel knows, for handing them to a fallback policy. */
    java.util.function.Supplier<Iterable<Proc>> processes = java.util.List::of;
    /** How long a runnable process may wait before the policy is deemed broken (kernel.sched_watchdog). */
    long watchdogCycles = Long.MAX_VALUE;
    /** The kernel's own address space, active on a CPU while it runs no process's (an exiting one's is gone). */
    private sprocket.api.hw.Pmap kernelPmap;
    /** Called on a process at its return to user mode when it has signals to act on. */
    Consumer<Proc> userReturn = p -> { };

    /** The process whose coroutine runs right now; null while the engine itself runs. */
    Proc running;
    /** The time of the callout being run, for wake-ups from engine context. */
    private long eventNow;
    /** Processes in the policy's custody, in the order they were handed over (the first has waited longest). */
    private final RunnableList queued = new RunnableList();
    private final IdentityHashMap<Object, ArrayList<Proc>> sleepers = new IdentityHashMap<>();
    private final Locks locks;

    private final Stats.CounterImpl contextSwitches;
    private final Stats.CounterImpl interrupts;
    private final Stats.CounterImpl ticks;
    private final Stats.CounterImpl preemptions;
    private final Stats.CounterImpl wakeups;
    /** The machine's TLB-miss counter, sampled at each dispatch and stop to charge misses to processes. */
    private final sprocket.api.spi.Counter tlbMisses;

    Engine(Machine machine, Stats stats, Trace trace, Locks locks, long quantum, long tickCycles) {
        this.machine = machine;
        this.costs = machine.costs();
        this.stats = stats;
        this.trace = trace;
        this.locks = locks;
        this.quantum = quantum;
        this.tickCycles = tickCycles;
        int n = machine.description().cpus();
        cpus = new Cpu[n];
        for (int i = 0; i < n; i++) {
            cpus[i] = new Cpu(i);
        }
        contextSwitches = (Stats.CounterImpl) stats.counter("context_switches");
        interrupts = (Stats.CounterImpl) stats.counter("interrupts");
        ticks = (Stats.CounterImpl) stats.counter("clock_ticks");
        preemptions = (Stats.CounterImpl) stats.counter("preemptions");
        wakeups = (Stats.CounterImpl) stats.counter("wakeups");
        tlbMisses = stats.counter("tlb_misses");
    }

    sprocket.api.hw.Pmap kernelPmap() {
        if (kernelPmap == null) kernelPmap = machine.mmu().createPmap();
        return kernelPmap;
    }

    /** Arms every CPU's clock for its first tick. */
    void startClocks() {
        for (Cpu c : cpus) {
            c.nextTick = c.now + tickCycles;
            machine.interrupts().armTimer(c.id, c.nextTick);
        }
    }

    // ---- the loop

    /**
     * Runs until {@code finished} says so. Returns false if it stopped because nothing could ever happen again:
     * no process can run and no callout is due (every process asleep for good).
     */
    boolean run(BooleanSupplier finished) {
        long turns = 0;
        while (!finished.getAsBoolean()) {
            Cpu c = lowest();
            Event e = events.peek();
            if (e != null && e.time <= c.now) {
                events.poll();
                fire(e);
                continue;
            }
            if (c.pendingCount > 0) {
                handleInterrupts(c);
            }
            if (c.current != null && c.needResched) {
                preempt(c);
            }
            if (c.current == null) {
                dispatch(c);
            }
            if (c.current == null) {
                // Handling interrupts re-armed timers: the event read above may be stale.
                if (!idle(c, events.peek())) return false;
                continue;
            }
            e = events.peek();
            long limit = c.now + quantum;
            if (e != null && e.time < limit) limit = e.time;
            c.limit = limit;
            runSlice(c);
            if ((++turns & 1023) == 0) {
                locks.forgetBefore(lowest().now);
            }
        }
        return true;
    }

    private Cpu lowest() {
        Cpu best = cpus[0];
        for (int i = 1; i < cpus.length; i++) {
            if (cpus[i].now < best.now) best = cpus[i];
        }
        return best;
    }

    private void fire(Event e) {
        if (e.isCallout()) {
            eventNow = e.time;
            e.callout.run();
        } else {
            cpus[e.cpu].post(e.vector);
        }
    }

    private void runSlice(Cpu c) {
        Proc p = c.current;
        long start = c.now;
        p.sliceStart = start;
        boolean ended;
        running = p;
        try {
            ended = p.coroutine.resume();
        } catch (PanicException x) {
            throw x.at(c.now, c.id);
        } finally {
            running = null;
        }
        long ran = c.now - start;
        c.busy += ran;
        p.runtime += ran;
        if (ended || p.state == ProcState.ZOMBIE) {
            deschedule(c, false, 0);
        } else if (p.state == ProcState.RUNNABLE) {
            deschedule(c, true, Scheduler.ENQ_YIELD);
        } else if (p.state != ProcState.RUNNING) {
            deschedule(c, false, 0);
        }
    }

    private boolean idle(Cpu c, Event e) {
        long target = e == null ? Long.MAX_VALUE : e.time;
        boolean othersBusy = false;
        for (Cpu o : cpus) {
            if (o != c && o.current != null) {
                othersBusy = true;
                target = Math.min(target, o.now + quantum);
            }
        }
        if (!othersBusy && queued.isEmpty() && events.pendingCallouts() == 0 && noPendingInterrupts()) {
            return false;
        }
        // A task waiting for a CPU whose clock is ahead is work about to start: idle CPUs keep pace a quantum at
        // a time rather than leap to the next event, so that no CPU is far ahead when the task moves on.
        if (!queued.isEmpty()) target = Math.min(target, c.now + quantum);
        if (target == Long.MAX_VALUE) return false;
        c.now = Math.max(c.now + 1, target);
        return true;
    }

    private boolean noPendingInterrupts() {
        for (Cpu o : cpus) {
            if (o.pendingCount > 0) return false;
        }
        return true;
    }

    // ---- scheduling

    private void dispatch(Cpu c) {
        c.needResched = false;
        Task t = scheduler.pickNext(c.id);
        String wrong = refusal(t, c);
        if (wrong != null) {
            guard.eject(wrong, null);
            t = scheduler.pickNext(c.id);
            wrong = refusal(t, c);
            if (wrong != null) throw new PanicException("fallback scheduler " + wrong).at(c.now, c.id);
        }
        if (t == null) return;
        Proc p = (Proc) t;
        queued.remove(p);
        if (p.lastCpu >= 0 && p.lastCpu != c.id) p.migrations++;
        if (p.runnableSince > c.now) c.now = p.runnableSince;
        p.waitTime += c.now - p.runnableSince;
        p.state = ProcState.RUNNING;
        p.cpu = c;
        c.current = p;
        if (c.last != p) {
            c.now += costs.contextSwitch();
            c.busy += costs.contextSwitch();
            contextSwitches.increment();
            if (trace.keeping()) trace.instant(c.id, c.now, "switch to " + p.command + " [" + p.pid + "]");
            c.last = p;
        }
        if (trace.keeping()) trace.runnable(c.now, queued.size());
        // By space, not by process: a process that exec'd elsewhere comes back with a new one.
        if (c.activeSpace != p.space && p.space != null) {
            p.space.pmap().activate(c.id);
            c.activeSpace = p.space;
        }
        p.runStart = c.now;
        p.tlbMark = tlbMisses.get();
        scheduler.running(p, c.id);
        trace.event(TRACE_DISPATCH, c.now, c.id, p.pid, 0);
    }

    /** Why the kernel must refuse to run {@code t} on {@code c}, or null when it may. */
    private String refusal(Task t, Cpu c) {
        if (t == null) return null;
        if (!(t instanceof Proc p) || !queued.contains(p) || p.state != ProcState.RUNNABLE || p.cpu != null) {
            return "dispatched " + t + " on cpu " + c.id + ", which is not a runnable task in its custody";
        }
        if (!p.allowedOn(c.id)) return "dispatched " + p + " on cpu " + c.id + " outside its affinity mask";
        return null;
    }

    /** When the current policy took over: the watchdog does not blame it for waits that began before. */
    private long policySince;

    /** Hands every process to a new policy: the fallback after an ejection. */
    void adopt(Scheduler policy) {
        for (Cpu c : cpus) policySince = Math.max(policySince, c.now);
        for (Proc p : processes.get()) {
            if (p.alive()) policy.taskCreated(p);
        }
        for (Proc p : queued.snapshot()) {
            int cpu = policy.selectCpu(p, p.lastCpu);
            policy.enqueue(p, cpu, Scheduler.ENQ_WAKEUP);
        }
        for (Cpu c : cpus) {
            if (c.current != null) policy.running(c.current, c.id);
        }
    }

    /** The watchdog: a process left runnable too long means the policy is broken. */
    private void watchdog(Cpu c) {
        if (queued.isEmpty()) return;
        Proc oldest = queued.first();
        long waited = c.now - Math.max(oldest.runnableSince, policySince);
        if (waited > watchdogCycles) {
            guard.eject("it left " + oldest + " runnable for " + waited + " cycles (kernel.sched_watchdog is "
                    + watchdogCycles + " cycles)", null);
        }
    }

    private void preempt(Cpu c) {
        c.needResched = false;
        preemptions.increment();
        deschedule(c, true, Scheduler.ENQ_PREEMPTED);
    }

    private void deschedule(Cpu c, boolean stillRunnable, int flags) {
        Proc p = c.current;
        trace.slice(c.id, p.runStart, c.now, p.pid, p.command);
        p.tlbMisses += tlbMisses.get() - p.tlbMark;
        if (flags == Scheduler.ENQ_PREEMPTED) {
            p.nivcsw++;
        } else if (p.state != ProcState.ZOMBIE) {
            p.nvcsw++;
        }
        trace.event(TRACE_STOP, c.now, c.id, p.pid, p.state.ordinal());
        scheduler.stopping(p, c.id, stillRunnable);
        c.current = null;
        p.cpu = null;
        p.lastCpu = c.id;
        if (stillRunnable) {
            p.state = ProcState.RUNNABLE;
            p.runnableSince = c.now;
            // Its affinity may have changed while it ran: then the policy places it anew.
            int cpu = p.allowedOn(c.id) ? c.id : scheduler.selectCpu(p, c.id);
            queued.add(p);
            scheduler.enqueue(p, cpu, flags);
        }
    }

    /** Puts a sleeping, stopped or new process in the scheduler's custody, on the CPU the policy chooses. */
    void makeRunnable(Proc p, int flags) {
        p.state = ProcState.RUNNABLE;
        p.runnableSince = now();
        // The CPU first: if choosing it ejects the policy, the fallback must not be handed this task twice.
        int cpu = scheduler.selectCpu(p, p.lastCpu);
        queued.add(p);
        scheduler.enqueue(p, cpu, flags);
        if (trace.keeping()) trace.runnable(p.runnableSince, queued.size());
        wakeups.increment();
        trace.event(TRACE_WAKE, p.runnableSince, cpu, p.pid, flags);
        kick(cpus[cpu]);
    }

    /** Takes a queued process back from the scheduler (it was killed or stopped while waiting to run). */
    void dequeue(Proc p) {
        if (queued.remove(p)) {
            scheduler.dequeue(p);
        }
    }

    /**
     * sched_setaffinity(2): a queued process is taken back and placed anew; a running one on a CPU it may no longer
     * use is preempted there (at once when it is the caller).
     */
    void setAffinity(Proc p, long mask) {
        boolean queued = p.state == ProcState.RUNNABLE && p.cpu == null;
        if (queued) dequeue(p);
        p.affinity = mask;
        scheduler.affinityChanged(p);
        if (queued) {
            makeRunnable(p, Scheduler.ENQ_WAKEUP);
        } else if (p.cpu != null && !p.allowedOn(p.cpu.id)) {
            if (p == running) {
                yieldCpu(p);
            } else {
                resched(p.cpu.id);
            }
        }
    }

    /** Wakes an idle CPU that was given work: by inter-processor interrupt when another CPU gives it. */
    private void kick(Cpu target) {
        if (target.current != null) return;
        Proc r = running;
        if (r != null && r.cpu != target) {
            Cpu from = r.cpu;
            from.now += machine.interrupts().sendIpi(from.id, target.id, Vectors.RESCHEDULE);
        }
    }

    /** A policy asks {@code cpu} to reschedule. */
    void resched(int cpu) {
        Cpu target = cpus[cpu];
        Proc r = running;
        if (r != null && r.cpu == target) {
            target.needResched = true;
        } else if (target.current != null) {
            if (r != null) {
                r.cpu.now += machine.interrupts().sendIpi(r.cpu.id, cpu, Vectors.RESCHEDULE);
            } else {
                target.needResched = true;
            }
        }
    }

    private void handleInterrupts(Cpu c) {
        for (int i = 0; i < c.pendingCount; i++) {
            int v = c.pending[i];
            c.now += costs.interrupt();
            c.busy += costs.interrupt();
            interrupts.increment();
            trace.event(TRACE_IRQ, c.now, c.id, c.current == null ? 0 : c.current.pid, v);
            if (v == Vectors.TIMER) {
                ticks.increment();
                if (trace.keeping()) trace.instant(c.id, c.now, "tick");
                c.nextTick += tickCycles;
                if (c.nextTick <= c.now) c.nextTick = c.now + tickCycles;
                machine.interrupts().armTimer(c.id, c.nextTick);
                if (scheduler.tick(c.id, c.current) && c.current != null) c.needResched = true;
                watchdog(c);
            } else {
                trace.instant(c.id, c.now, v == Vectors.RESCHEDULE ? "resched IPI"
                        : v == Vectors.TLB_SHOOTDOWN ? "shootdown IPI" : "IPI " + v);
                if (v == Vectors.RESCHEDULE && c.current != null) c.needResched = true;
            }
        }
        c.pendingCount = 0;
    }

    // ---- process context

    /** The clock of whoever is acting: the running process's CPU, or the callout being run. */
    long now() {
        Proc r = running;
        return r != null ? r.cpu.now : eventNow;
    }

    /** Kernel work by the running process: its clock advances, it is not preempted. */
    void charge(long cycles) {
        Proc r = running;
        if (r != null) r.cpu.now += cycles;
    }

    /** User-mode work by the running process: it may be preempted when its turn is over. */
    void userCharge(Proc p, long cycles) {
        Cpu c = p.cpu;
        c.now += cycles;
        if (c.now >= c.limit) preemptionPoint(p);
    }

    /** Gives the engine its turn back; on return the process may be on another CPU. Then acts on signals. */
    void preemptionPoint(Proc p) {
        p.coroutine.suspend();
        if ((p.pending & ~p.blocked) != 0 || p.exiting || p.blockCount < 0) userReturn.accept(p);
    }

    /** Spends {@code cycles} computing in user mode, a quantum at a time. */
    void burn(Proc p, long cycles) {
        long left = cycles;
        while (left > 0) {
            Cpu c = p.cpu;
            long step = Math.min(left, Math.max(1, c.limit - c.now));
            c.now += step;
            left -= step;
            if (c.now >= c.limit) preemptionPoint(p);
        }
    }

    /**
     * Sleeps the running process on {@code channel}. Returns 0 when woken, EINTR when a signal woke it (or was
     * already there) and {@code interruptible}.
     */
    int sleep(Object channel, boolean interruptible) {
        Proc p = running;
        if (p == null) throw new PanicException("sleep on " + channel + " outside a process");
        if (interruptible && hasSignal(p)) return Errno.EINTR;
        p.state = ProcState.SLEEPING;
        p.channel = channel;
        p.interruptible = interruptible;
        sleepers.computeIfAbsent(channel, k -> new ArrayList<>(2)).add(p);
        KernelLock lock = p.heldLock;
        if (lock != null) p.cpu.now += lock.release(p.cpu.id, p.cpu.now);
        p.stime += p.cpu.now - p.kernelMark;
        p.coroutine.suspend();
        p.kernelMark = p.cpu.now;
        if (lock != null) p.cpu.now += lock.acquire(p.cpu.id, p.cpu.now);
        if (p.wokenBySignal) {
            p.wokenBySignal = false;
            return Errno.EINTR;
        }
        return 0;
    }

    /** Makes every process asleep on {@code channel} runnable, in the order they went to sleep. */
    void wakeup(Object channel) {
        ArrayList<Proc> list = sleepers.remove(channel);
        if (list == null) return;
        for (Proc p : list) {
            if (p.state == ProcState.SLEEPING && p.channel == channel) {
                p.channel = null;
                makeRunnable(p, Scheduler.ENQ_WAKEUP);
            }
        }
    }

    /** A signal arrived for a process in an interruptible sleep: it wakes and its call fails with EINTR. */
    void interrupt(Proc p) {
        if (p.state != ProcState.SLEEPING || !p.interruptible) return;
        ArrayList<Proc> list = sleepers.get(p.channel);
        if (list != null) {
            list.remove(p);
            if (list.isEmpty()) sleepers.remove(p.channel);
        }
        p.channel = null;
        p.wokenBySignal = true;
        makeRunnable(p, Scheduler.ENQ_WAKEUP);
    }

    /** Takes a sleeping process off its channel without waking it (it is being killed). */
    void unsleep(Proc p) {
        if (p.state != ProcState.SLEEPING) return;
        ArrayList<Proc> list = sleepers.get(p.channel);
        if (list != null) {
            list.remove(p);
            if (list.isEmpty()) sleepers.remove(p.channel);
        }
        p.channel = null;
    }

    /** The running process gives up its CPU but stays runnable (sched_yield). */
    void yieldCpu(Proc p) {
        scheduler.yield(p);
        p.state = ProcState.RUNNABLE;
        // A kernel lock is not held across a switch: the process may come back on another CPU.
        KernelLock lock = p.heldLock;
        if (lock != null) p.cpu.now += lock.release(p.cpu.id, p.cpu.now);
        if (p.inKernel) p.stime += p.cpu.now - p.kernelMark;
        p.coroutine.suspend();
        if (p.inKernel) p.kernelMark = p.cpu.now;
        if (lock != null) p.cpu.now += lock.acquire(p.cpu.id, p.cpu.now);
    }

    /** The running process stops (SIGSTOP and friends) until continued. */
    void stopSelf(Proc p) {
        p.state = ProcState.STOPPED;
        p.coroutine.suspend();
    }

    static boolean hasSignal(Proc p) {
        return (p.pending & ~p.blocked) != 0;
    }

    /** Posts interrupt {@code vector} to {@code cpu} at {@code time}. */
    void post(int cpu, int vector, long time) {
        events.interrupt(cpu, vector, time);
    }

    /** Runs {@code action} in engine context at {@code time}. */
    Event callout(long time, Runnable action) {
        return events.callout(time, action);
    }

    int runnableCount() {
        return queued.size();
    }

    /** Whether any process is asleep on a channel. */
    int sleeping() {
        int n = 0;
        for (ArrayList<Proc> l : sleepers.values()) n += l.size();
        return n;
    }
}
