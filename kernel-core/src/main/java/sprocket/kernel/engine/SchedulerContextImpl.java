package sprocket.kernel.engine;

import java.util.random.RandomGenerator;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.stats.Stats;

/** What a scheduling policy is told and may ask of the kernel. */
final class SchedulerContextImpl implements SchedulerContext {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final Settings settings;

    SchedulerContextImpl(Engine engine, Stats stats, Randoms randoms, Settings settings) {
        this.engine = engine;
        this.stats = stats;
        this.randoms = randoms;
        this.settings = settings;
    }

    @Override
    public int cpus() {
        return engine.cpuCount();
    }

    @Override
    public long cyclesPerTick() {
        return engine.tickCycles();
    }

    @Override
    public long now(int cpu) {
        return engine.cpu(cpu).now;
    }

    @Override
    public Task current(int cpu) {
        return engine.cpu(cpu).current();
    }

    @Override
    public void resched(int cpu) {
        engine.resched(cpu);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Counter counter(String name) {
        return stats.counter(name);
    }

    @Override
    public RandomGenerator random(String stream) {
        return randoms.stream(stream);
    }
}
