package sprocket.kernel.engine;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.kernel.stats.Stats;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;

/**
 * The kernel's side of a scheduling policy it does not trust. Every callback goes through here; one that throws,
 * a dispatch the kernel must refuse, or a task left waiting past the watchdog gets the policy ejected: the kernel
 * logs why, makes the fallback policy, hands it every task, and the run goes on. With no fallback, it panics.
 */
final class GuardedScheduler implements Scheduler {
    private static final Logger log = LoggerFactory.getLogger(GuardedScheduler.class);

    private Scheduler policy;
    private String name;
    private final SchedulerProvider fallback;
    private final SchedulerContext context;
    private final Stats.Count ejections;
    /** Hands every process the kernel knows to a new policy: created, queued and running ones. */
    private final Consumer<Scheduler> adopt;
    /** Why the last policy was ejected, for the run's statistics; null if none was. */
    private String ejection;

    GuardedScheduler(Scheduler policy, String name, SchedulerProvider fallback, SchedulerContext context,
            Stats stats, Consumer<Scheduler> adopt) {
        this.policy = policy;
        this.name = name;
        this.fallback = fallback;
        this.context = context;
        this.ejections = stats.counter("sched_ejections");
        this.adopt = adopt;
    }

    /**
     * The guard around the policy {@code provider} makes; one whose creation throws is ejected before it starts, and
     * {@code adopt} hands every thread to whatever policy takes over.
     */
    static GuardedScheduler create(SchedulerProvider provider, SchedulerProvider fallback, SchedulerContext context,
            Stats stats, Consumer<Scheduler> adopt) {
        try {
            return new GuardedScheduler(provider.create(context), provider.name(), fallback, context, stats, adopt);
        } catch (RuntimeException e) {
            GuardedScheduler guard = new GuardedScheduler(null, provider.name(), fallback, context, stats, adopt);
            guard.eject("create threw " + e, e);
            return guard;
        }
    }

    String name() {
        return name;
    }

    String ejection() {
        return ejection;
    }

    /** Ejects the policy for {@code reason} and carries on with the fallback. */
    void eject(String reason, Throwable cause) {
        String why = "scheduler " + name + " ejected: " + reason;
        if (fallback == null || fallback.name().equals(name)) {
            throw new PanicException(why + "; no other scheduler to fall back to", cause);
        }
        ejections.increment();
        ejection = why;
        log.warn("{}; falling back to {}", why, fallback.name());
        policy = fallback.create(context);
        name = fallback.name();
        adopt.accept(policy);
    }

    private void failed(String callback, RuntimeException e) {
        eject(callback + " threw " + e, e);
    }

    @Override
    public void taskCreated(Task task) {
        try {
            policy.taskCreated(task);
        } catch (RuntimeException e) {
            failed("taskCreated", e);
        }
    }

    @Override
    public void taskExited(Task task) {
        try {
            policy.taskExited(task);
        } catch (RuntimeException e) {
            failed("taskExited", e);
        }
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        int cpu;
        try {
            cpu = policy.selectCpu(task, prevCpu);
        } catch (RuntimeException e) {
            failed("selectCpu", e);
            return policy.selectCpu(task, prevCpu);
        }
        if (cpu < 0 || cpu >= context.cpus() || !task.allowedOn(cpu)) {
            eject("selectCpu chose cpu " + cpu + " for pid " + task.pid() + ", outside its affinity mask", null);
            return policy.selectCpu(task, prevCpu);
        }
        return cpu;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        try {
            policy.enqueue(task, cpu, flags);
        } catch (RuntimeException e) {
            failed("enqueue", e);
        }
    }

    @Override
    public void dequeue(Task task) {
        try {
            policy.dequeue(task);
        } catch (RuntimeException e) {
            failed("dequeue", e);
        }
    }

    @Override
    public Task pickNext(int cpu) {
        try {
            return policy.pickNext(cpu);
        } catch (RuntimeException e) {
            failed("pickNext", e);
            return policy.pickNext(cpu);
        }
    }

    @Override
    public void running(Task task, int cpu) {
        try {
            policy.running(task, cpu);
        } catch (RuntimeException e) {
            failed("running", e);
        }
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        try {
            policy.stopping(task, cpu, runnable);
        } catch (RuntimeException e) {
            failed("stopping", e);
        }
    }

    @Override
    public boolean tick(int cpu, Task current) {
        try {
            return policy.tick(cpu, current);
        } catch (RuntimeException e) {
            failed("tick", e);
            return false;
        }
    }

    @Override
    public void yield(Task task) {
        try {
            policy.yield(task);
        } catch (RuntimeException e) {
            failed("yield", e);
        }
    }

    @Override
    public void affinityChanged(Task task) {
        try {
            policy.affinityChanged(task);
        } catch (RuntimeException e) {
            failed("affinityChanged", e);
        }
    }

    @Override
    public void priorityChanged(Task task) {
        try {
            policy.priorityChanged(task);
        } catch (RuntimeException e) {
            failed("priorityChanged", e);
        }
    }

    @Override
    public void shareGroupChanged(int groupId) {
        try {
            policy.shareGroupChanged(groupId);
        } catch (RuntimeException e) {
            failed("shareGroupChanged", e);
        }
    }

    @Override
    public void priocntl(Task task, String schedClass, int priority) {
        try {
            policy.priocntl(task, schedClass, priority);
        } catch (ErrnoException refused) {
            throw refused; // the policy's answer, not a misbehaviour
        } catch (RuntimeException e) {
            failed("priocntl", e);
            throw ErrnoException.of(Errno.EINVAL);
        }
    }
}
