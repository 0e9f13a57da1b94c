package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static sprocket.api.sched.Scheduler.ENQ_PREEMPTED;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fair policy across CPUs: balancing by load (the sum of the weights), and vruntime kept relative on a move. */
class FairLoadBalanceTest {

    private static final long ANY = -1L;
    private static final long TICK = FakeSchedulerContext.CYCLES_PER_TICK;

    private FakeSchedulerContext ctx;

    private Fair fair(int cpus) {
        return fair(cpus, Map.of());
    }

    private Fair fair(int cpus, Map<String, Long> overrides) {
        ctx = new FakeSchedulerContext(cpus, new FairProvider(), overrides);
        return (Fair) ctx.policy();
    }

    private static FakeTask task(Fair f, int pid, int nice) {
        var t = new FakeTask(pid, ANY);
        t.nice = nice;
        t.lastCpu = 0;
        f.taskCreated(t);
        return t;
    }

    private void run(Fair f, FakeTask t, int cpu) {
        ctx.current[cpu] = t;
        f.running(t, cpu);
    }

    @Test
    void four_tasks_at_nice_0_5_10_15_on_two_cpus_get_shares_in_proportion_to_their_weights() {
        // nicetest 4 on a dual: children forked at nice 0 lower their own priority with nice(2). The best a
        // weighted fair policy can do with weights 1024, 335, 110 and 36 on two CPUs is to give the nice-0 task
        // one CPU to itself (it cannot use more) and split the other 335:110:36.
        var k = new FakeKernel(new FakeSchedulerContext(2, new FairProvider(), Map.of()));
        int[] nices = {0, 5, 10, 15};
        for (int i = 0; i < nices.length; i++) k.spawn(1 + i, ANY);
        k.ticks(3);
        for (int i = 0; i < nices.length; i++) {
            FakeTask t = k.tasks.get(i);
            t.nice = nices[i];
            k.policy.priorityChanged(t);
        }
        int ticks = 30_000;
        k.ticks(ticks - 3);
        long capacity = 2L * ticks * TICK;
        double rest = 335 + 110 + 36;
        double[] expected = {0.5, 0.5 * 335 / rest, 0.5 * 110 / rest, 0.5 * 36 / rest};
        for (int i = 0; i < nices.length; i++) {
            FakeTask t = k.tasks.get(i);
            assertThat((double) t.runtime / capacity).as("%s at nice %d, weight %d", t, t.nice, t.weight())
                    .isCloseTo(expected[i], withinPercentage(1));
        }
    }

    @Test
    void once_balanced_by_weight_no_task_moves_back_and_forth() {
        var k = new FakeKernel(new FakeSchedulerContext(2, new FairProvider(), Map.of()));
        int[] nices = {0, 5, 10, 15};
        for (int i = 0; i < nices.length; i++) {
            FakeTask t = k.spawn(1 + i, ANY);
            t.nice = nices[i];
            k.policy.priorityChanged(t);
        }
        k.ticks(200);
        long settled = k.ctx.counterValue("sched.migrations");
        k.ticks(10_000);
        assertThat(k.ctx.counterValue("sched.migrations")).as("migrations after the first 200 ticks")
                .isEqualTo(settled);
    }

    @Test
    void a_nice_0_task_sharing_a_cpu_with_light_ones_keeps_its_weighted_share() {
        // Weights 110, 1024, 110, 1024, placed two per CPU at fork (1 and 3 on CPU 0): by task count that split
        // is even, but {110, 110} beside {1024, 1024} halves both heavy tasks; by load each CPU gets one of each.
        var k = new FakeKernel(new FakeSchedulerContext(2, new FairProvider(), Map.of()));
        int[] nices = {10, 0, 10, 0};
        for (int i = 0; i < nices.length; i++) {
            FakeTask t = k.spawn(1 + i, ANY);
            t.nice = nices[i];
            k.policy.priorityChanged(t);
        }
        int ticks = 20_000;
        k.ticks(ticks);
        for (FakeTask t : k.tasks) {
            double expected = (double) ticks * TICK * t.weight() / (1024 + 110);
            assertThat((double) t.runtime).as("%s weight %d", t, t.weight()).isCloseTo(expected, withinPercentage(1));
        }
    }

