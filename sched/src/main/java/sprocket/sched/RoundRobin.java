package sprocket.sched;

import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;

/**
 * Round robin with a time slice: one FIFO run queue per CPU, a task runs until it blocks or has used
 * {@code slice} clock ticks while another task waits for the CPU, and a CPU with nothing of its own steals
 * the oldest task it may run from the other queues, so no CPU idles while a task it may run waits.
 */
final class RoundRobin implements Scheduler {

    private final SchedulerContext context;
    private final int cpus;
    private final RunQueue[] queues;
    private final TimeSlices slices;
    /** An idle CPU already asked to reschedule, so one waking task does not wake every idle CPU. */
    private final boolean[] kicked;
    private final Counter steals;
    private final Counter expiries;

    RoundRobin(SchedulerContext context, int slice) {
        this.context = context;
        this.cpus = context.cpus();
        this.queues = new RunQueue[cpus];
        for (int c = 0; c < cpus; c++) queues[c] = new RunQueue();
        this.slices = new TimeSlices(cpus, slice);
        this.kicked = new boolean[cpus];
        this.steals = context.counter("sched.steals");
        this.expiries = context.counter("sched.slice_expiries");
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        boolean prevAllowed = prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu);
        // Warm caches first: the CPU it last ran on, if nothing else wants it.
        if (prevAllowed && idle(prevCpu)) return prevCpu;
        for (int c = 0; c < cpus; c++) {
            if (task.allowedOn(c) && idle(c)) return c;
        }
        int best = -1;
        int bestLength = Integer.MAX_VALUE;
        for (int c = 0; c < cpus; c++) {
            if (!task.allowedOn(c)) continue;
            int length = queues[c].size();
            if (length < bestLength || (length == bestLength && c == prevCpu)) {
                best = c;
                bestLength = length;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("pid " + task.pid() + " may run on no CPU: affinity 0x"
                    + Long.toHexString(task.affinity()) + ", " + cpus + " CPUs");
        }
        return best;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("enqueue pid " + task.pid() + " on CPU " + cpu + " of " + cpus);
        }
        queues[cpu].addLast(task);
        // A preempted or yielding task's own CPU is rescheduling already; anyone else idle may need a nudge.
        boolean ownCpuBusy = (flags & (ENQ_PREEMPTED | ENQ_YIELD)) != 0;
        if (!ownCpuBusy && task.allowedOn(cpu) && kickIfIdle(cpu)) return;
        for (int c = 0; c < cpus; c++) {
            if (c != cpu && task.allowedOn(c) && kickIfIdle(c)) return;
        }
    }

    @Override
    public void dequeue(Task task) {
        for (RunQueue q : queues) {
            if (q.remove(task)) return;
        }
    }

    @Override
    public Task pickNext(int cpu) {
        kicked[cpu] = false;
        Task next = queues[cpu].takeFirstAllowed(cpu);
        if (next != null) return next;
        return steal(cpu);
    }

    @Override
    public void running(Task task, int cpu) {
        slices.running(task, cpu);
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        slices.stopping(task, cpu);
    }

    @Override
    public boolean tick(int cpu, Task current) {
        if (current == null) {
            // Safety net for work conservation: an idle CPU that could run a waiting task asks for it.
            kicked[cpu] = false;
            if (anyWaitingFor(cpu)) kickIfIdle(cpu);
            return false;
        }
        if (!slices.expired(cpu, current)) return false;
        if (queues[cpu].hasAllowed(cpu)) {
            expiries.increment();
            return true;
        }
        // Someone queued on a busy CPU elsewhere may run here: pull it over, so the pickNext after this
        // preemption runs it rather than the preempted task again.
        Task pulled = steal(cpu);
        if (pulled == null) return false;
        queues[cpu].addLast(pulled);
        expiries.increment();
        return true;
    }

    @Override
    public void taskExited(Task task) {
        slices.exited(task);
    }

    /** Takes the oldest task allowed on {@code cpu} from the other CPUs' queues, scanning from cpu+1. */
    private Task steal(int cpu) {
        for (int i = 1; i < cpus; i++) {
            int victim = (cpu + i) % cpus;
            Task t = queues[victim].takeFirstAllowed(cpu);
            if (t != null) {
                steals.increment();
                return t;
            }
        }
        return null;
    }

    private boolean anyWaitingFor(int cpu) {
        for (RunQueue q : queues) {
            if (q.hasAllowed(cpu)) return true;
        }
        return false;
    }

    /** Idle as selectCpu means it: running nothing and nothing queued for it. */
    private boolean idle(int cpu) {
        return context.current(cpu) == null && queues[cpu].isEmpty();
    }

    private boolean kickIfIdle(int cpu) {
        if (context.current(cpu) != null || kicked[cpu]) return false;
        kicked[cpu] = true;
        context.resched(cpu);
        return true;
    }
}
