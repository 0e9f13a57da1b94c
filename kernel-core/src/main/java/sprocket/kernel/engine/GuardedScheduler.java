package sprocket.kernel.engine;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * one the host watchdog cuts off (it ran or allocated too much on the host: {@link PolicyThread}), a dispatch the
 * kernel must refuse, or a task left waiting past the simulated-time watchdog gets the policy ejected: the kernel
 * logs why, makes the fallback policy, hands it every task, and the run goes on. With no fallback, it panics.
 */
final class GuardedScheduler implements Scheduler {
    private static final Logger log = LoggerFactory.getLogger(GuardedScheduler.class);

    private Scheduler policy;
    private String name;
    /** The thread the policy's callbacks run on, under the host watchdog; null to run them on the kernel's. */
    private PolicyThread thread;
    private final SchedulerProvider fallback;
    private final SchedulerContext context;
    private final Stats.Count ejections;
    /** Hands every process the kernel knows to a new policy: created, queued and running ones. */
    private final Consumer<Scheduler> adopt;
    /** Why the last policy was ejected, for the run's statistics; null if none was. */
    private String ejection;

    private GuardedScheduler(PolicyThread thread, String name, SchedulerProvider fallback, SchedulerContext context,
            Stats stats, Consumer<Scheduler> adopt) {
        this.thread = thread;
        this.name = name;
        this.fallback = fallback;
        this.context = context;
        this.ejections = stats.counter("sched_ejections");
        this.adopt = adopt;
    }

    /**
     * The guard around the policy {@code provider} makes, whose callbacks run on {@code thread} (null: on the kernel's
     * thread); one whose creation fails is ejected before it starts, and {@code adopt} hands every thread to whatever
     * policy takes over.
     */
    static GuardedScheduler create(SchedulerProvider provider, PolicyThread thread, SchedulerProvider fallback,
            SchedulerContext context, Stats stats, Consumer<Scheduler> adopt) {
        GuardedScheduler guard = new GuardedScheduler(thread, provider.name(), fallback, context, stats, adopt);
        Scheduler made = guard.ask("create", () -> provider.create(context));
        if (made != null) guard.policy = made;
        return guard;
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
        if (thread != null) {
            thread.close();
            thread = null; // the fallback is the kernel's own
        }
        log.warn("{}; falling back to {}", why, fallback.name());
        policy = fallback.create(context);
        name = fallback.name();
        adopt.accept(policy);
    }

    /**
     * What the policy's {@code callback} answers, on the policy's own thread when it has one, or null when the callback
     * failed: it threw (an error too), or the host watchdog cut it off; the policy is then ejected and the fallback in
     * place.
     */
    private <T> T ask(String callback, Supplier<T> body) {
        try {
            return thread == null ? body.get() : thread.call(callback, body);
        } catch (PolicyThread.CutOff e) {
            eject(e.getMessage(), null);
        } catch (PanicException e) {
            throw e; // the kernel's own, raised by something the policy asked of it
        } catch (RuntimeException | Error e) {
            eject(callback + " threw " + e, e);
        }
        return null;
    }

    /**
     * A built-in policy's callback threw (it runs on the engine's thread, without {@link #ask}'s lambdas, which cost a
     * context switch twice over): the policy is ejected, as {@link #ask} does; a kernel panic goes on up.
     */
    private void threw(String callback, Throwable e) {
        if (e instanceof PanicException panic) throw panic;
        eject(callback + " threw " + e, e);
    }

    /** A callback with no answer. */
    private void tell(String callback, Runnable body) {
        ask(callback, () -> {
            body.run();
            return Boolean.TRUE;
        });
    }

    @Override
    public void taskCreated(Task task) {
        tell("taskCreated", () -> policy.taskCreated(task));
    }

    @Override
    public void taskExited(Task task) {
        tell("taskExited", () -> policy.taskExited(task));
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        Scheduler asked = policy;
        Integer cpu;
        if (thread == null) {
            try {
                cpu = asked.selectCpu(task, prevCpu);
            } catch (RuntimeException | Error e) {
                threw("selectCpu", e);
                cpu = null;
            }
        } else {
            cpu = ask("selectCpu", () -> asked.selectCpu(task, prevCpu));
        }
        if (cpu == null) return policy.selectCpu(task, prevCpu);
        if (cpu < 0 || cpu >= context.cpus() || !task.allowedOn(cpu)) {
            eject("selectCpu chose cpu " + cpu + " for pid " + task.pid() + ", outside its affinity mask", null);
            return policy.selectCpu(task, prevCpu);
        }
        return cpu;
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        if (thread != null) {
            tell("enqueue", () -> policy.enqueue(task, cpu, flags));
            return;
        }
        try {
            policy.enqueue(task, cpu, flags);
        } catch (RuntimeException | Error e) {
            threw("enqueue", e);
        }
    }

    @Override
    public void dequeue(Task task) {
        if (thread != null) {
            tell("dequeue", () -> policy.dequeue(task));
            return;
        }
        try {
            policy.dequeue(task);
        } catch (RuntimeException | Error e) {
            threw("dequeue", e);
        }
    }

    @Override
    public Task pickNext(int cpu) {
        Scheduler asked = policy;
        if (thread == null) {
            try {
                return asked.pickNext(cpu);
            } catch (RuntimeException | Error e) {
                threw("pickNext", e);
                return policy.pickNext(cpu);
            }
        }
        Optional<Task> next = ask("pickNext", () -> Optional.ofNullable(asked.pickNext(cpu)));
        return next != null ? next.orElse(null) : policy.pickNext(cpu);
    }

    @Override
    public void running(Task task, int cpu) {
        if (thread != null) {
            tell("running", () -> policy.running(task, cpu));
            return;
        }
        try {
            policy.running(task, cpu);
        } catch (RuntimeException | Error e) {
            threw("running", e);
        }
    }

    @Override
    public void stopping(Task task, int cpu, boolean runnable) {
        if (thread != null) {
            tell("stopping", () -> policy.stopping(task, cpu, runnable));
            return;
        }
        try {
            policy.stopping(task, cpu, runnable);
        } catch (RuntimeException | Error e) {
            threw("stopping", e);
        }
    }

    @Override
    public boolean tick(int cpu, Task current) {
        if (thread != null) return Boolean.TRUE.equals(ask("tick", () -> policy.tick(cpu, current)));
        try {
            return policy.tick(cpu, current);
        } catch (RuntimeException | Error e) {
            threw("tick", e);
            return false;
        }
    }

    @Override
    public void yield(Task task) {
        if (thread != null) {
            tell("yield", () -> policy.yield(task));
            return;
        }
        try {
            policy.yield(task);
        } catch (RuntimeException | Error e) {
            threw("yield", e);
        }
    }

    @Override
    public void affinityChanged(Task task) {
        tell("affinityChanged", () -> policy.affinityChanged(task));
    }

    @Override
    public void priorityChanged(Task task) {
        tell("priorityChanged", () -> policy.priorityChanged(task));
    }

    @Override
    public void shareGroupChanged(int groupId) {
        tell("shareGroupChanged", () -> policy.shareGroupChanged(groupId));
    }

    @Override
    public void priocntl(Task task, String schedClass, int priority) {
        Optional<ErrnoException> refusal = ask("priocntl", () -> {
            try {
                policy.priocntl(task, schedClass, priority);
                return Optional.empty();
            } catch (ErrnoException refused) {
                return Optional.of(refused); // the policy's answer, not a misbehaviour
            }
        });
        if (refusal == null) throw ErrnoException.of(Errno.EINVAL);
        if (refusal.isPresent()) throw refusal.get();
    }
}