    @Test
    void a_tick_moves_the_waiting_task_whose_weight_best_evens_the_loads() {
        var f = fair(2);
        var heavy = task(f, 1, 0);
        var light = task(f, 2, 15);
        var middle = task(f, 3, 5);
        var other = task(f, 4, 5);
        run(f, heavy, 0);
        f.enqueue(middle, 0, ENQ_PREEMPTED);
        f.enqueue(light, 0, ENQ_PREEMPTED);
        run(f, other, 1);
        // Loads 1024 + 36 + 335 = 1395 and 335: moving 335 leaves 1060 and 670, moving 36 leaves 1359 and 371.
        f.tick(1, other);
        assertThat(f.waiting(1)).isEqualTo(1);
        ctx.current[1] = null;
        f.stopping(other, 1, false);
        assertThat(f.pickNext(1)).isSameAs(middle);
    }

    @Test
    void a_task_heavier_than_the_load_difference_stays_where_it_is() {
        // Loads 36 + 1024 = 1060 and 335: moving the nice-0 task would leave 36 and 1359, a worse imbalance the
        // other CPU's next tick would undo; that is the ping-pong the bound prevents.
        var f = fair(2);
        var light = task(f, 1, 15);
        var heavy = task(f, 2, 0);
        var other = task(f, 3, 5);
        run(f, light, 0);
        f.enqueue(heavy, 0, ENQ_PREEMPTED);
        run(f, other, 1);
        f.tick(1, other);
        assertThat(f.waiting(0)).isEqualTo(1);
        assertThat(f.waiting(1)).isZero();
    }

    @Test
    void two_equal_tasks_beside_one_are_not_split_again() {
        // Loads 2048 and 1024: moving either waiting task only swaps which CPU has two.
        var f = fair(2);
        var a = task(f, 1, 0);
        var b = task(f, 2, 0);
        var c = task(f, 3, 0);
        run(f, a, 0);
        f.enqueue(b, 0, ENQ_PREEMPTED);
        run(f, c, 1);
        f.tick(1, c);
        assertThat(f.waiting(1)).isZero();
    }

    @Test
    void the_imbalance_percentage_holds_a_pull_back_until_the_busiest_load_exceeds_it() {
        // Loads 1024 and 1024 + 110 + 110 = 1244, 21.5% over. Moving a nice-10 task evens them exactly.
        for (long pct : new long[] {0, 21, 22, 25}) {
            var f = fair(2, Map.of(FairProvider.IMBALANCE, pct));
            var alone = task(f, 1, 0);
            var heavy = task(f, 2, 0);
            var light1 = task(f, 3, 10);
            var light2 = task(f, 4, 10);
            run(f, alone, 0);
            run(f, heavy, 1);
            f.enqueue(light1, 1, ENQ_PREEMPTED);
            f.enqueue(light2, 1, ENQ_PREEMPTED);
            f.tick(0, alone);
            assertThat(f.waiting(0)).as("imbalance %d%%", pct).isEqualTo(pct <= 21 ? 1 : 0);
        }
    }

    @Test
    void a_moved_task_keeps_its_lag_behind_min_vruntime_measured_before_it_left() {
        // Linux dequeue_entity normalises "before doing update_min_vruntime() again, which will discount @se's
        // position and can move min_vruntime forward still more".
        var f = fair(2);
        var waiter = task(f, 1, 0);
        var runner = task(f, 2, 0);
        var other = task(f, 3, 0);
        f.enqueue(waiter, 0, ENQ_WAKEUP);
        run(f, runner, 0);
        runner.runtime += 10 * TICK;
        f.tick(0, runner);
        assertThat(f.minVruntime(0)).as("the waiting task, at 0, holds it back").isZero();
        run(f, other, 1);
        other.runtime += 50 * TICK;
        f.tick(1, other);
        assertThat(f.minVruntime(1)).isEqualTo(50 * TICK);
        ctx.current[1] = null;
        f.stopping(other, 1, false);
        assertThat(f.pickNext(1)).as("the idle CPU takes the waiting task").isSameAs(waiter);
        assertThat(f.vruntime(waiter)).as("level with CPU 0's min_vruntime, so level with CPU 1's, not 10 ticks behind")
                .isEqualTo(50 * TICK);
    }
}
