package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sched.Scheduler;

/**
 * Drives a policy the way kernel-core's engine does: wake-ups through selectCpu and enqueue, clock ticks on
 * every CPU, preemption (stopping, enqueue ENQ_PREEMPTED, pickNext) when tick says so or the policy asks a
 * busy CPU to reschedule, and idle CPUs asking pickNext for work. It checks the custody protocol at every
 * dispatch and records every pick, and charges each running task one tick of cycles per tick.
 */
final class FakeKernel {

    final FakeSchedulerContext ctx;
    final Scheduler policy;
    final List<FakeTask> tasks = new ArrayList<>();
    final List<String> picks = new ArrayList<>();
    long ticks;

    FakeKernel(FakeSchedulerContext ctx) {
        this.ctx = ctx;
        this.policy = ctx.policy();
    }

    int cpus() {
        return ctx.cpus();
    }

    FakeTask current(int cpu) {
        return (FakeTask) ctx.current[cpu];
    }

    /** A new process: taskCreated, then made runnable. */
    FakeTask spawn(int pid, long affinity) {
        var t = new FakeTask(pid, affinity);
        tasks.add(t);
        policy.taskCreated(t);
        wake(t);
        return t;
    }

    /** Makes a sleeping or new task runnable, as Engine.makeRunnable does. */
    void wake(FakeTask t) {
        assertThat(t.queued).as("%s woken while queued", t).isFalse();
        assertThat(runningOn(t)).as("%s woken while running", t).isLessThan(0);
        t.runnableSince = ctx.clock[0];
        int cpu = policy.selectCpu(t, t.lastCpu);
        assertThat(t.allowedOn(cpu)).as("selectCpu chose CPU %d for %s outside its affinity", cpu, t).isTrue();
        policy.enqueue(t, cpu, Scheduler.ENQ_WAKEUP);
        t.queued = true;
        t.waitedTicks = 0;
        settle();
    }

    /** The task running on {@code cpu} sleeps. */
    FakeTask block(int cpu) {
        FakeTask t = current(cpu);
        policy.stopping(t, cpu, false);
        leave(t, cpu);
        dispatch(cpu);
        settle();
        return t;
    }

    /** The task running on {@code cpu} calls sched_yield. */
    void yield(int cpu) {
        FakeTask t = current(cpu);
        policy.yield(t);
        policy.stopping(t, cpu, true);
        leave(t, cpu);
        requeue(t, cpu, Scheduler.ENQ_YIELD);
        dispatch(cpu);
        settle();
    }

    /** One clock tick on every CPU in turn, then the reschedule requests and idle CPUs are served. */
    void tick() {
        ticks++;
        for (int c = 0; c < cpus(); c++) {
            ctx.clock[c] += FakeSchedulerContext.CYCLES_PER_TICK;
            FakeTask cur = current(c);
            if (cur != null) cur.runtime += FakeSchedulerContext.CYCLES_PER_TICK;
            if (policy.tick(c, cur) && cur != null) preempt(c);
        }
        for (FakeTask t : tasks) {
            if (!t.queued) continue;
            t.waitTime += FakeSchedulerContext.CYCLES_PER_TICK;
            t.longestWait = Math.max(t.longestWait, ++t.waitedTicks);
        }
        settle();
    }

    void ticks(int n) {
        for (int i = 0; i < n; i++) tick();
    }

    /** Serves reschedule requests (a busy CPU preempts, an idle one picks) and lets idle CPUs pick. */
    void settle() {
        for (int round = 0; round < 100; round++) {
            while (!ctx.resched.isEmpty()) {
                int c = ctx.resched.remove(0);
                if (current(c) != null) {
                    preempt(c);
                } else {
                    dispatch(c);
                }
            }
            boolean any = false;
            for (int c = 0; c < cpus(); c++) {
                if (current(c) == null && dispatch(c)) any = true;
            }
            if (!any && ctx.resched.isEmpty()) return;
        }
        throw new AssertionError("the policy keeps asking for reschedules");
    }

    /** Tasks running now, in CPU order. */
    List<FakeTask> running() {
        var out = new ArrayList<FakeTask>();
        for (int c = 0; c < cpus(); c++) {
            if (current(c) != null) out.add(current(c));
        }
        return out;
    }

    int runningOn(FakeTask t) {
        for (int c = 0; c < cpus(); c++) {
            if (ctx.current[c] == t) return c;
        }
        return -1;
    }

    private void preempt(int cpu) {
        FakeTask t = current(cpu);
        policy.stopping(t, cpu, true);
        leave(t, cpu);
        requeue(t, cpu, Scheduler.ENQ_PREEMPTED);
        dispatch(cpu);
    }

    private void leave(FakeTask t, int cpu) {
        ctx.current[cpu] = null;
        t.lastCpu = cpu;
    }

    private void requeue(FakeTask t, int cpu, int flags) {
        t.runnableSince = ctx.clock[cpu];
        policy.enqueue(t, cpu, flags);
        t.queued = true;
        t.waitedTicks = 0;
    }

    /** Asks the policy for work for {@code cpu}; true when it gave some. */
    private boolean dispatch(int cpu) {
        var next = (FakeTask) policy.pickNext(cpu);
        if (next == null) return false;
        assertThat(next.queued).as("%s picked on CPU %d was in the policy's custody", next, cpu).isTrue();
        assertThat(next.allowedOn(cpu)).as("%s picked on CPU %d is allowed there", next, cpu).isTrue();
        assertThat(runningOn(next)).as("%s picked while running", next).isLessThan(0);
        next.queued = false;
        next.waitedTicks = 0;
        ctx.current[cpu] = next;
        policy.running(next, cpu);
        picks.add(ticks + ":" + cpu + ":" + next.pid());
        return true;
    }
}
