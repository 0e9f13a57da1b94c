package sprocket.sched;

import static sprocket.api.Errno.EINVAL;

import java.util.ArrayList;
import sprocket.api.ErrnoException;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;

/**
 * System V Release 4 scheduling: a time-sharing class driven by ts_dptbl and a real-time class above it.
 *
 * <p>One global dispatch queue serves every CPU, as SVR4's single dispq did: whatever CPU asks runs the
 * highest-priority task it may run, so priority means the same thing on every CPU and no balancing pass is
 * needed. The price is cache warmth, which only {@link #selectCpu}'s preference for the last CPU pays back.
 * A task preempted before its quantum ended goes to the front of its level with what is left of it; one
 * whose quantum ran out goes to the back with a fresh quantum (round robin within a priority).
 */
final class Svr4 implements Scheduler {

    static final String TS = "TS";
    static final String RT = "RT";

    private final SchedulerContext context;
    private final int cpus;
    private final int updateTicks;
    private final int rtQuantum;
    private final DispatchQueue dispq = new DispatchQueue(Svr4Proc.GLOBAL_LEVELS);
    private final TaskTable<Svr4Proc> procs = new TaskTable<>(Svr4Proc::new);
    private final Resched resched;
    private final ArrayList<Task> waiting = new ArrayList<>();
    private final ArrayList<Svr4Proc> boosted = new ArrayList<>();
    private long clockTicks;
    private final Counter expiries;
    private final Counter preemptions;
    private final Counter boosts;

    Svr4(SchedulerContext context, int updateTicks, int rtQuantum) {
        this.context = context;
        this.cpus = context.cpus();
        this.updateTicks = updateTicks;
        this.rtQuantum = rtQuantum;
        this.resched = new Resched(context);
        this.expiries = context.counter("sched.quantum_expiries");
        this.preemptions = context.counter("sched.priority_preemptions");
        this.boosts = context.counter("sched.ts_lwait_boosts");
    }

    @Override
    public void taskCreated(Task task) {
        procs.create(task);
    }

