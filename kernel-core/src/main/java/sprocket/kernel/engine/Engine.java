package sprocket.kernel.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.BooleanSupplier;
import sprocket.api.Errno;
import sprocket.api.hw.CostModel;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Pmap;
import sprocket.api.hw.Vectors;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.vm.AddressSpace;
import sprocket.kernel.config.KernelTunables;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.lock.KernelLock;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;

/**
 * The deterministic multiprocessor engine. One host thread runs the whole simulation: it always advances the CPU
 * whose clock is furthest behind, for at most one quantum or until the next event (temporal decoupling), by
 * resuming the coroutine of the thread that CPU runs. Threads give control back at quantum boundaries, when they
 * sleep, stop, yield or exit. Interrupts are handled by the engine between those turns; which thread runs next is
 * the scheduling policy's choice, behind the kernel's guard.
 */
@Singleton
public final class Engine {
    private final Cpu[] cpus;
    private final EventQueue events = new EventQueue();
    private final Machine machine;
    private final CostModel costs;
    private final Trace trace;
    private final Locks locks;
    private final long quantum;
    /** The quantum while CPUs share cache lines (kernel.sharing_quantum). */
    private final long sharingQuantum;
    /**
     * The quantum now: {@link #quantum}, or less while CPUs share data. A coherence event (a line invalidated in, or
     * supplied from, another CPU's cache) during a slice drops it to {@link #sharingQuantum}, so that the sharing CPUs'
     * accesses interleave as they would in time; each slice without one doubles it back. An adaptive quantum, as
     * Falcon, Faraboschi and Ortega's "An Adaptive Synchronization Technique for Parallel Simulation of Networked
     * Clusters" (ISPASS 2008) adapts it to traffic between the simulated nodes.
     */
    private long slice;
    /** The machine's coherence counters, and their sum when the engine last looked. */
    private final Stats.Count invalidations;
    private final Stats.Count transfers;
    private long coherenceSeen;
    private final long tickCycles;
    /** The load averages, sampled at clock ticks. */
    private final LoadAverage load;
    /** The policy, behind the kernel's guard. */
    private final GuardedScheduler scheduler;
    /** How long a runnable thread may wait before the policy is deemed broken (kernel.sched_watchdog). */
    private final long watchdogCycles;
    private final SchedMetrics metrics;
    /** The kernel's own address space, active on a CPU while it runs no thread's (an exiting one's is gone). */
    private Pmap kernelPmap;

    /** The thread whose coroutine runs right now; null while the engine itself runs. */
    private Kthread running;
    /** The time of the callout being run, for wake-ups from engine context. */
    private long eventNow;
    /** Threads in the policy's custody, in the order they were handed over (the first has waited longest). */
    private final RunnableList queued = new RunnableList();
    private final SleepQueues sleepers = new SleepQueues();
    /** Every live thread, in creation order: the ends of an intrusive list. */
    private Kthread liveHead;
    private Kthread liveTail;
    /** When the current policy took over: the watchdog does not blame it for waits that began before. */
    private long policySince;
    /** Asked when the whole machine is idle: a terminal whose input comes from outside the simulation. */
    private IdleHook idleHook;

    private final Stats.Count contextSwitches;
    private final Stats.Count interrupts;
    private final Stats.Count ticks;
    private final Stats.Count preemptions;
    private final Stats.Count wakeups;
    /** The machine's TLB-miss counter, sampled at each dispatch and stop to charge misses to threads. */
    private final Counter tlbMisses;

