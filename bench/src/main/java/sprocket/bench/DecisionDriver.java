package sprocket.bench;

import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;
import sprocket.api.spi.Settings;

/**
 * The kernel's side of scheduling decisions, without the rest of the kernel: P processes made runnable on a
 * machine of N CPUs, then clock ticks taken by the CPUs in turn, each switching the CPU to the policy's next
 * choice when the policy says the current task's slice has expired. Every callback comes in the order, with the
 * flags and with the context state the engine uses (kernel-core {@code Engine.handleInterrupts}, {@code preempt},
 * {@code deschedule}, {@code dispatch}, {@code makeRunnable}); what the engine does besides the policy's calls
 * (coroutines, traces, its own runnable list) is left out, which is the point: this is the decision's cost.
 */
final class DecisionDriver {
    /** Cycles an interrupt and a switch cost on the R2000 cost model, so clocks and runtimes move as in a run. */
    static final long INTERRUPT_CYCLES = 60;
    static final long SWITCH_CYCLES = 150;

    private final Scheduler policy;
    final DecisionContext context;
    private final DecisionTask[] tasks;
    private final long tick;
    private final int cpus;
    private final long[] nextTick;
    private final long[] runStart;
    /** The task each CPU ran last, so a pick of the same task is not a switch (Engine.dispatch: c.last). */
    private final DecisionTask[] last;
    private int nextCpu;
    long ticks;
    long switches;
    /** The sum of the picked pids: the picks are consumed, so no JIT may skip the work that made them. */
    long pickSum;

    DecisionDriver(SchedulerProvider provider, Settings settings, int cpus, long cyclesPerTick, int processes) {
        this.cpus = cpus;
        this.tick = cyclesPerTick;
        this.context = new DecisionContext(cpus, cyclesPerTick, settings);
        this.policy = provider.create(context);
        this.tasks = new DecisionTask[processes];
        long all = cpus == 64 ? -1L : (1L << cpus) - 1;
        // pid 1 is init's; the P processes take the pids fork would give them next.
        for (int i = 0; i < processes; i++) tasks[i] = new DecisionTask(i + 2, all);
        this.nextTick = new long[cpus];
        this.runStart = new long[cpus];
        this.last = new DecisionTask[cpus];
        for (int c = 0; c < cpus; c++) nextTick[c] = cyclesPerTick;
    }

    /**
     * Forks every process and makes it runnable (taskCreated, then Engine.makeRunnable: selectCpu and enqueue with
     * ENQ_WAKEUP), then lets each idle CPU dispatch, as the engine's loop does for a CPU without a current task.
     */
    void start() {
        for (DecisionTask t : tasks) {
            policy.taskCreated(t);
            t.runnableSince = context.now[0];
            int cpu = policy.selectCpu(t, t.lastCpu);
            t.queued = true;
            policy.enqueue(t, cpu, Scheduler.ENQ_WAKEUP);
        }
        for (int c = 0; c < cpus; c++) {
            if (context.current[c] == null) dispatch(c);
        }
    }

    /** {@code n} clock ticks, the CPUs taking them in turn 0, 1, .., N-1, 0, ... */
    void turns(long n) {
        for (long i = 0; i < n; i++) {
            int c = nextCpu;
            turn(c);
            nextCpu = c + 1 == cpus ? 0 : c + 1;
        }
    }

    /**
     * One clock tick on {@code cpu}: the current task's slice runs up to it (Engine.runSlice charges the cycles to
     * its runtime), the interrupt is taken and the policy's tick asked; a yes preempts (stopping, then enqueue
     * with ENQ_PREEMPTED on the same CPU) and the CPU dispatches (pickNext, running). An idle CPU tries a dispatch.
     */
    void turn(int cpu) {
        DecisionContext ctx = context;
        DecisionTask prev = ctx.current[cpu];
        long at = nextTick[cpu];
        if (prev != null) prev.runtime += Math.max(0, at - runStart[cpu]);
        ctx.now[cpu] = Math.max(ctx.now[cpu], at) + INTERRUPT_CYCLES;
        nextTick[cpu] = at + tick;
        ticks++;
        if (policy.tick(cpu, prev) && prev != null) ctx.needResched[cpu] = true;
        if (prev != null && ctx.needResched[cpu]) {
            ctx.needResched[cpu] = false;
            preempt(cpu, prev);
        }
        if (ctx.current[cpu] == null) {
            dispatch(cpu);
        } else {
            // Interrupt cycles are the kernel's, not the task's: its next slice starts after them.
            runStart[cpu] = ctx.now[cpu];
        }
    }

    /** Engine.deschedule(c, true, ENQ_PREEMPTED): stopping with the task still current, then the hand-over. */
    private void preempt(int cpu, DecisionTask prev) {
        DecisionContext ctx = context;
        policy.stopping(prev, cpu, true);
        ctx.current[cpu] = null;
        prev.cpu = -1;
        prev.lastCpu = cpu;
        prev.runnableSince = ctx.now[cpu];
        int target = prev.allowedOn(cpu) ? cpu : policy.selectCpu(prev, cpu);
        prev.queued = true;
        policy.enqueue(prev, target, Scheduler.ENQ_PREEMPTED);
    }

    /** Engine.dispatch: pickNext, the kernel's refusal check, the wait accounted, then running. */
    private void dispatch(int cpu) {
        DecisionContext ctx = context;
        ctx.needResched[cpu] = false;
        Task t = policy.pickNext(cpu);
        if (t == null) return;
        if (!(t instanceof DecisionTask p) || !p.queued || p.cpu >= 0 || !p.allowedOn(cpu)) {
            throw new IllegalStateException("policy dispatched " + t + " on cpu " + cpu
                    + ", which is not a runnable task in its custody");
        }
        p.queued = false;
        long now = ctx.now[cpu];
        if (p.runnableSince > now) now = p.runnableSince;
        p.waitTime += now - p.runnableSince;
        p.cpu = cpu;
        ctx.current[cpu] = p;
        if (last[cpu] != p) {
            now += SWITCH_CYCLES;
            switches++;
            last[cpu] = p;
        }
        ctx.now[cpu] = now;
        runStart[cpu] = now;
        pickSum += p.pid;
        policy.running(p, cpu);
    }

    /** How many times the policy has read a task's affinity, over all the tasks (not for the hot path). */
    long affinityReads() {
        long n = 0;
        for (DecisionTask t : tasks) n += t.affinityReads;
        return n;
    }

    /** The processes, for tests and the figure's sanity checks. */
    DecisionTask[] tasks() {
        return tasks;
    }
}
