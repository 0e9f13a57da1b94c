package sprocket.sched;

import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;

/**
 * Processor affinity (the SMP HOWTO's "processor binding"): a task goes back to the CPU it last ran on, whose
 * cache still holds its lines, unless that CPU's queue is longer than the shortest allowed one by more than
 * {@code imbalance}. Per-CPU FIFO queues with a round-robin time slice. A CPU with nothing of its own takes
 * work from another only when that queue is longer than {@code imbalance}, or when a task there has waited
 * {@code cacheHot} ticks or more (its lines are gone anyway, so moving it costs nothing extra).
 */
final class Affinity implements Scheduler {

    private final SchedulerContext context;
    private final int cpus;
    private final int imbalance;
    private final long cacheHotCycles;
    private final RunQueue[] queues;
    private final TimeSlices slices;
    private final Resched resched;
    private final Counter migrations;
    private final Counter steals;
    private final Counter expiries;

    Affinity(SchedulerContext context, int slice, int imbalance, int cacheHotTicks) {
        this.context = context;
        this.cpus = context.cpus();
        this.imbalance = imbalance;
        this.cacheHotCycles = cacheHotTicks * context.cyclesPerTick();
        this.queues = new RunQueue[cpus];
        for (int c = 0; c < cpus; c++) queues[c] = new RunQueue();
        this.slices = new TimeSlices(cpus, slice);
        this.resched = new Resched(context);
        this.migrations = context.counter("sched.migrations");
        this.steals = context.counter("sched.steals");
        this.expiries = context.counter("sched.slice_expiries");
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        int shortest = -1;
        for (int c = 0; c < cpus; c++) {
            if (task.allowedOn(c) && (shortest < 0 || lessLoaded(c, shortest))) shortest = c;
        }
        if (shortest < 0) {
            throw new IllegalStateException("pid " + task.pid() + " may run on no CPU: affinity 0x"
                    + Long.toHexString(task.affinity()) + ", " + cpus + " CPUs");
        }
        boolean home = prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu);
        if (!home) return shortest;
        // Cache-warm first: home, unless its queue is longer than the shortest by more than the bound.
        return queues[prevCpu].size() - queues[shortest].size() > imbalance ? shortest : prevCpu;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        if (cpu < 0 || cpu >= cpus) {
            throw new IllegalArgumentException("enqueue pid " + task.pid() + " on CPU " + cpu + " of " + cpus);
        }
        // Its affinity may have changed while it ran here: then queue it where it may run.
        int target = task.allowedOn(cpu) ? cpu : selectCpu(task, -1);
        queues[target].addLast(task);
        boolean ownCpuPicks = target == cpu && (flags & (ENQ_PREEMPTED | ENQ_YIELD)) != 0;
        if (!ownCpuPicks && resched.kickIfIdle(target)) return;
        // Beyond the bound an idle CPU may take it: nudge one.
        if (queues[target].size() > imbalance) {
            for (int c = 0; c < cpus; c++) {
                if (c != target && task.allowedOn(c) && resched.kickIfIdle(c)) return;
            }
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
        resched.picked(cpu);
        Task next = queues[cpu].takeFirstAllowed(cpu);
        if (next == null) next = steal(cpu);
        if (next != null && next.lastCpu() >= 0 && next.lastCpu() != cpu) migrations.increment();
        return next;
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
            resched.picked(cpu);
            if (queues[cpu].hasAllowed(cpu) || stealable(cpu)) resched.kickIfIdle(cpu);
            return false;
        }
        if (!slices.expired(cpu, current)) return false;
        if (queues[cpu].hasAllowed(cpu)) {
            expiries.increment();
            return true;
        }
        // Nobody of its own waits: take over work the stealing rule allows, else run on.
        Task pulled = steal(cpu);
        if (pulled == null) return false;
        queues[cpu].addFirst(pulled);
        expiries.increment();
        return true;
    }

    @Override
    public void taskExited(Task task) {
        slices.exited(task);
    }

    /** The length of {@code cpu}'s queue (for tests and the balance rule). */
    int queueLength(int cpu) {
        return queues[cpu].size();
    }

    /**
     * Work for {@code cpu} from elsewhere: the oldest allowed task of the longest queue beyond the bound, else
     * the oldest allowed task that has waited long enough to have lost its cache.
     */
    private Task steal(int cpu) {
        int victim = -1;
        for (int i = 1; i < cpus; i++) {
            int c = (cpu + i) % cpus;
            if (queues[c].size() > imbalance && queues[c].hasAllowed(cpu)
                    && (victim < 0 || queues[c].size() > queues[victim].size())) {
                victim = c;
            }
        }
        Task t = victim >= 0 ? queues[victim].takeFirstAllowed(cpu) : takeCold(cpu);
        if (t != null) steals.increment();
        return t;
    }

    private boolean stealable(int cpu) {
        for (int i = 1; i < cpus; i++) {
            int c = (cpu + i) % cpus;
            if (queues[c].size() > imbalance && queues[c].hasAllowed(cpu)) return true;
            Task head = queues[c].peekFirst();
            if (head != null && head.allowedOn(cpu) && cold(head, cpu)) return true;
        }
        return false;
    }

    /** The head of another queue, if it may run here and has waited past the cache-hot time. */
    private Task takeCold(int cpu) {
        if (cacheHotCycles <= 0) return null;
        for (int i = 1; i < cpus; i++) {
            int c = (cpu + i) % cpus;
            Task head = queues[c].peekFirst();
            if (head != null && head.allowedOn(cpu) && cold(head, cpu)) {
                queues[c].remove(head);
                return head;
            }
        }
        return null;
    }

    private boolean cold(Task t, int cpu) {
        return cacheHotCycles > 0 && context.now(cpu) - t.runnableSince() >= cacheHotCycles;
    }

    /** Shorter queue first; then a CPU running nothing; then the lower number. */
    private boolean lessLoaded(int a, int b) {
        int qa = queues[a].size();
        int qb = queues[b].size();
        if (qa != qb) return qa < qb;
        boolean idleA = context.current(a) == null;
        boolean idleB = context.current(b) == null;
        return idleA && !idleB;
    }
}
