package sprocket.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/** A machine of {@code cpus} CPUs whose current tasks a test sets by hand; records resched requests. */
final class FakeSchedulerContext implements SchedulerContext {

    final Task[] current;
    final List<Integer> resched = new ArrayList<>();
    final TreeMap<String, long[]> counters = new TreeMap<>();
    private final int slice;

    FakeSchedulerContext(int cpus, int slice) {
        this.current = new Task[cpus];
        this.slice = slice;
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
        return 1000;
    }

    @Override
    public long now(int cpu) {
        return 0;
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
                if (!key.equals(RoundRobinProvider.SLICE)) throw new IllegalArgumentException("undeclared " + key);
                return slice;
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
