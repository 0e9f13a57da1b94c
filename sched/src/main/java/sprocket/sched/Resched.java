package sprocket.sched;

import sprocket.api.sched.SchedulerContext;

/**
 * The CPUs a policy has already asked to reschedule and that have not picked since, so one waking task
 * does not wake every idle CPU and a burst of wake-ups does not send a CPU one interrupt each.
 */
final class Resched {

    private final SchedulerContext context;
    private final boolean[] asked;

    Resched(SchedulerContext context) {
        this.context = context;
        this.asked = new boolean[context.cpus()];
    }

    /** Asks {@code cpu} to pick if it idles and was not asked yet; true when it was asked now. */
    boolean kickIfIdle(int cpu) {
        if (context.current(cpu) != null || asked[cpu]) return false;
        asked[cpu] = true;
        context.resched(cpu);
        return true;
    }

    /** Asks {@code cpu}, busy or not, to reschedule, once until it picks. */
    void ask(int cpu) {
        if (asked[cpu]) return;
        asked[cpu] = true;
        context.resched(cpu);
    }

    /** Whether {@code cpu} was asked and has not picked since. */
    boolean asked(int cpu) {
        return asked[cpu];
    }

    /** {@code cpu} picks now: the request is answered. */
    void picked(int cpu) {
        asked[cpu] = false;
    }
}
