package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;
import static sprocket.api.sched.Scheduler.ENQ_PREEMPTED;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;
import static sprocket.api.sched.Scheduler.ENQ_YIELD;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FairTest {

    private static final long ANY = -1L;
    private static final long TICK = FakeSchedulerContext.CYCLES_PER_TICK;

    private FakeSchedulerContext ctx;

    private Fair fair(int cpus, Map<String, Long> overrides) {
        ctx = new FakeSchedulerContext(cpus, new FairProvider(), overrides);
        return (Fair) ctx.policy();
    }

    private static FakeKernel kernel(int cpus) {
        return new FakeKernel(new FakeSchedulerContext(cpus, new FairProvider(), Map.of()));
    }

    private static FakeTask spawnNice(FakeKernel k, int pid, int nice) {
        var t = new FakeTask(pid, ANY);
        t.nice = nice;
        k.tasks.add(t);
        k.policy.taskCreated(t);
        k.wake(t);
        return t;
    }

    @Test
    void nice_0_gets_about_three_times_the_cpu_of_nice_5() {
        // CFS weights: 1024 at nice 0, 335 at nice 5; shares follow the weights, so 1024/335 = 3.06.
        var k = kernel(1);
        var n0 = spawnNice(k, 1, 0);
        var n5 = spawnNice(k, 2, 5);
        k.ticks(30_000);
        double ratio = (double) n0.runtime / n5.runtime;
        assertThat(ratio).isCloseTo(1024.0 / 335.0, offset(0.05));
    }

    @Test
    void cpu_time_is_proportional_to_weight_among_several_tasks() {
        var k = kernel(1);
        int[] nices = {-3, 0, 2, 7, 12};
        var tasks = new FakeTask[nices.length];
        long totalWeight = 0;
        for (int i = 0; i < nices.length; i++) {
            tasks[i] = spawnNice(k, 1 + i, nices[i]);
            totalWeight += tasks[i].weight();
        }
        k.ticks(50_000);
        for (var t : tasks) {
            double expected = 50_000.0 * TICK * t.weight() / totalWeight;
            assertThat((double) t.runtime).as("%s weight %d", t, t.weight())
                    .isCloseTo(expected, withinPercentage(3));
        }
    }

    @Test
    void pick_next_takes_the_least_virtual_runtime_first_come_first_served_on_ties() {
        var f = fair(1, Map.of());
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        for (var t : new FakeTask[] {a, b, c}) f.taskCreated(t);
        f.enqueue(b, 0, ENQ_WAKEUP);
        f.enqueue(c, 0, ENQ_WAKEUP);
        ctx.current[0] = a;
        f.running(a, 0);
        a.runtime += 5 * TICK;
        f.stopping(a, 0, true);
        ctx.current[0] = null;
        f.enqueue(a, 0, ENQ_PREEMPTED);
        assertThat(f.vruntime(a)).isEqualTo(5 * TICK);
        assertThat(f.pickNext(0)).isSameAs(b);
        assertThat(f.pickNext(0)).isSameAs(c);
        assertThat(f.pickNext(0)).isSameAs(a);
    }

    @Test
    void virtual_runtime_grows_by_runtime_times_1024_over_weight() {
        var f = fair(1, Map.of());
        var light = new FakeTask(1, ANY);
        light.nice = 5;
        f.taskCreated(light);
        f.enqueue(light, 0, ENQ_WAKEUP);
        f.pickNext(0);
        ctx.current[0] = light;
        f.running(light, 0);
        light.runtime += 335 * TICK;
        assertThat(f.vruntime(light)).isEqualTo(1024 * TICK);
    }

    @Test
    void a_nice_change_charges_the_time_already_run_at_the_old_weight() {
        var f = fair(1, Map.of());
        var t = new FakeTask(1, ANY);
        f.taskCreated(t);
        f.enqueue(t, 0, ENQ_WAKEUP);
        f.pickNext(0);
        ctx.current[0] = t;
        f.running(t, 0);
        t.runtime += 10 * TICK;
        t.nice = 5;
        f.priorityChanged(t);
        assertThat(f.vruntime(t)).as("10 ticks at weight 1024").isEqualTo(10 * TICK);
        t.runtime += 335 * TICK;
        assertThat(f.vruntime(t)).as("then 335 ticks at weight 335").isEqualTo((10 + 1024) * TICK);
    }

    @Test
    void the_running_task_keeps_the_cpu_for_the_minimum_granularity() {
        var f = fair(1, Map.of(FairProvider.GRANULARITY, 3L));
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        f.taskCreated(a);
        f.taskCreated(b);
        f.enqueue(a, 0, ENQ_WAKEUP);
        f.enqueue(b, 0, ENQ_WAKEUP);
        assertThat(f.pickNext(0)).isSameAs(a);
        ctx.current[0] = a;
        f.running(a, 0);
        for (int i = 1; i <= 2; i++) {
            a.runtime += TICK;
            assertThat(f.tick(0, a)).as("tick %d: b is behind, but a has not run its granularity", i).isFalse();
        }
        a.runtime += TICK;
        assertThat(f.tick(0, a)).isTrue();
    }

    @Test
    void a_new_task_starts_at_min_vruntime_and_a_sleeper_gets_at_most_the_credit() {
        var f = fair(1, Map.of(FairProvider.SLEEPER_CREDIT, 2L));
        var runner = new FakeTask(1, ANY);
        var sleeper = new FakeTask(2, ANY);
        f.taskCreated(runner);
        f.taskCreated(sleeper);
        f.enqueue(sleeper, 0, ENQ_WAKEUP);
        f.enqueue(runner, 0, ENQ_WAKEUP);
        assertThat(f.pickNext(0)).isSameAs(sleeper);
        ctx.current[0] = sleeper;
        f.running(sleeper, 0);
        sleeper.runtime += TICK;
        f.stopping(sleeper, 0, false); // it sleeps with vruntime 1 tick
        assertThat(f.pickNext(0)).isSameAs(runner);
        ctx.current[0] = runner;
        f.running(runner, 0);
        runner.runtime += 100 * TICK;
        f.tick(0, runner);
        assertThat(f.minVruntime(0)).isEqualTo(100 * TICK);

        ctx.resched.clear();
        f.enqueue(sleeper, 0, ENQ_WAKEUP);
        assertThat(f.vruntime(sleeper)).as("max(1 tick, 100 - 2 ticks)").isEqualTo(98 * TICK);
        assertThat(ctx.resched).as("far behind the runner, it preempts").containsExactly(0);
        assertThat(ctx.counterValue("sched.wakeup_preemptions")).isEqualTo(1);

        var newcomer = new FakeTask(3, ANY);
        f.taskCreated(newcomer);
        f.enqueue(newcomer, 0, ENQ_WAKEUP);
        assertThat(f.vruntime(newcomer)).isEqualTo(100 * TICK);
    }

    @Test
    void a_tick_pulls_a_task_from_a_cpu_whose_load_exceeds_its_own_by_more_than_the_task_weighs() {
        var f = fair(2, Map.of());
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        var d = new FakeTask(4, ANY);
        for (var t : new FakeTask[] {a, b, c, d}) {
            f.taskCreated(t);
            t.lastCpu = 0;
        }
        ctx.current[0] = a;
        f.running(a, 0);
        ctx.current[1] = d;
        f.running(d, 1);
        f.enqueue(b, 0, ENQ_PREEMPTED);
        assertThat(f.tick(1, d)).isFalse();
        assertThat(f.waiting(1)).as("loads 2048 and 1024: moving a 1024 would only swap them").isZero();

        f.enqueue(c, 0, ENQ_PREEMPTED);
        f.tick(1, d);
        assertThat(f.waiting(1)).as("a pass that moved nothing makes the next wait two ticks (Linux's"
                + " balance_interval doubling)").isZero();
        f.tick(1, d);
        f.tick(1, d);
        assertThat(f.waiting(0)).isEqualTo(1);
        assertThat(f.waiting(1)).isEqualTo(1);
        ctx.current[1] = null;
        f.stopping(d, 1, false);
        var moved = f.pickNext(1);
        assertThat(moved).as("loads 3072 and 1024: the tick moved the most-behind waiting task").isSameAs(c);
        assertThat(ctx.counterValue("sched.migrations")).isEqualTo(1);
    }

    @Test
    void an_idle_cpu_takes_a_waiting_task_it_may_run_from_the_busiest_cpu() {
        var f = fair(3, Map.of());
        var pinned = new FakeTask(1, 0b001);
        var free = new FakeTask(2, ANY);
        f.taskCreated(pinned);
        f.taskCreated(free);
        ctx.current[0] = new FakeTask(9, ANY);
        f.enqueue(free, 0, ENQ_PREEMPTED);
        f.enqueue(pinned, 0, ENQ_PREEMPTED);
        assertThat(f.pickNext(2)).isSameAs(free);
        assertThat(f.pickNext(1)).as("the pinned task stays").isNull();
        assertThat(f.pickNext(0)).isSameAs(pinned);
    }

    @Test
    void a_yielding_task_goes_behind_every_waiting_task() {
        // sched_yield(2): "the thread is moved to the end of the queue for its static priority".
        var f = fair(1, Map.of());
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        for (var t : new FakeTask[] {a, b, c}) f.taskCreated(t);
        f.enqueue(a, 0, ENQ_WAKEUP);
        f.enqueue(b, 0, ENQ_WAKEUP);
        ctx.current[0] = c;
        f.running(c, 0);
        c.runtime += 3 * TICK;
        f.stopping(c, 0, true);
        f.enqueue(c, 0, ENQ_PREEMPTED);
        assertThat(f.pickNext(0)).isSameAs(a);
        ctx.current[0] = a;
        f.running(a, 0);
        a.runtime += TICK;
        f.stopping(a, 0, true);
        ctx.current[0] = null;
        f.enqueue(a, 0, ENQ_YIELD);
        assertThat(f.vruntime(a)).as("level with the last waiting task, not 1 tick").isEqualTo(3 * TICK);
        assertThat(f.pickNext(0)).isSameAs(b);
        assertThat(f.pickNext(0)).isSameAs(c);
        assertThat(f.pickNext(0)).isSameAs(a);
    }

    @Test
    void two_cpus_share_four_equal_tasks_evenly() {
        var k = kernel(2);
        for (int i = 0; i < 4; i++) spawnNice(k, 1 + i, 0);
        k.ticks(4000);
        for (var t : k.tasks) {
            assertThat(t.runtime).as("%s", t).isBetween(1_900_000L, 2_100_000L);
        }
    }
}
