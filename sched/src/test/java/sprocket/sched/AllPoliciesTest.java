package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sprocket.api.sched.SchedulerProvider;

/**
 * Every built-in policy under one seeded random workload, driven through {@link FakeKernel} (which checks the
 * custody protocol and affinity at every dispatch): pinned and free tasks, share groups, sleeps, wake-ups and
 * sched_yield on a 4-CPU machine.
 */
class AllPoliciesTest {

    private static final int CPUS = 4;
    private static final int TASKS = 14;
    private static final int TICKS = 10_000;

    static Stream<SchedulerProvider> policies() {
        return Stream.of(new RoundRobinProvider(), new Svr4Provider(), new AffinityProvider(), new GangProvider(),
                new FairProvider());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void the_same_seed_gives_the_same_picks(SchedulerProvider provider) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(run(provider, seed).picks).as("seed %d", seed).isEqualTo(run(provider, seed).picks);
        }
        assertThat(run(provider, 1).picks).isNotEqualTo(run(provider, 2).picks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void no_runnable_task_waits_forever_and_every_pick_respects_affinity(SchedulerProvider provider) {
        for (long seed = 11; seed <= 13; seed++) {
            FakeKernel k = run(provider, seed);
            for (FakeTask t : k.tasks) {
                assertThat(t.longestWait).as("seed %d: %s (affinity 0x%s) waited %d ticks in a row", seed, t,
                        Long.toHexString(t.affinity), t.longestWait).isLessThan(300);
                assertThat(t.runtime).as("seed %d: %s ran", seed, t).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void every_cpu_time_tick_goes_to_someone_when_everyone_is_runnable(SchedulerProvider provider) {
        var k = new FakeKernel(new FakeSchedulerContext(CPUS, provider, Map.of()));
        for (int i = 0; i < 2 * CPUS; i++) k.spawn(10 + i, -1L);
        k.ticks(1000);
        long total = 0;
        for (FakeTask t : k.tasks) total += t.runtime;
        assertThat(total).as("twice as many tasks as CPUs keeps every CPU busy")
                .isEqualTo((long) CPUS * 1000 * FakeSchedulerContext.CYCLES_PER_TICK);
    }

    /** A seeded workload: sleeps and wake-ups, yields, nice values, pinned tasks and two share groups. */
    private static FakeKernel run(SchedulerProvider provider, long seed) {
        var random = new SplittableRandom(seed);
        var k = new FakeKernel(new FakeSchedulerContext(CPUS, provider, Map.of()));
        List<FakeTask> asleep = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            long mask = switch (random.nextInt(4)) {
                case 0 -> 1L << random.nextInt(CPUS);
                case 1 -> 0b11L << (2 * random.nextInt(2));
                default -> (1L << CPUS) - 1;
            };
            var t = new FakeTask(100 + i, mask);
            t.nice = random.nextInt(-5, 11);
            if (i < 6) t.shareGroup = i < 3 ? 100 : 103;
            k.tasks.add(t);
            k.policy.taskCreated(t);
        }
        k.policy.shareGroupChanged(100);
        k.policy.shareGroupChanged(103);
        for (FakeTask t : k.tasks) k.wake(t);
        for (int tick = 0; tick < TICKS; tick++) {
            k.tick();
            int cpu = random.nextInt(CPUS);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (k.current(cpu) != null) asleep.add(k.block(cpu));
                }
                case 1 -> {
                    if (k.current(cpu) != null) k.yield(cpu);
                }
                case 2, 3 -> {
                    if (!asleep.isEmpty()) k.wake(asleep.remove(random.nextInt(asleep.size())));
                }
                default -> {
                }
            }
        }
        return k;
    }
}
