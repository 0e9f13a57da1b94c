package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sched.Scheduler.ENQ_PREEMPTED;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AffinityTest {

    private static final long ANY = -1L;

    private FakeSchedulerContext ctx;

    private Affinity affinity(int cpus, Map<String, Long> overrides) {
        ctx = new FakeSchedulerContext(cpus, new AffinityProvider(), overrides);
        return (Affinity) ctx.policy();
    }

    private static FakeTask ranOn(int pid, int cpu) {
        var t = new FakeTask(pid, ANY);
        t.lastCpu = cpu;
        return t;
    }

    /** Fills {@code cpu}'s queue with {@code n} tasks that last ran there, and makes it busy. */
    private void load(Affinity a, int cpu, int n, int firstPid) {
        ctx.current[cpu] = ranOn(900 + cpu, cpu);
        for (int i = 0; i < n; i++) a.enqueue(ranOn(firstPid + i, cpu), cpu, ENQ_PREEMPTED);
    }

    @Test
    void a_waking_task_goes_back_to_the_cpu_it_last_ran_on_even_if_another_idles() {
        // SMP HOWTO 2.1: without affinity, "having separate L2 caches may introduce significant overhead when a
        // process is given a timeslice on a processor other than the one that was executing it last".
        var a = affinity(2, Map.of());
        load(a, 1, 2, 10);
        assertThat(a.selectCpu(ranOn(1, 1), 1)).as("queue 2 vs 0 is within the bound of 2").isEqualTo(1);
    }

    @Test
    void a_waking_task_leaves_its_cpu_when_the_imbalance_exceeds_the_bound() {
        var a = affinity(3, Map.of());
        load(a, 0, 3, 10);
        load(a, 1, 1, 20);
        ctx.current[2] = ranOn(902, 2);
        assertThat(a.selectCpu(ranOn(1, 0), 0)).as("3 - 0 > 2: the shortest queue").isEqualTo(2);
        assertThat(a.selectCpu(ranOn(2, 1), 1)).as("1 - 0 is within the bound").isEqualTo(1);
    }

    @Test
    void the_bound_is_a_tunable() {
        var a = affinity(2, Map.of(AffinityProvider.IMBALANCE, 0L));
        load(a, 0, 1, 10);
        assertThat(a.selectCpu(ranOn(1, 0), 0)).as("any imbalance moves it with bound 0").isEqualTo(1);
    }

    @Test
    void a_task_that_never_ran_goes_to_the_shortest_allowed_queue() {
        var a = affinity(3, Map.of());
        load(a, 0, 1, 10);
        ctx.current[1] = ranOn(901, 1);
        assertThat(a.selectCpu(new FakeTask(1, ANY), -1)).as("CPU 2: empty queue and idle").isEqualTo(2);
        assertThat(a.selectCpu(new FakeTask(2, 0b011), -1)).as("CPU 2 not allowed; CPU 1's queue is empty")
                .isEqualTo(1);
    }

    @Test
    void an_idle_cpu_steals_only_from_a_queue_longer_than_the_bound() {
        var a = affinity(2, Map.of());
        load(a, 0, 2, 10);
        assertThat(a.pickNext(1)).as("two waiting is within the bound").isNull();
        a.enqueue(ranOn(12, 0), 0, ENQ_PREEMPTED);
        var stolen = a.pickNext(1);
        assertThat(stolen.pid()).as("the oldest of the overloaded queue").isEqualTo(10);
        assertThat(ctx.counterValue("sched.migrations")).isEqualTo(1);
        assertThat(a.queueLength(0)).isEqualTo(2);
    }

    @Test
    void queueing_beyond_the_bound_nudges_an_idle_cpu() {
        var a = affinity(2, Map.of());
        load(a, 0, 2, 10);
        assertThat(ctx.resched).isEmpty();
        a.enqueue(ranOn(12, 0), 0, ENQ_WAKEUP);
        assertThat(ctx.resched).containsExactly(1);
    }

    @Test
    void a_task_that_waited_past_the_cache_hot_time_may_go_to_an_idle_cpu() {
        var a = affinity(2, Map.of(AffinityProvider.CACHE_HOT, 3L));
        load(a, 0, 1, 10);
        ctx.clock[1] = 2 * FakeSchedulerContext.CYCLES_PER_TICK;
        assertThat(a.pickNext(1)).as("waited 2 ticks: still cache-hot").isNull();
        ctx.clock[1] = 3 * FakeSchedulerContext.CYCLES_PER_TICK;
        assertThat(a.pickNext(1).pid()).isEqualTo(10);
    }

    @Test
    void the_slice_round_robins_a_cpu_own_queue() {
        var a = affinity(1, Map.of(AffinityProvider.SLICE, 3L));
        var t = ranOn(1, 0);
        ctx.current[0] = t;
        a.running(t, 0);
        assertThat(a.tick(0, t)).isFalse();
        assertThat(a.tick(0, t)).isFalse();
        assertThat(a.tick(0, t)).as("nobody waits").isFalse();
        a.enqueue(ranOn(2, 0), 0, ENQ_WAKEUP);
        assertThat(a.tick(0, t)).isTrue();
    }

    @Test
    void tasks_keep_to_their_cpus_under_a_steady_load() {
        var kernel = new FakeKernel(new FakeSchedulerContext(2, new AffinityProvider(), Map.of()));
        for (int i = 0; i < 4; i++) kernel.spawn(1 + i, ANY);
        kernel.ticks(1000);
        long migrations = kernel.ctx.counterValue("sched.migrations");
        assertThat(migrations).as("two per CPU, within the bound: nobody moves after placement").isZero();
        for (var t : kernel.tasks) {
            assertThat(t.runtime).as("%s gets its half of its CPU", t).isBetween(450_000L, 550_000L);
        }
    }
}
