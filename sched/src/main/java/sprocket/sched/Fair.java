package sprocket.sched;

import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;

/**
 * Weighted fair sharing by virtual runtime, after Linux CFS. Each CPU runs the waiting task with the least
 * vruntime; a task's vruntime grows by its run cycles times 1024 / weight, so over time CPU shares follow
 * the weights. The running task is preempted at a tick once it has run {@code granularity} ticks and someone
 * waiting has a smaller vruntime. A waking task is placed at max(its vruntime, min_vruntime - sleeper credit),
 * so sleeping earns a bounded head start, not a hoard; a yielding task goes behind every waiting one.
 * A CPU's load is the sum of the weights of its tasks, running or waiting (Linux's cfs_rq load), since shares
 * follow weights, not heads: every tick a CPU whose load the busiest CPU's exceeds by more than
 * {@code imbalance} percent (Linux's imbalance_pct) pulls from it the waiting task that best evens the two,
 * one lighter than their difference, so it never has to come back; an idle CPU takes any waiting task it may
 * run. A task that changes queues keeps its lag behind min_vruntime, measured before it leaves. Decisions are
 * O(log n) in the tasks of a queue (balancing adds O(CPUs), and a scan of at most {@link #MIGRATE_SCAN} tasks).
 */
final class Fair implements Scheduler {

    /** The weight whose virtual time runs at real time: nice 0. */
    static final long NICE_0_LOAD = 1024;
    /** Waiting tasks a balancing pass considers moving, the most behind first (Linux's sysctl_sched_nr_migrate). */
    static final int MIGRATE_SCAN = 32;
    /** The longest a CPU waits between balancing passes after passes that moved nothing (Linux's max_interval). */
    static final int MAX_BALANCE_INTERVAL = 64;

    private final SchedulerContext context;
    private final int cpus;
    private final int granularity;
    private final long granularityCycles;
    private final long sleeperCredit;
    /** Percent by which the busiest load must exceed this CPU's before a tick moves a task. */
    private final int imbalancePct;
    private final FairRunQueue[] rqs;
    /** Per CPU: ticks seen, the tick of its next balancing pass, and the interval that pass will double if idle. */
    private final long[] balanceTicks;
    private final long[] nextBalance;
    private final int[] balanceInterval;
    private final TaskTable<FairEntity> entities = new TaskTable<>(FairEntity::new);
    private final Resched resched;
    private long seq;
    private final Counter migrations;
    private final Counter wakeupPreemptions;

    Fair(SchedulerContext context, int granularityTicks, int sleeperCreditTicks, int imbalancePct) {
        this.context = context;
        this.cpus = context.cpus();
        this.granularity = granularityTicks;
        this.granularityCycles = granularityTicks * context.cyclesPerTick();
        this.sleeperCredit = sleeperCreditTicks * context.cyclesPerTick();
        this.imbalancePct = imbalancePct;
        this.rqs = new FairRunQueue[cpus];
        this.balanceTicks = new long[cpus];
        this.nextBalance = new long[cpus];
        this.balanceInterval = new int[cpus];
        java.util.Arrays.fill(balanceInterval, 1);
        for (int c = 0; c < cpus; c++) rqs[c] = new FairRunQueue();
        this.resched = new Resched(context);
        this.migrations = context.counter("sched.migrations");
        this.wakeupPreemptions = context.counter("sched.wakeup_preemptions");
    }

    @Override
    public void taskCreated(Task task) {
        entities.create(task);
    }

