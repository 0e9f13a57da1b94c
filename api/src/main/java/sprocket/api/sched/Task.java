package sprocket.api.sched;

/**
 * A schedulable process as a policy sees it: read-only, and valid from {@link Scheduler#taskCreated} until
 * {@link Scheduler#taskExited} returns. Identity is stable, so a policy may key maps on it.
 */
public interface Task {

    int pid();

    /** The share group id (the creator's pid) when the process is in one, else 0. */
    int shareGroup();

    /** nice(2) value, -20..19; default 0. */
    int nice();

    /** Priority the policy or priocntl set; larger is more urgent. */
    int priority();

    /** Weight derived from nice for proportional policies (1024 at nice 0, as Linux CFS). */
    int weight();

    /** CPUs this task may run on, bit n for CPU n. */
    long affinity();

    /** Whether {@code cpu} is in {@link #affinity()}. */
    default boolean allowedOn(int cpu) {
        return (affinity() & (1L << cpu)) != 0;
    }

    /** The CPU it last ran on, or -1 if it never ran. */
    int lastCpu();

    /** Cycles spent running, in total. */
    long runtime();

    /** Cycles spent runnable but not running, in total. */
    long waitTime();

    /** The clock value when it last became runnable. */
    long runnableSince();

    /** The program name, for traces and logs. */
    String command();
}
