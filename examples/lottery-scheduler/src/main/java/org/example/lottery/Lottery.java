package org.example.lottery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/**
 * Lottery scheduling (Waldspurger and Weihl, "Lottery Scheduling: Flexible Proportional-Share Resource Management",
 * OSDI 1994). Each runnable task holds tickets in proportion to its weight (1024 at nice 0); when a CPU needs work a
 * ticket is drawn among the tasks allowed there and its holder runs, so over time each task gets CPU in proportion
 * to its tickets. A task that blocks before using its whole quantum gets compensation tickets (section 3.4: "inflated
 * by 1/f") for its next drawing, so I/O-bound tasks are not short-changed. One global queue; the draws come from the
 * run's seeded stream, so the same seed gives the same run.
 */
final class Lottery implements Scheduler {
    private final SchedulerContext context;
    private final int cpus;
    private final long quantumCycles;
    private final int quantumTicks;
    private final RandomGenerator draws;

    /** The runnable tasks in this policy's custody, in arrival order (a drawing walks them in this order). */
    private final List<Task> queue = new ArrayList<>();
    /** Tickets a task holds beyond its weight until it next runs: its compensation. Keyed by identity; never iterated. */
    private final Map<Task, Long> compensated = new HashMap<>();
    /** Per CPU: the clock when the current task started running, and the ticks of its quantum used. */
    private final long[] startedAt;
    private final int[] ticksUsed;

    Lottery(SchedulerContext context, int quantumTicks) {
        this.context = context;
        this.cpus = context.cpus();
        this.quantumTicks = quantumTicks;
        this.quantumCycles = quantumTicks * context.cyclesPerTick();
        this.draws = context.random("lottery");
        this.startedAt = new long[cpus];
        this.ticksUsed = new int[cpus];
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        // The queue is global, so the CPU only says who should look first: an idle one, warm caches preferred.
        if (prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu) && context.current(prevCpu) == null) {
            return prevCpu;
        }
        for (int c = 0; c < cpus; c++) {
            if (task.allowedOn(c) && context.current(c) == null) return c;
        }
        if (prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu)) return prevCpu;
        for (int c = 0; c < cpus; c++) {
            if (task.allowedOn(c)) return c;
        }
        throw new IllegalStateException("pid " + task.pid() + " may run on no CPU: affinity 0x"
                + Long.toHexString(task.affinity()));
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        queue.add(task);
        if (context.current(cpu) == null) context.resched(cpu);
    }

    @Override
    public void dequeue(Task task) {
        queue.remove(task);
    }

    @Override
    public Task pickNext(int cpu) {
        long total = 0;
        int size = queue.size();
        for (int i = 0; i < size; i++) {
            Task t = queue.get(i);
            if (t.allowedOn(cpu)) total += tickets(t);
        }
        if (total == 0) return null;
        long winning = draws.nextLong(total);
        for (int i = 0; i < size; i++) {
            Task t = queue.get(i);
            if (!t.allowedOn(cpu)) continue;
            winning -= tickets(t);
            if (winning < 0) {
                queue.remove(i);
                return t;
            }
        }
        throw new IllegalStateException("lottery drew past the last ticket on CPU " + cpu);
    }

    @Override
    public void running(Task task, int cpu) {
        compensated.remove(task);
        startedAt[cpu] = context.now(cpu);
        ticksUsed[cpu] = 0;
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        long used = context.now(cpu) - startedAt[cpu];
        // Section 3.4: a task that used only a fraction f of its quantum holds tickets inflated by 1/f until it runs.
        if (!runnable && used > 0 && used < quantumCycles) {
            compensated.put(task, Math.max(1, task.weight() * quantumCycles / used));
        }
    }

    @Override
    public boolean tick(int cpu, Task current) {
        if (current == null) return false;
        if (++ticksUsed[cpu] < quantumTicks) return false;
        ticksUsed[cpu] = 0;
        // A new drawing only when someone else could win this CPU.
        int size = queue.size();
        for (int i = 0; i < size; i++) {
            if (queue.get(i).allowedOn(cpu)) return true;
        }
        return false;
    }

    @Override
    public void taskExited(Task task) {
        queue.remove(task);
        compensated.remove(task);
    }

    private long tickets(Task t) {
        Long c = compensated.get(t);
        return c != null ? c : Math.max(1, t.weight());
    }
}