    @Override
    public void taskExited(Task task) {
        dequeue(task);
        FairEntity e = entities.get(task);
        for (FairRunQueue rq : rqs) {
            if (rq.curr == e) rq.setCurr(null);
        }
        entities.remove(task);
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        boolean prevAllowed = prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu);
        if (prevAllowed && idle(prevCpu)) return prevCpu;
        int best = -1;
        for (int c = 0; c < cpus; c++) {
            if (!task.allowedOn(c)) continue;
            if (idle(c)) return c;
            long load = rqs[c].load();
            if (best < 0 || load < rqs[best].load() || (load == rqs[best].load() && c == prevCpu)) best = c;
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
        FairEntity e = entities.get(task);
        // Its lag behind its old queue's min_vruntime, taken before leaving can move that forward.
        long lag = e.home >= 0 ? e.vruntime - rqs[e.home].minVruntime : 0;
        if (e.queuedOn >= 0) rqs[e.queuedOn].remove(e);
        e.weight = Math.max(1, task.weight());
        int target = task.allowedOn(cpu) ? cpu : selectCpu(task, -1);
        FairRunQueue rq = rqs[target];
        if (e.home < 0) {
            // A new task starts level with the queue, neither ahead of nor behind those already there.
            e.vruntime = rq.minVruntime;
        } else {
            if (e.home != target) e.vruntime = rq.minVruntime + lag;
            if ((flags & ENQ_WAKEUP) != 0) e.vruntime = Math.max(e.vruntime, rq.minVruntime - sleeperCredit);
        }
        // sched_yield(2): "moved to the end of the queue": behind every waiting task's virtual time.
        FairEntity last = (flags & ENQ_YIELD) != 0 ? rq.last() : null;
        if (last != null) e.vruntime = Math.max(e.vruntime, last.vruntime);
        e.home = target;
        e.queuedOn = target;
        e.seq = ++seq;
        rq.add(e);
        boolean ownCpuPicks = target == cpu && (flags & (ENQ_PREEMPTED | ENQ_YIELD)) != 0;
        if (ownCpuPicks) return;
        if (resched.kickIfIdle(target)) return;
        // check_preempt_wakeup: a newcomer well behind the running task's virtual time takes the CPU.
        if (rq.curr != null && context.current(target) == rq.curr.task) {
            updateCurr(target);
            if (rq.curr.vruntime - e.vruntime > granularityCycles) {
                wakeupPreemptions.increment();
                resched.ask(target);
            }
        }
    }

    @Override
    public void dequeue(Task task) {
        FairEntity e = entities.get(task);
        if (e.queuedOn < 0) return;
        rqs[e.queuedOn].remove(e);
        e.queuedOn = -1;
    }

    @Override
    public Task pickNext(int cpu) {
        resched.picked(cpu);
        FairEntity e = rqs[cpu].pollFirst();
        if (e == null) {
            // Idle balancing: an empty CPU takes from the busiest CPU the task that best evens their loads, or
            // failing one, the most-behind task it may run: idling beside a runnable task helps nobody.
            int busiest = busiestWithWaiting(cpu, 0);
            if (busiest < 0) return null;
            e = rqs[busiest].pullable(cpu, rqs[busiest].load() - rqs[cpu].load(), MIGRATE_SCAN);
            if (e == null) e = rqs[busiest].lastAllowed(cpu);
            move(e, busiest, cpu);
            rqs[cpu].remove(e);
        }
        e.queuedOn = -1;
        if (e.task.lastCpu() >= 0 && e.task.lastCpu() != cpu) migrations.increment();
        return e.task;
    }

    @Override
    public void running(Task task, int cpu) {
        FairEntity e = entities.get(task);
        e.execStart = task.runtime();
        e.ranTicks = 0;
        e.home = cpu;
        e.weight = Math.max(1, task.weight());
        rqs[cpu].setCurr(e);
        rqs[cpu].updateMin();
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        if (rqs[cpu].curr == null || rqs[cpu].curr.task != task) return;
        updateCurr(cpu);
        rqs[cpu].setCurr(null);
    }

    /**
     * nice(2) changed the task's weight: what it ran so far is charged at the old weight (Linux reweight_entity
     * after update_curr), and its queue's load counts the new one.
     */
    @Override
    public void priorityChanged(Task task) {
        FairEntity e = entities.get(task);
        int weight = Math.max(1, task.weight());
        for (int c = 0; c < cpus; c++) {
            if (rqs[c].curr == e) {
                updateCurr(c);
                rqs[c].reweight(e, weight);
                return;
            }
        }
        if (e.queuedOn >= 0) {
            rqs[e.queuedOn].reweight(e, weight);
        } else {
            e.weight = weight;
        }
    }

