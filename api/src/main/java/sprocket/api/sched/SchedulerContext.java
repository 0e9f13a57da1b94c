package sprocket.api.sched;

import java.util.random.RandomGenerator;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/** What the kernel tells and offers a policy; handed to {@link SchedulerProvider#create}. */
public interface SchedulerContext {

    /** The number of CPUs, numbered 0..cpus()-1. */
    int cpus();

    /** Cycles between clock ticks ({@code kernel.hz}). */
    long cyclesPerTick();

    /** The clock of {@code cpu}. */
    long now(int cpu);

    /** The task running on {@code cpu}, or null when it idles. */
    Task current(int cpu);

    /**
     * Asks {@code cpu} to reschedule soon: at once when it idles, at its next return from the kernel
     * otherwise (by inter-processor interrupt when it is another CPU).
     */
    void resched(int cpu);

    /** The configuration, for the policy's own tunables. */
    Settings settings();

    /** A run statistic by name. */
    Counter counter(String name);

    /** A pseudo-random stream derived from the run's seed. */
    RandomGenerator random(String stream);
}
