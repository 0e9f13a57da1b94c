package sprocket.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/**
 * What the decision figure's kernel tells a policy: the CPUs' clocks and current tasks as plain arrays (the
 * engine's {@code Cpu.now} and {@code Cpu.current}), and a resched request recorded as the engine records it,
 * a flag the CPU acts on at its next chance.
 */
final class DecisionContext implements SchedulerContext {
    final long[] now;
    final DecisionTask[] current;
    /** Set by {@link #resched} and by a tick that asks to preempt; cleared when the CPU picks (Cpu.needResched). */
    final boolean[] needResched;
    private final long cyclesPerTick;
    private final Settings settings;
    private final Map<String, DecisionCounter> counters = new LinkedHashMap<>();
    /** Resched requests, for the figure's line: none is expected while every CPU is busy. */
    long reschedRequests;

    DecisionContext(int cpus, long cyclesPerTick, Settings settings) {
        this.now = new long[cpus];
        this.current = new DecisionTask[cpus];
        this.needResched = new boolean[cpus];
        this.cyclesPerTick = cyclesPerTick;
        this.settings = settings;
    }

    @Override
    public int cpus() {
        return now.length;
    }

    @Override
    public long cyclesPerTick() {
        return cyclesPerTick;
    }

    @Override
    public long now(int cpu) {
        return now[cpu];
    }

    @Override
    public Task current(int cpu) {
        return current[cpu];
    }

    @Override
    public void resched(int cpu) {
        reschedRequests++;
        // Engine.resched: a busy CPU reschedules at its next chance; an idle one tries a dispatch at every turn.
        if (current[cpu] != null) needResched[cpu] = true;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, k -> new DecisionCounter());
    }

    /** The counters the policy asked for, in the order it asked. */
    Map<String, DecisionCounter> counters() {
        return counters;
    }

    @Override
    public RandomGenerator random(String stream) {
        // Derived from the run's seed and the stream's name only, so a rerun draws the same numbers.
        return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + stream.hashCode());
    }
}