    /**
     * An engine for {@code machine} with the kernel's tunables (tick rate, quantum, scheduler watchdog), running the
     * policy {@code policy} makes, behind the kernel's guard, with {@code fallback} to eject it to.
     */
    @Inject
    public Engine(Machine machine, Stats stats, Trace trace, Locks locks, SchedMetrics metrics, KernelTunables t,
            SchedulerProvider policy, FallbackScheduler fallback, Randoms randoms, Settings settings) {
        this.machine = machine;
        this.costs = machine.costs();
        this.trace = trace;
        this.locks = locks;
        this.metrics = metrics;
        this.quantum = t.quantum;
        this.sharingQuantum = t.sharingQuantum;
        this.slice = t.quantum;
        long clockHz = machine.description().clockHz();
        this.tickCycles = Math.max(1, clockHz / t.hz);
        this.watchdogCycles = t.watchdogMillis * (clockHz / 1000);
        this.load = new LoadAverage(clockHz);
        int n = machine.description().cpus();
        cpus = new Cpu[n];
        for (int i = 0; i < n; i++) cpus[i] = new Cpu(i);
        contextSwitches = stats.counter("context_switches");
        interrupts = stats.counter("interrupts");
        ticks = stats.counter("clock_ticks");
        preemptions = stats.counter("preemptions");
        wakeups = stats.counter("wakeups");
        tlbMisses = stats.counter("tlb_misses");
        invalidations = stats.counter("cache_invalidations");
        transfers = stats.counter("cache_transfers");
        this.scheduler = GuardedScheduler.create(policy, PolicyThread.forPolicy(policy, t), fallback.provider(),
                new SchedulerContextImpl(this, stats, randoms, settings), stats, this::adopt);
    }

    // ---- the machine's CPUs

    public int cpuCount() {
        return cpus.length;
    }

    public Cpu cpu(int id) {
        return cpus[id];
    }

    /** The mask of every CPU, for affinity: bit n for CPU n. */
    public long allCpus() {
        return cpus.length >= 64 ? -1L : (1L << cpus.length) - 1;
    }

    /** The clock of the CPU furthest behind. */
    public long lowestClock() {
        return lowest().now;
    }

    long tickCycles() {
        return tickCycles;
    }

    /** The policy's name (the fallback's after an ejection) and why the configured one was ejected, if it was. */
    public String schedulerName() {
        return scheduler.name();
    }

    public String ejection() {
        return scheduler.ejection();
    }

    /**
     * Starts the machine: makes the kernel's own pmap (now, while the machine has room for it: an exit must never
     * need memory to give memory back) and arms every CPU's clock for its first tick.
     */
    public void start() {
        kernelPmap = machine.mmu().createPmap();
        if (kernelPmap == null) throw new PanicException("the machine has no room for the kernel's own pmap");
        for (Cpu c : cpus) {
            c.nextTick = c.now + tickCycles;
            machine.interrupts().armTimer(c.id, c.nextTick);
        }
    }

    // ---- the loop

    /**
     * Runs until {@code finished} says so. Returns false if it stopped because nothing could ever happen again:
     * no thread can run and no callout is due (every thread asleep for good).
     */
    public boolean run(BooleanSupplier finished) {
        boolean more = loop(finished);
        // What the kernel does between runs (killing every process at kernel.time_limit or in a deadlock) happens when
        // the machine stopped, not when the last callout ran: a thread it wakes had not been waiting since then.
        eventNow = lowest().now;
        return more;
    }

    private boolean loop(BooleanSupplier finished) {
        long turns = 0;
        while (!finished.getAsBoolean()) {
            Cpu c = lowest();
            Event e = events.peek();
            if (e != null && e.time <= c.now) {
                events.poll();
                fire(e);
                continue;
            }
            if (c.hasInterrupts()) handleInterrupts(c);
            if (c.current != null && c.needResched) preempt(c);
            if (c.current == null) dispatch(c);
            if (c.current == null) {
                // Handling interrupts re-armed timers: the event read above may be stale.
                if (!idle(c, events.peek())) return false;
                continue;
            }
            e = events.peek();
            long limit = sliceLimit(c);
            if (e != null && e.time < limit) limit = e.time;
            c.limit = limit;
            runSlice(c);
            adaptQuantum();
            if ((++turns & 1023) == 0) locks.forgetBefore(lowest().now);
        }
        return true;
    }

