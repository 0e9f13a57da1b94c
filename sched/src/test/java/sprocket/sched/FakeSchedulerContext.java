package sprocket.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/**
 * A machine of {@code cpus} CPUs whose current tasks and clocks a test sets by hand; records resched requests.
 * Settings answer the declared tunables of one provider, at their defaults unless a test overrides them.
 */
final class FakeSchedulerContext implements SchedulerContext {

    static final long CYCLES_PER_TICK = 1000;

    final Task[] current;
    final long[] clock;
    final List<Integer> resched = new ArrayList<>();
    final TreeMap<String, long[]> counters = new TreeMap<>();
    private final TreeMap<String, Tunable> declared = new TreeMap<>();
    private final TreeMap<String, Long> values = new TreeMap<>();
    private final SchedulerProvider provider;

    FakeSchedulerContext(int cpus, int slice) {
        this(cpus, new RoundRobinProvider(), Map.of(RoundRobinProvider.SLICE, (long) slice));
    }

    FakeSchedulerContext(int cpus, SchedulerProvider provider, Map<String, Long> overrides) {
        this.provider = provider;
        this.current = new Task[cpus];
        this.clock = new long[cpus];
        for (Tunable t : provider.tunables()) declared.put(t.key(), t);
        for (var e : overrides.entrySet()) {
            if (!declared.containsKey(e.getKey())) throw new IllegalArgumentException("undeclared " + e.getKey());
            values.put(e.getKey(), e.getValue());
        }
    }

    /** The provider's policy on this machine. */
    Scheduler policy() {
        return provider.create(this);
    }

    RoundRobin scheduler() {
        return (RoundRobin) new RoundRobinProvider().create(this);
    }

    long counterValue(String name) {
        long[] v = counters.get(name);
        return v == null ? 0 : v[0];
    }

    @Override
    public int cpus() {
        return current.length;
    }

    @Override
    public long cyclesPerTick() {
        return CYCLES_PER_TICK;
    }

    @Override
    public long now(int cpu) {
        return clock[cpu];
    }

    @Override
    public Task current(int cpu) {
        return current[cpu];
    }

    @Override
    public void resched(int cpu) {
        resched.add(cpu);
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public String get(String key) {
                return Long.toString(getLong(key));
            }

            @Override
            public long getLong(String key) {
                Tunable t = declared.get(key);
                if (t == null) throw new IllegalArgumentException("undeclared " + key);
                Long v = values.get(key);
                return v != null ? v : Long.parseLong(t.defaultValue());
            }

            @Override
            public long getSize(String key) {
                throw new IllegalArgumentException("undeclared " + key);
            }

            @Override
            public boolean getBool(String key) {
                throw new IllegalArgumentException("undeclared " + key);
            }

            @Override
            public long seed() {
                return 1;
            }
        };
    }

    @Override
    public Counter counter(String name) {
        long[] cell = counters.computeIfAbsent(name, n -> new long[1]);
        return new Counter() {
            @Override
            public void add(long n) {
                cell[0] += n;
            }

            @Override
            public long get() {
                return cell[0];
            }
        };
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.hashCode());
    }
}