    @Override
    public void taskExited(Task task) {
        dequeue(task);
        procs.remove(task);
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        if (prevCpu >= 0 && prevCpu < cpus && task.allowedOn(prevCpu) && free(prevCpu)) return prevCpu;
        int best = -1;
        int bestPri = Integer.MAX_VALUE;
        for (int c = 0; c < cpus; c++) {
            if (!task.allowedOn(c)) continue;
            if (free(c)) return c;
            // Otherwise the CPU running the least urgent task: the one it may preempt.
            int pri = runningPri(c);
            if (pri < bestPri || (pri == bestPri && c == prevCpu)) {
                best = c;
                bestPri = pri;
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
        Svr4Proc p = procs.get(task);
        if (p.queuedAt >= 0) dispq.remove(task, p.queuedAt);
        int pri = p.globalPri();
        // ts_preempt: preempted with quantum left, it resumes first at its level; everyone else queues behind.
        if ((flags & ENQ_PREEMPTED) != 0 && !p.expired) {
            dispq.addFront(task, pri);
        } else {
            dispq.addBack(task, pri);
        }
        p.queuedAt = pri;
        boolean ownCpuPicks = (flags & (ENQ_PREEMPTED | ENQ_YIELD)) != 0;
        offerCpu(p, ownCpuPicks ? cpu : -1, cpu);
    }

    @Override
    public void dequeue(Task task) {
        Svr4Proc p = procs.get(task);
        if (p.queuedAt < 0) return;
        dispq.remove(task, p.queuedAt);
        p.queuedAt = -1;
    }

    @Override
    public Task pickNext(int cpu) {
        resched.picked(cpu);
        Task t = dispq.takeHighestAllowed(cpu);
        if (t != null) procs.get(t).queuedAt = -1;
        return t;
    }

    @Override
    public void running(Task task, int cpu) {
        Svr4Proc p = procs.get(task);
        p.cpu = cpu;
        p.expired = false;
        p.dispwait = 0;
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        Svr4Proc p = procs.get(task);
        p.cpu = -1;
        if (!runnable) p.sleepReturn();
    }

    @Override
    public boolean tick(int cpu, Task current) {
        if (cpu == 0 && ++clockTicks % updateTicks == 0) tsUpdate();
        if (current == null) {
            // Safety net: an idle CPU that could run a waiting task asks for it.
            resched.picked(cpu);
            if (dispq.highestAllowed(cpu) >= 0) resched.kickIfIdle(cpu);
            return false;
        }
        Svr4Proc p = procs.get(current);
        p.cpu = cpu;
        if (--p.timeleft > 0) return dispq.highestAllowed(cpu) > p.globalPri();
        expiries.increment();
        p.quantumExpired();
        p.newQuantum(rtQuantum);
        // Round robin: give way to anyone waiting at the (new) level or above; otherwise run on.
        p.expired = dispq.highestAllowed(cpu) >= p.globalPri();
        return p.expired;
    }

    @Override
    public void priorityChanged(Task task) {
        Svr4Proc p = procs.get(task);
        if (p.realTime) return;
        p.upri = Svr4Proc.upriOfNice(task.nice());
        p.newUmdpri();
        reposition(p);
    }

    /**
     * priocntl(2): "TS" takes a user priority (ts_upri) in -20..20, "RT" a real-time priority in 0..59; anything
     * else is EINVAL.
     */
    @Override
    public void priocntl(Task task, String schedClass, int priority) {
        Svr4Proc p = procs.get(task);
        if (TS.equals(schedClass)) {
            if (priority < -Svr4Proc.TS_MAXUPRI || priority > Svr4Proc.TS_MAXUPRI) throw ErrnoException.of(EINVAL);
            p.enterTs(priority);
        } else if (RT.equals(schedClass)) {
            if (priority < 0 || priority >= Svr4Proc.RT_LEVELS) throw ErrnoException.of(EINVAL);
            p.enterRt(priority);
        } else {
            throw ErrnoException.of(EINVAL);
        }
        p.newQuantum(rtQuantum);
        reposition(p);
    }

    /** The class {@code task} is in, "TS" or "RT" (for tests and traces). */
    String schedClass(Task task) {
        return procs.get(task).realTime ? RT : TS;
    }

    /** The global priority {@code task} is dispatched at: TS 0..59, RT 60..119. */
    int globalPriority(Task task) {
        return procs.get(task).globalPri();
    }

    /** Ticks left of {@code task}'s current quantum. */
    int timeLeft(Task task) {
        return procs.get(task).timeleft;
    }

    /** A task's priority changed: requeue it at the new level, and preempt whoever now ranks below. */
    private void reposition(Svr4Proc p) {
        if (p.queuedAt >= 0) {
            dispq.remove(p.task, p.queuedAt);
            p.queuedAt = p.globalPri();
            dispq.addBack(p.task, p.queuedAt);
            offerCpu(p, -1, -1);
        } else if (p.cpu >= 0 && context.current(p.cpu) == p.task
                && dispq.highestAllowed(p.cpu) > p.globalPri()) {
            preemptions.increment();
            resched.ask(p.cpu);
        }
    }

    /**
     * Finds a CPU for the newly queued {@code p}: an idle one (the one it was queued for first), else the one
     * running the least urgent task below it, which is asked to reschedule. {@code picking} is a CPU that is
     * about to pick anyway, left alone.
     */
    private void offerCpu(Svr4Proc p, int picking, int preferred) {
        Task t = p.task;
        if (preferred >= 0 && preferred != picking && t.allowedOn(preferred) && resched.kickIfIdle(preferred)) return;
        for (int c = 0; c < cpus; c++) {
            if (c != picking && t.allowedOn(c) && resched.kickIfIdle(c)) return;
        }
        int pri = p.globalPri();
        int victim = -1;
        int victimPri = pri;
        for (int c = 0; c < cpus; c++) {
            if (c == picking || !t.allowedOn(c) || resched.asked(c) || context.current(c) == null) continue;
            int running = runningPri(c);
            if (running < victimPri) {
                victim = c;
                victimPri = running;
            }
        }
        if (victim >= 0) {
            preemptions.increment();
            resched.ask(victim);
        }
    }

    /**
     * ts_update: once every {@code updateTicks}, each TS task still waiting counts one more pass, and one that
     * waited past ts_maxwait at its level rises to ts_lwait, so a busy system cannot starve it.
     */
    private void tsUpdate() {
        waiting.clear();
        dispq.copyTo(0, TsDispatchTable.LEVELS - 1, waiting);
        boosted.clear();
        for (int i = 0; i < waiting.size(); i++) {
            Svr4Proc p = procs.get(waiting.get(i));
            int was = p.queuedAt;
            if (!p.agedPastMaxwait()) continue;
            boosts.increment();
            dispq.remove(p.task, was);
            p.queuedAt = p.globalPri();
            dispq.addBack(p.task, p.queuedAt);
            boosted.add(p);
        }
        for (int i = 0; i < boosted.size(); i++) offerCpu(boosted.get(i), -1, -1);
    }

    /** Idle and not yet claimed by another waking task. */
    private boolean free(int cpu) {
        return context.current(cpu) == null && !resched.asked(cpu);
    }

    private int runningPri(int cpu) {
        Task cur = context.current(cpu);
        return cur == null ? -1 : procs.get(cur).globalPri();
    }
}
