package sprocket.sched.tck;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import sprocket.api.ErrnoException;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/**
 * The policy under test, watched: every callback goes through here on its way in and out, and the first broken rule
 * is recorded with a readable message and thrown, so the kernel drops the policy and the run ends. The rules are the
 * Scheduler contract's: custody (pickNext returns only a task it was given by enqueue and has not returned), affinity
 * (selectCpu and pickNext stay inside the task's mask), work conservation where the policy claims it, no task left
 * runnable past the bound, and no exception from any callback.
 */
final class CheckingScheduler implements Scheduler {
    private final Scheduler policy;
    private final String name;
    private final SchedulerContext context;
    private final Scenario scenario;
    private final long boundTicks;
    private final boolean workConserving;

    /** Tasks in the policy's custody, in the order they were handed over; identity, as the kernel's tasks are. */
    private final Map<Task, Boolean> custody = new LinkedHashMap<>();
    /** Every task the kernel announced and has not yet reported exited. */
    private final Map<Task, Boolean> alive = new IdentityHashMap<>();
    private final Violations violations;

    CheckingScheduler(Scheduler policy, String name, SchedulerContext context, Scenario scenario, long boundTicks,
            boolean workConserving, Violations violations) {
        this.policy = policy;
        this.name = name;
        this.context = context;
        this.scenario = scenario;
        this.boundTicks = boundTicks;
        this.workConserving = workConserving;
        this.violations = violations;
    }

    @Override
    public void taskCreated(Task task) {
        alive.put(task, Boolean.TRUE);
        guard("taskCreated(" + describe(task) + ")", () -> policy.taskCreated(task));
    }

    @Override
    public void taskExited(Task task) {
        alive.remove(task);
        custody.remove(task);
        guard("taskExited(" + describe(task) + ")", () -> policy.taskExited(task));
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        checkLive();
        int cpu;
        try {
            cpu = policy.selectCpu(task, prevCpu);
        } catch (RuntimeException e) {
            throw fail("threw " + e + " from selectCpu(" + describe(task) + ", " + prevCpu + ")", e);
        }
        if (cpu < 0 || cpu >= context.cpus() || !task.allowedOn(cpu)) {
            throw fail("chose CPU " + cpu + " in selectCpu for " + describe(task) + ", whose affinity mask is 0x"
                    + Long.toHexString(task.affinity()) + " (the answer must be in the task's affinity)", null);
        }
        return cpu;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        custody.put(task, Boolean.TRUE);
        guard("enqueue(" + describe(task) + ", cpu " + cpu + ", flags " + flags + ")",
                () -> policy.enqueue(task, cpu, flags));
    }

    @Override
    public void dequeue(Task task) {
        custody.remove(task);
        guard("dequeue(" + describe(task) + ")", () -> policy.dequeue(task));
    }

    @Override
    public Task pickNext(int cpu) {
        checkLive();
        Task next;
        try {
            next = policy.pickNext(cpu);
        } catch (RuntimeException e) {
            throw fail("threw " + e + " from pickNext(cpu " + cpu + ")", e);
        }
        if (next == null) {
            if (workConserving) {
                for (Task t : custody.keySet()) {
                    if (t.allowedOn(cpu)) {
                        throw fail("let CPU " + cpu + " idle (pickNext returned null) while " + describe(t)
                                + ", allowed on it, was runnable in its custody (the kit was told the policy is"
                                + " work-conserving)", null);
                    }
                }
            }
            return null;
        }
        if (custody.remove(next) == null) {
            String what = alive.containsKey(next)
                    ? describe(next) + ", which is not in its custody (it is running, asleep, or was already returned)"
                    : "a task it was never given (" + describe(next) + ")";
            throw fail("returned " + what + " from pickNext(cpu " + cpu + ")", null);
        }
        if (!next.allowedOn(cpu)) {
            throw fail("dispatched " + describe(next) + " on CPU " + cpu + " outside its affinity mask 0x"
                    + Long.toHexString(next.affinity()), null);
        }
        return next;
    }

    @Override
    public void running(Task task, int cpu) {
        guard("running(" + describe(task) + ", cpu " + cpu + ")", () -> policy.running(task, cpu));
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        guard("stopping(" + describe(task) + ", cpu " + cpu + ")", () -> policy.stopping(task, cpu, runnable));
    }

    @Override
    public boolean tick(int cpu, Task current) {
        checkLive();
        boolean preempt;
        try {
            preempt = policy.tick(cpu, current);
        } catch (RuntimeException e) {
            throw fail("threw " + e + " from tick(cpu " + cpu + ")", e);
        }
        checkStarvation(cpu);
        return preempt;
    }

    /** The oldest task in custody must not have waited longer than the bound (clocks of CPUs differ by a quantum). */
    private void checkStarvation(int cpu) {
        long now = context.now(cpu);
        long tick = context.cyclesPerTick();
        for (Task t : custody.keySet()) {
            long waited = now - t.runnableSince();
            if (waited > boundTicks * tick) {
                throw fail("left " + describe(t) + " runnable for " + String.format(Locale.ROOT, "%.1f", (double) waited / tick)
                        + " ticks", null, true);
            }
        }
    }

    @Override
    public void yield(Task task) {
        guard("yield(" + describe(task) + ")", () -> policy.yield(task));
    }

    @Override
    public void affinityChanged(Task task) {
        guard("affinityChanged(" + describe(task) + ")", () -> policy.affinityChanged(task));
    }

    @Override
    public void priorityChanged(Task task) {
        guard("priorityChanged(" + describe(task) + ")", () -> policy.priorityChanged(task));
    }

    @Override
    public void shareGroupChanged(int groupId) {
        guard("shareGroupChanged(" + groupId + ")", () -> policy.shareGroupChanged(groupId));
    }

    @Override
    public void priocntl(Task task, String schedClass, int priority) {
        checkLive();
        try {
            policy.priocntl(task, schedClass, priority);
        } catch (ErrnoException refused) {
            throw refused; // the policy's answer (EINVAL for a class or priority it does not have)
        } catch (RuntimeException e) {
            throw fail("threw " + e + " from priocntl(" + describe(task) + ", " + schedClass + ", " + priority + ")",
                    e);
        }
    }

    private void guard(String call, Runnable callback) {
        checkLive();
        try {
            callback.run();
        } catch (RuntimeException e) {
            throw fail("threw " + e + " from " + call, e);
        }
    }

    /** After a violation the policy is finished: any further call (a kernel without ejection) fails again. */
    private void checkLive() {
        if (violations.first() != null) throw new PolicyViolation(violations.first(), null);
    }

    private PolicyViolation fail(String what, Throwable cause) {
        return fail(what, cause, false);
    }

    private PolicyViolation fail(String what, Throwable cause, boolean withBound) {
        String message = "policy '" + name + "' " + what + " on " + context.cpus()
                + (context.cpus() == 1 ? " CPU" : " CPUs") + (withBound ? " (bound " + boundTicks + ")" : "") + ", "
                + scenario.label();
        violations.record(message, cause);
        return new PolicyViolation(message, cause);
    }

    /** For a run the kernel ended early: the tasks still waiting in the policy's custody, or "". */
    String stranded() {
        if (custody.isEmpty()) return "";
        StringBuilder b = new StringBuilder(" (still runnable in the policy's custody:");
        for (Task t : custody.keySet()) b.append(' ').append(describe(t)).append(',');
        b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    static String describe(Task t) {
        return "pid " + t.pid() + " (" + t.command() + ")";
    }
}
