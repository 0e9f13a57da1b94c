package sprocket.api.sched;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;

/**
 * A scheduling policy, modelled on the callbacks production plug-in schedulers have (Linux sched_ext).
 * A runnable task that is not running is in the policy's custody: the kernel hands it over with
 * {@link #enqueue} and takes it back with {@link #pickNext} (to run it) or {@link #dequeue} (when it must
 * leave without running). The kernel calls these on the engine's single thread.
 */
public interface Scheduler {

    /** Flag to {@link #enqueue}: the task just woke from sleep or was just created. */
    int ENQ_WAKEUP = 1;
    /** Flag to {@link #enqueue}: the task was preempted while running and is still runnable. */
    int ENQ_PREEMPTED = 2;
    /** Flag to {@link #enqueue}: the task gave the CPU up by sched_yield. */
    int ENQ_YIELD = 4;

    /** Called once for every new process (fork, sproc, init), before its first enqueue. */
    default void taskCreated(Task task) {
    }

    /** Called once when a process exits; it is not in the policy's custody any more. */
    default void taskExited(Task task) {
    }

    /**
     * Chooses the CPU a waking or new task should be queued for; {@code prevCpu} is where it last ran (-1 if
     * never). The answer must be in the task's affinity. The kernel then calls {@link #enqueue} with it.
     */
    int selectCpu(Task task, int prevCpu);

    /** Takes custody of a runnable task, queued for {@code cpu}; {@code flags} say why ({@code ENQ_*}). */
    void enqueue(Task task, int cpu, int flags);

    /** Gives a queued task back without running it (it was killed, stopped, or its affinity changed). */
    void dequeue(Task task);

    /**
     * {@code cpu} needs work: returns the task to run there next, removing it from the policy's queues, or
     * null to let the CPU idle. The task must be in the policy's custody and allowed on {@code cpu}.
     */
    Task pickNext(int cpu);

    /** {@code task} starts running on {@code cpu}. */
    default void running(Task task, int cpu) {
    }

    /** {@code task} stops running on {@code cpu}; {@code runnable} says whether it will be enqueued again. */
    default void stopping(Task task, int cpu, boolean runnable) {
    }

    /**
     * The clock interrupt on {@code cpu} while {@code current} runs (null when idle). Returns true to preempt
     * the current task: the kernel then calls {@link #stopping}, {@link #enqueue} with ENQ_PREEMPTED, and
     * {@link #pickNext}.
     */
    boolean tick(int cpu, Task current);

    /** The running task calls sched_yield; it will be enqueued with ENQ_YIELD next. */
    default void yield(Task task) {
    }

    /** The task's affinity mask changed; if queued, it was dequeued first and will be re-enqueued. */
    default void affinityChanged(Task task) {
    }

    /** The task's nice value or priority changed. */
    default void priorityChanged(Task task) {
    }

    /** A share group was formed, or gained or lost a member; {@code groupId} is the creator's pid. */
    default void shareGroupChanged(int groupId) {
    }

    /**
     * priocntl(2) asks to put {@code task} in scheduling class {@code schedClass} at {@code priority}. Returns when
     * the policy accepts (it then treats the task accordingly); throws {@link ErrnoException} EINVAL, changing
     * nothing, for a class or priority it does not have. The kernel checks permissions first. Policies without
     * classes refuse everything.
     */
    default void priocntl(Task task, String schedClass, int priority) {
        throw ErrnoException.of(Errno.EINVAL);
    }
}