    /**
     * Where {@code c}, the CPU furthest behind, stops: a quantum ahead of its clock. While CPUs share data the quantum
     * is short, but a CPU behind the others first catches up with the next one's clock (what they did there is done),
     * and the short quantum counts from there, so that their accesses interleave from then on.
     */
    private long sliceLimit(Cpu c) {
        if (slice == quantum) return c.now + quantum;
        long next = Long.MAX_VALUE;
        for (Cpu o : cpus) {
            if (o != c && o.current != null && o.now < next) next = o.now;
        }
        return (next == Long.MAX_VALUE ? c.now : Math.max(c.now, next)) + slice;
    }

    /** After a slice: the sharing quantum if the caches moved a line between CPUs in it, else twice the last. */
    private void adaptQuantum() {
        long seen = invalidations.value + transfers.value;
        if (seen != coherenceSeen) {
            coherenceSeen = seen;
            slice = sharingQuantum;
        } else if (slice < quantum) {
            slice = Math.min(quantum, slice * 2);
        }
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
            events.recycle(e);
        }
    }

    private void runSlice(Cpu c) {
        Kthread t = c.current;
        long start = c.now;
        t.sliceStart = start;
        boolean ended;
        running = t;
        try {
            ended = Coroutine.resume(t.stack);
        } catch (PanicException x) {
            throw x.at(c.now, c.id);
        } finally {
            running = null;
        }
        long ran = c.now - start;
        c.busy += ran;
        t.runtime += ran;
        if (ended || t.state == ThreadState.ZOMBIE) {
            deschedule(c, false, 0);
        } else if (t.state == ThreadState.RUNNABLE) {
            deschedule(c, true, Scheduler.ENQ_YIELD);
        } else if (t.state != ThreadState.RUNNING) {
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
        if (!othersBusy && queued.isEmpty() && idleHook != null && noPendingInterrupts()) {
            long at = idleHook.idle(c.now, target);
            if (at >= 0) {
                c.now = Math.max(c.now, at);
                return true;
            }
        }
        if (!othersBusy && queued.isEmpty() && events.pendingCallouts() == 0 && noPendingInterrupts()) {
            return false;
        }
        // A thread waiting for a CPU whose clock is ahead is work about to start: idle CPUs keep pace a quantum at
        // a time rather than leap to the next event, so that no CPU is far ahead when the thread moves on.
        if (!queued.isEmpty()) target = Math.min(target, c.now + quantum);
        if (target == Long.MAX_VALUE) return false;
        c.now = Math.max(c.now + 1, target);
        return true;
    }

    private boolean noPendingInterrupts() {
        for (Cpu o : cpus) {
            if (o.hasInterrupts()) return false;
        }
        return true;
    }

    private void handleInterrupts(Cpu c) {
        for (int i = 0; i < c.interrupts(); i++) {
            int v = c.interrupt(i);
            c.now += costs.interrupt();
            c.busy += costs.interrupt();
            interrupts.increment();
            trace.event(Trace.IRQ, c.now, c.id, c.current == null ? 0 : c.current.pid(), v);
            if (v == Vectors.TIMER) {
                ticks.increment();
                if (trace.keeping()) trace.instant(c.id, c.now, "tick");
                c.account(1 + Math.max(0, (c.now - c.nextTick) / tickCycles));
                c.nextTick += tickCycles;
                if (c.nextTick <= c.now) c.nextTick = c.now + tickCycles;
                machine.interrupts().armTimer(c.id, c.nextTick);
                if (scheduler.tick(c.id, c.current) && c.current != null) c.needResched = true;
                load.tick(c.now, runnable());
                watchdog(c);
            } else {
                trace.instant(c.id, c.now, v == Vectors.RESCHEDULE ? "resched IPI"
                        : v == Vectors.TLB_SHOOTDOWN ? "shootdown IPI" : "IPI " + v);
                if (v == Vectors.RESCHEDULE && c.current != null) c.needResched = true;
            }
        }
        c.clearInterrupts();
    }

    // ---- scheduling

    private void dispatch(Cpu c) {
        c.needResched = false;
        Task next = scheduler.pickNext(c.id);
        String wrong = refusal(next, c);
        if (wrong != null) {
            scheduler.eject(wrong, null);
            next = scheduler.pickNext(c.id);
            wrong = refusal(next, c);
            if (wrong != null) throw new PanicException("fallback scheduler " + wrong).at(c.now, c.id);
        }
        if (next == null) return;
        Kthread t = (Kthread) next;
        queued.remove(t);
        if (t.lastCpu >= 0 && t.lastCpu != c.id) t.migrations++;
        if (t.runnableSince > c.now) c.now = t.runnableSince;
        t.waitTime += c.now - t.runnableSince;
        t.state = ThreadState.RUNNING;
        t.cpu = c;
        c.current = t;
        if (c.last != t) {
            c.now += costs.contextSwitch();
            c.busy += costs.contextSwitch();
            contextSwitches.increment();
            if (trace.keeping()) trace.instant(c.id, c.now, "switch to " + t.command() + " [" + t.pid() + "]");
            c.last = t;
        }
        if (trace.keeping()) trace.runnable(c.now, queued.size());
        // By space, not by thread: a process that exec'd elsewhere comes back with a new one.
        AddressSpace space = t.space();
        if (c.activeSpace != space && space != null) {
            space.pmap().activate(c.id);
            c.activeSpace = space;
        }
        t.runStart = c.now;
        t.tlbMark = tlbMisses.get();
        scheduler.running(t, c.id);
        trace.event(Trace.DISPATCH, c.now, c.id, t.pid(), 0);
    }

    /** Why the kernel must refuse to run {@code t} on {@code c}, or null when it may. */
    private String refusal(Task t, Cpu c) {
        if (t == null) return null;
        if (!(t instanceof Kthread k) || !queued.contains(k) || k.state != ThreadState.RUNNABLE || k.cpu != null) {
            return "dispatched " + t + " on cpu " + c.id + ", which is not a runnable task in its custody";
        }
        if (!k.allowedOn(c.id)) return "dispatched " + k + " on cpu " + c.id + " outside its affinity mask";
        return null;
    }

    /** Hands every thread to a new policy: the fallback after an ejection. */
    private void adopt(Scheduler policy) {
        for (Cpu c : cpus) policySince = Math.max(policySince, c.now);
        for (Kthread t = liveHead; t != null; t = t.liveNext) policy.taskCreated(t);
        for (Kthread t : queued.snapshot()) {
            int cpu = policy.selectCpu(t, t.lastCpu);
            policy.enqueue(t, cpu, Scheduler.ENQ_WAKEUP);
        }
        for (Cpu c : cpus) {
            if (c.current != null) policy.running(c.current, c.id);
        }
    }

    /** The watchdog: a thread left runnable too long means the policy is broken. */
    private void watchdog(Cpu c) {
        if (queued.isEmpty()) return;
        Kthread oldest = queued.first();
        long waited = c.now - Math.max(oldest.runnableSince, policySince);
        if (waited > watchdogCycles) {
            scheduler.eject("it left " + oldest + " runnable for " + waited + " cycles (kernel.sched_watchdog is "
                    + watchdogCycles + " cycles)", null);
        }
    }

    private void preempt(Cpu c) {
        c.needResched = false;
        preemptions.increment();
        deschedule(c, true, Scheduler.ENQ_PREEMPTED);
    }

    private void deschedule(Cpu c, boolean stillRunnable, int flags) {
        Kthread t = c.current;
        trace.slice(c.id, t.runStart, c.now, t.pid(), t.command());
        t.tlbMisses += tlbMisses.get() - t.tlbMark;
        if (flags == Scheduler.ENQ_PREEMPTED) {
            t.nivcsw++;
        } else if (t.state != ThreadState.ZOMBIE) {
            t.nvcsw++;
        }
        trace.event(Trace.STOP, c.now, c.id, t.pid(), t.state.ordinal());
        scheduler.stopping(t, c.id, stillRunnable);
        c.current = null;
        t.cpu = null;
        t.lastCpu = c.id;
        if (stillRunnable) {
            t.state = ThreadState.RUNNABLE;
            t.runnableSince = c.now;
            // Its affinity may have changed while it ran: then the policy places it anew.
            int cpu = t.allowedOn(c.id) ? c.id : scheduler.selectCpu(t, c.id);
            queued.add(t);
            scheduler.enqueue(t, cpu, flags);
        }
    }

    /** Puts a sleeping, stopped or new thread in the policy's custody, on the CPU the policy chooses. */
    public void makeRunnable(Kthread t, int flags) {
        t.state = ThreadState.RUNNABLE;
        t.runnableSince = now();
        // The CPU first: if choosing it ejects the policy, the fallback must not be handed this thread twice.
        int cpu = scheduler.selectCpu(t, t.lastCpu);
        queued.add(t);
        scheduler.enqueue(t, cpu, flags);
        if (trace.keeping()) trace.runnable(t.runnableSince, queued.size());
        wakeups.increment();
        trace.event(Trace.WAKE, t.runnableSince, cpu, t.pid(), flags);
        kick(cpus[cpu]);
    }

    /** Takes a queued thread back from the policy. */
    private void dequeue(Kthread t) {
        if (queued.remove(t)) scheduler.dequeue(t);
    }

    /**
     * sched_setaffinity(2): a queued thread is taken back and placed anew; a running one on a CPU it may no longer
     * use is preempted there (at once when it is the caller).
     */
    public void setAffinity(Kthread t, long mask) {
        boolean waiting = t.state == ThreadState.RUNNABLE && t.cpu == null;
        if (waiting) dequeue(t);
        t.affinity = mask;
        scheduler.affinityChanged(t);
        if (waiting) {
            makeRunnable(t, Scheduler.ENQ_WAKEUP);
        } else if (t.cpu != null && !t.allowedOn(t.cpu.id)) {
            if (t == running) {
                yieldCpu(t);
            } else {
                resched(t.cpu.id);
            }
        }
    }

    /** nice(2): the thread's nice value is now {@code nice}; the policy hears of it. */
    public void setNice(Kthread t, int nice) {
        t.nice = nice;
        scheduler.priorityChanged(t);
    }

    /** priocntl(2): the policy puts {@code t} in {@code schedClass} at {@code priority}, or refuses (EINVAL). */
    public void priocntl(Kthread t, String schedClass, int priority) {
        scheduler.priocntl(t, schedClass, priority);
        t.priority = priority;
    }

    /** A share group's membership changed: a policy that schedules groups together hears of it. */
    public void shareGroupChanged(int group) {
        scheduler.shareGroupChanged(group);
    }

    /** Wakes an idle CPU that was given work: by inter-processor interrupt when another CPU gives it. */
    private void kick(Cpu target) {
        if (target.current != null) return;
        Kthread r = running;
        if (r != null && r.cpu != target) {
            Cpu from = r.cpu;
            from.now += machine.interrupts().sendIpi(from.id, target.id, Vectors.RESCHEDULE);
        }
    }

    /** A policy asks {@code cpu} to reschedule. */
    void resched(int cpu) {
        Cpu target = cpus[cpu];
        Kthread r = running;
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

    // ---- a thread's life

    /**
     * A new thread starts: it inherits scheduling from {@code parent} (init, with none, may run on every CPU), the
     * policy learns of it, and it becomes runnable; its coroutine runs {@code body} when first dispatched.
     */
    public void start(Kthread t, Kthread parent, Runnable body) {
        if (parent != null) {
            t.nice = parent.nice;
            t.priority = parent.priority;
            t.affinity = parent.affinity;
        } else {
            t.affinity = allCpus();
        }
        t.startTime = now();
        t.stack = Coroutine.create(body);
        t.livePrev = liveTail;
        if (liveTail == null) liveHead = t;
        else liveTail.liveNext = t;
        liveTail = t;
        scheduler.taskCreated(t);
        makeRunnable(t, Scheduler.ENQ_WAKEUP);
    }

    /**
     * The running thread {@code t} has exited with wait status {@code status} (it is a zombie now): its figures are
     * kept, the trace records it on {@code cpu} (where its exit began), and the policy lets it go. {@code ppid} is
     * its parent's pid, for the figures.
     */
    public void exited(Kthread t, int ppid, int cpu, int status) {
        long now = now();
        t.state = ThreadState.ZOMBIE;
        metrics.exited(t, ppid, now);
        if (t.cpu != null) t.cpu.last = null;
        if (t.livePrev == null) liveHead = t.liveNext;
        else t.livePrev.liveNext = t.liveNext;
        if (t.liveNext == null) liveTail = t.livePrev;
        else t.liveNext.livePrev = t.livePrev;
        t.livePrev = null;
        t.liveNext = null;
        trace.event(Trace.EXIT, now, cpu, t.pid(), status);
        scheduler.taskExited(t);
    }

    // ---- address spaces on CPUs

    /** {@code space} becomes the one {@code c} translates through (exec(2) switching to its new image). */
    public void activate(Cpu c, AddressSpace space) {
        space.pmap().activate(c.id);
        c.activeSpace = space;
    }

    /**
     * A space about to be destroyed must be active nowhere: a CPU that last ran it (the thread has moved on)
     * switches to the kernel's own pmap.
     */
    public void forget(AddressSpace space) {
        for (Cpu c : cpus) {
            if (c.activeSpace == space) {
                kernelPmap.activate(c.id);
                c.activeSpace = null;
            }
        }
    }

    // ---- the running thread

    /** The thread whose coroutine runs right now; null while the engine itself runs (interrupts, callouts). */
    public Kthread running() {
        return running;
    }

    /** Threads running on a CPU or waiting in the run queue for one. */
    public int runnable() {
        int n = queued.size();
        for (Cpu c : cpus) {
            if (c.current != null) n++;
        }
        return n;
    }

    /** The 1, 5 and 15 minute load averages (avenrun). */
    public double[] loadAverage() {
        return load.averages();
    }

    /** The clock of whoever is acting: the running thread's CPU, or the callout being run. */
    public long now() {
        Kthread r = running;
        return r != null ? r.cpu.now : eventNow;
    }

    /** Kernel work by the running thread: its clock advances, it is not preempted. */
    public void charge(long cycles) {
        Kthread r = running;
        if (r != null) r.cpu.now += cycles;
    }

    /** Gives the engine its turn back; on return the thread may be on another CPU. */
    public void preemptionPoint(Kthread t) {
        Coroutine.suspend(t.stack);
    }

    /**
     * Sleeps the running thread on {@code channel}. Returns 0 when woken, EINTR when a signal woke it (or was
     * already there) and {@code interruptible}. A kernel lock held across the call is let go while it sleeps.
     */
    public int sleep(Object channel, boolean interruptible) {
        Kthread t = running;
        if (t == null) throw new PanicException("sleep on " + channel + " outside a process");
        if (interruptible && t.signalPending()) return Errno.EINTR;
        t.state = ThreadState.SLEEPING;
        t.channel = channel;
        t.interruptible = interruptible;
        sleepers.add(channel, t);
        KernelLock lock = t.heldLock;
        if (lock != null) t.cpu.now += lock.release(t.cpu.id, t.cpu.now);
        t.stime += t.cpu.now - t.kernelMark;
        Coroutine.suspend(t.stack);
        t.kernelMark = t.cpu.now;
        if (lock != null) t.cpu.now += lock.acquire(t.cpu.id, t.cpu.now);
        if (t.wokenBySignal) {
            t.wokenBySignal = false;
            return Errno.EINTR;
        }
        return 0;
    }

    /** Makes every thread asleep on {@code channel} runnable, in the order they went to sleep. */
    public void wakeup(Object channel) {
        sleepers.wakeAll(channel, this);
    }

    /** {@code t}, just taken off {@code channel}'s sleepers, wakes if it still sleeps there. */
    void wakeOne(Kthread t, Object channel) {
        if (t.state == ThreadState.SLEEPING && t.channel == channel) {
            t.channel = null;
            makeRunnable(t, Scheduler.ENQ_WAKEUP);
        }
    }

    /** Whether {@code t} sleeps on {@code channel}. */
    public boolean asleepOn(Kthread t, Object channel) {
        return t.state == ThreadState.SLEEPING && t.channel == channel;
    }

    /**
     * Wakes {@code t} from whatever sleep it is in, interruptible or not, without failing its call: a signal that kills
     * or stops reaches a process wherever it sleeps, and the sleeper itself looks at what woke it.
     */
    public void wake(Kthread t) {
        if (t.state != ThreadState.SLEEPING) return;
        sleepers.remove(t.channel, t);
        t.channel = null;
        makeRunnable(t, Scheduler.ENQ_WAKEUP);
    }

    /** A signal arrived for a thread in an interruptible sleep: it wakes and its call fails with EINTR. */
    public void interrupt(Kthread t) {
        if (t.state != ThreadState.SLEEPING || !t.interruptible) return;
        sleepers.remove(t.channel, t);
        t.channel = null;
        t.wokenBySignal = true;
        makeRunnable(t, Scheduler.ENQ_WAKEUP);
    }

    /** The running thread gives up its CPU but stays runnable (sched_yield). */
    public void yieldCpu(Kthread t) {
        scheduler.yield(t);
        t.state = ThreadState.RUNNABLE;
        // A kernel lock is not held across a switch: the thread may come back on another CPU.
        KernelLock lock = t.heldLock;
        if (lock != null) t.cpu.now += lock.release(t.cpu.id, t.cpu.now);
        if (t.inKernel) t.stime += t.cpu.now - t.kernelMark;
        Coroutine.suspend(t.stack);
        if (t.inKernel) t.kernelMark = t.cpu.now;
        if (lock != null) t.cpu.now += lock.acquire(t.cpu.id, t.cpu.now);
    }

    /**
     * The running thread stops (SIGSTOP and friends) until continued: on its way to user mode, or inside a call (a
     * terminal's SIGTTIN), which then lets its kernel lock go while it is stopped, as a sleep does.
     */
    public void stopSelf(Kthread t) {
        t.state = ThreadState.STOPPED;
        KernelLock lock = t.heldLock;
        if (lock != null) t.cpu.now += lock.release(t.cpu.id, t.cpu.now);
        if (t.inKernel) t.stime += t.cpu.now - t.kernelMark;
        Coroutine.suspend(t.stack);
        if (t.inKernel) t.kernelMark = t.cpu.now;
        if (lock != null) t.cpu.now += lock.acquire(t.cpu.id, t.cpu.now);
    }

    /** A stopped thread is continued (SIGCONT, SIGKILL). */
    public void resume(Kthread t) {
        if (t.state == ThreadState.STOPPED) makeRunnable(t, Scheduler.ENQ_WAKEUP);
    }

    // ---- events

    /** Posts interrupt {@code vector} to {@code cpu} at {@code time}. */
    public void post(int cpu, int vector, long time) {
        events.interrupt(cpu, vector, time);
    }

    /**
     * What the engine asks when no CPU has a thread to run and none waits for one, before it moves the clock on to the
     * next event: input from outside the simulation may be due.
     */
    public interface IdleHook {
        /**
         * The machine is idle at {@code now}; the next event is at {@code next} (Long.MAX_VALUE: none). Returns a time
         * from {@code now} to {@code next} at which the hook posted a callout (the clock moves there), or -1.
         */
        long idle(long now, long next);
    }

    /** Sets the hook asked when the machine is idle (one: the console's). */
    public void onIdle(IdleHook hook) {
        this.idleHook = hook;
    }

    /** Runs {@code action} in engine context at {@code time}. */
    public Event callout(long time, Runnable action) {
        return events.callout(time, action);
    }

    /** Cancels a callout that has not run yet; one that has run or was cancelled is left alone. */
    public void cancel(Event e) {
        events.cancel(e);
    }
}