    @Override
    public boolean tick(int cpu, Task current) {
        FairRunQueue rq = rqs[cpu];
        balance(cpu);
        if (current == null) {
            resched.picked(cpu);
            if (rq.waitingCount() > 0 || busiestWithWaiting(cpu, 0) >= 0) resched.kickIfIdle(cpu);
            return false;
        }
        if (rq.curr == null || rq.curr.task != current) running(current, cpu);
        updateCurr(cpu);
        FairEntity curr = rq.curr;
        curr.ranTicks++;
        FairEntity first = rq.first();
        return first != null && curr.ranTicks >= granularity && first.vruntime < curr.vruntime;
    }

    /** {@code task}'s virtual runtime, brought up to date if it runs (for tests). */
    long vruntime(Task task) {
        FairEntity e = entities.get(task);
        for (int c = 0; c < cpus; c++) {
            if (rqs[c].curr == e) updateCurr(c);
        }
        return e.vruntime;
    }

    /** Tasks waiting in {@code cpu}'s queue (for tests). */
    int waiting(int cpu) {
        return rqs[cpu].waitingCount();
    }

    /** min_vruntime of {@code cpu}'s queue (for tests). */
    long minVruntime(int cpu) {
        return rqs[cpu].minVruntime;
    }

    /** update_curr: charges the running task its new run cycles, scaled by 1024 / weight. */
    private void updateCurr(int cpu) {
        FairRunQueue rq = rqs[cpu];
        FairEntity e = rq.curr;
        if (e == null) return;
        long now = e.task.runtime();
        long delta = now - e.execStart;
        if (delta > 0) {
            e.vruntime += delta * NICE_0_LOAD / e.weight;
            e.execStart = now;
        }
        rq.updateMin();
    }

    /**
     * Pulls one waiting task to {@code cpu} from the busiest CPU when its load exceeds this one's by more than
     * {@code imbalance} percent, choosing one that leaves the two loads closer than they were.
     */
    private void balance(int cpu) {
        if (balanceTicks[cpu]++ < nextBalance[cpu]) return;
        long local = rqs[cpu].load();
        int busiest = busiestWithWaiting(cpu, local + local * imbalancePct / 100);
        if (busiest < 0) {
            balanceInterval[cpu] = 1;
            return;
        }
        FairEntity e = rqs[busiest].pullable(cpu, rqs[busiest].load() - local, MIGRATE_SCAN);
        if (e == null) {
            // An imbalance no single task can even out (equal weights one task apart): like Linux's
            // load_balance(), try again less often, doubling the interval up to MAX_BALANCE_INTERVAL ticks.
            balanceInterval[cpu] = Math.min(MAX_BALANCE_INTERVAL, balanceInterval[cpu] * 2);
            nextBalance[cpu] = balanceTicks[cpu] + balanceInterval[cpu];
            return;
        }
        balanceInterval[cpu] = 1;
        move(e, busiest, cpu);
        e.queuedOn = cpu;
        if (context.current(cpu) == null) resched.kickIfIdle(cpu);
    }

    /**
     * Moves waiting {@code e} from {@code from}'s queue to {@code to}'s, keeping its lag behind min_vruntime: both
     * queues' clocks are brought up to date first, and the lag is taken before removing {@code e} can advance
     * {@code from}'s min_vruntime past it (Linux dequeue_entity normalises before update_min_vruntime).
     */
    private void move(FairEntity e, int from, int to) {
        updateCurr(from);
        updateCurr(to);
        long lag = e.vruntime - rqs[from].minVruntime;
        rqs[from].remove(e);
        e.vruntime = rqs[to].minVruntime + lag;
        e.home = to;
        e.seq = ++seq;
        rqs[to].add(e);
    }

    /**
     * The CPU with the highest load above {@code floor} that has a waiting task allowed on {@code cpu}, or -1;
     * ties go to the first found scanning from cpu+1.
     */
    private int busiestWithWaiting(int cpu, long floor) {
        int busiest = -1;
        long most = floor;
        for (int i = 1; i < cpus; i++) {
            int c = (cpu + i) % cpus;
            long load = rqs[c].load();
            if (load > most && rqs[c].waitingCount() > 0 && rqs[c].lastAllowed(cpu) != null) {
                busiest = c;
                most = load;
            }
        }
        return busiest;
    }

    private boolean idle(int cpu) {
        return context.current(cpu) == null && rqs[cpu].waitingCount() == 0 && !resched.asked(cpu);
    }
}
