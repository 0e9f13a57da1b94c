package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.api.sched.Scheduler.ENQ_PREEMPTED;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;
import static sprocket.api.sched.Scheduler.ENQ_YIELD;

import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final long ANY = -1L;

    @Test
    void one_cpu_runs_tasks_in_the_order_they_became_runnable() {
        var ctx = new FakeSchedulerContext(1, 2);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        rr.enqueue(a, 0, ENQ_WAKEUP);
        rr.enqueue(b, 0, ENQ_WAKEUP);
        rr.enqueue(c, 0, ENQ_WAKEUP);

        assertThat(rr.pickNext(0)).isSameAs(a);
        assertThat(rr.pickNext(0)).isSameAs(b);
        assertThat(rr.pickNext(0)).isSameAs(c);
        assertThat(rr.pickNext(0)).isNull();
    }

    @Test
    void preempted_and_yielding_tasks_go_to_the_tail() {
        var ctx = new FakeSchedulerContext(1, 2);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        rr.enqueue(b, 0, ENQ_WAKEUP);
        rr.enqueue(a, 0, ENQ_PREEMPTED);
        rr.enqueue(c, 0, ENQ_YIELD);

        assertThat(rr.pickNext(0)).isSameAs(b);
        assertThat(rr.pickNext(0)).isSameAs(a);
        assertThat(rr.pickNext(0)).isSameAs(c);
    }

    @Test
    void slice_expiry_preempts_only_when_someone_waits() {
        var ctx = new FakeSchedulerContext(1, 2);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        ctx.current[0] = a;
        rr.running(a, 0);

        for (int i = 0; i < 10; i++) assertThat(rr.tick(0, a)).as("tick %d, nobody waits", i).isFalse();
        rr.enqueue(b, 0, ENQ_WAKEUP);
        assertThat(rr.tick(0, a)).as("slice long used up and b waits").isTrue();
        assertThat(ctx.counterValue("sched.slice_expiries")).isEqualTo(1);
    }

    @Test
    void a_fresh_slice_begins_each_time_a_task_starts_running() {
        var ctx = new FakeSchedulerContext(1, 3);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        rr.enqueue(b, 0, ENQ_WAKEUP);
        ctx.current[0] = a;
        rr.running(a, 0);

        assertThat(rr.tick(0, a)).isFalse();
        assertThat(rr.tick(0, a)).isFalse();
        assertThat(rr.tick(0, a)).as("third tick of a 3-tick slice").isTrue();

        rr.stopping(a, 0, true);
        rr.enqueue(a, 0, ENQ_PREEMPTED);
        assertThat(rr.pickNext(0)).isSameAs(b);
        ctx.current[0] = b;
        rr.running(b, 0);
        assertThat(rr.tick(0, b)).isFalse();
        assertThat(rr.tick(0, b)).isFalse();
        assertThat(rr.tick(0, b)).isTrue();
    }

    @Test
    void an_idle_cpu_steals_the_oldest_task_it_may_run_from_a_busy_cpu() {
        var ctx = new FakeSchedulerContext(3, 2);
        var rr = ctx.scheduler();
        var busy = new FakeTask(9, ANY);
        var onlyCpu0 = new FakeTask(1, 0b001);
        var a = new FakeTask(2, ANY);
        var b = new FakeTask(3, ANY);
        ctx.current[0] = busy;
        rr.enqueue(onlyCpu0, 0, ENQ_WAKEUP);
        rr.enqueue(a, 0, ENQ_WAKEUP);
        rr.enqueue(b, 0, ENQ_WAKEUP);

        assertThat(rr.pickNext(1)).as("oldest task allowed on CPU 1").isSameAs(a);
        assertThat(rr.pickNext(2)).isSameAs(b);
        assertThat(rr.pickNext(2)).as("the pinned task stays for CPU 0").isNull();
        assertThat(rr.pickNext(0)).isSameAs(onlyCpu0);
        assertThat(ctx.counterValue("sched.steals")).isEqualTo(2);
    }

    @Test
    void stealing_scans_the_other_cpus_starting_after_the_thief() {
        var ctx = new FakeSchedulerContext(4, 2);
        var rr = ctx.scheduler();
        var on0 = new FakeTask(1, ANY);
        var on1 = new FakeTask(2, ANY);
        var on3 = new FakeTask(3, ANY);
        rr.enqueue(on0, 0, ENQ_PREEMPTED);
        rr.enqueue(on1, 1, ENQ_PREEMPTED);
        rr.enqueue(on3, 3, ENQ_PREEMPTED);

        assertThat(rr.pickNext(2)).as("CPU 2 looks at 3, then 0, then 1").isSameAs(on3);
        assertThat(rr.pickNext(2)).isSameAs(on0);
        assertThat(rr.pickNext(2)).isSameAs(on1);
    }

    @Test
    void queueing_on_a_busy_cpu_asks_an_idle_cpu_to_reschedule() {
        var ctx = new FakeSchedulerContext(3, 2);
        var rr = ctx.scheduler();
        ctx.current[0] = new FakeTask(9, ANY);
        ctx.current[1] = new FakeTask(8, ANY);
        rr.enqueue(new FakeTask(1, ANY), 0, ENQ_WAKEUP);
        assertThat(ctx.resched).containsExactly(2);

        rr.enqueue(new FakeTask(2, ANY), 0, ENQ_WAKEUP);
        assertThat(ctx.resched).as("CPU 2 was asked already and has not picked yet").containsExactly(2);

        rr.pickNext(2);
        rr.enqueue(new FakeTask(3, 0b011), 0, ENQ_WAKEUP);
        assertThat(ctx.resched).as("CPU 2 is not in the new task's affinity").containsExactly(2);
    }

    @Test
    void an_idle_cpu_is_asked_to_reschedule_when_a_task_is_queued_for_it() {
        var ctx = new FakeSchedulerContext(2, 2);
        var rr = ctx.scheduler();
        rr.enqueue(new FakeTask(1, ANY), 1, ENQ_WAKEUP);
        assertThat(ctx.resched).containsExactly(1);
    }

    @Test
    void an_idle_tick_asks_for_a_waiting_task_the_cpu_may_run() {
        var ctx = new FakeSchedulerContext(2, 2);
        var rr = ctx.scheduler();
        ctx.current[0] = new FakeTask(9, ANY);
        rr.enqueue(new FakeTask(1, 0b01), 0, ENQ_PREEMPTED);
        assertThat(rr.tick(1, null)).isFalse();
        assertThat(ctx.resched).as("the waiting task may not run on CPU 1").isEmpty();

        rr.enqueue(new FakeTask(2, ANY), 0, ENQ_PREEMPTED);
        ctx.resched.clear();
        assertThat(rr.tick(1, null)).isFalse();
        assertThat(ctx.resched).containsExactly(1);
    }

    @Test
    void slice_expiry_pulls_a_task_waiting_on_another_busy_cpu() {
        var ctx = new FakeSchedulerContext(2, 1);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        ctx.current[0] = a;
        ctx.current[1] = b;
        rr.running(a, 0);
        rr.running(b, 1);
        rr.enqueue(c, 0, ENQ_WAKEUP);

        assertThat(rr.tick(1, b)).as("c may run on CPU 1 and b's slice is used up").isTrue();
        rr.stopping(b, 1, true);
        rr.enqueue(b, 1, ENQ_PREEMPTED);
        assertThat(rr.pickNext(1)).as("the pulled task runs, not the preempted one").isSameAs(c);
        assertThat(rr.tick(0, a)).as("nobody left who may run on CPU 0 but b, queued on CPU 1").isTrue();
    }

    @Test
    void a_task_allowed_only_on_cpu_2_never_comes_out_of_pick_next_of_another_cpu() {
        var ctx = new FakeSchedulerContext(4, 2);
        var rr = ctx.scheduler();
        var pinned = new FakeTask(1, 0b0100);
        rr.enqueue(pinned, 0, ENQ_PREEMPTED);

        assertThat(rr.pickNext(0)).isNull();
        assertThat(rr.pickNext(1)).isNull();
        assertThat(rr.pickNext(3)).isNull();
        assertThat(rr.pickNext(2)).isSameAs(pinned);
    }

    @Test
    void select_cpu_answers_only_cpus_in_the_affinity() {
        var ctx = new FakeSchedulerContext(4, 2);
        var rr = ctx.scheduler();
        var pinned = new FakeTask(1, 0b0100);
        ctx.current[2] = new FakeTask(9, ANY);

        assertThat(rr.selectCpu(pinned, 0)).as("CPU 0 is idle but not allowed").isEqualTo(2);
        assertThat(rr.selectCpu(pinned, -1)).isEqualTo(2);
    }

    @Test
    void select_cpu_prefers_the_previous_cpu_when_it_is_idle() {
        var ctx = new FakeSchedulerContext(4, 2);
        var rr = ctx.scheduler();
        assertThat(rr.selectCpu(new FakeTask(1, ANY), 3)).isEqualTo(3);
        assertThat(rr.selectCpu(new FakeTask(1, ANY), -1)).isEqualTo(0);
    }

    @Test
    void select_cpu_takes_the_lowest_idle_cpu_when_the_previous_one_is_busy() {
        var ctx = new FakeSchedulerContext(4, 2);
        var rr = ctx.scheduler();
        ctx.current[0] = new FakeTask(8, ANY);
        ctx.current[3] = new FakeTask(9, ANY);
        assertThat(rr.selectCpu(new FakeTask(1, ANY), 3)).isEqualTo(1);

        rr.enqueue(new FakeTask(2, 0b0010), 1, ENQ_WAKEUP);
        assertThat(rr.selectCpu(new FakeTask(1, ANY), 3)).as("CPU 1 has a task queued, so is not idle").isEqualTo(2);
    }

    @Test
    void select_cpu_takes_the_shortest_queue_when_every_allowed_cpu_is_busy() {
        var ctx = new FakeSchedulerContext(3, 2);
        var rr = ctx.scheduler();
        for (int c = 0; c < 3; c++) ctx.current[c] = new FakeTask(100 + c, ANY);
        rr.enqueue(new FakeTask(1, ANY), 0, ENQ_PREEMPTED);
        rr.enqueue(new FakeTask(2, ANY), 0, ENQ_PREEMPTED);
        rr.enqueue(new FakeTask(3, ANY), 1, ENQ_PREEMPTED);
        rr.enqueue(new FakeTask(4, ANY), 2, ENQ_PREEMPTED);

        assertThat(rr.selectCpu(new FakeTask(5, ANY), 0)).as("queues 2,1,1: lowest of the shortest").isEqualTo(1);
        assertThat(rr.selectCpu(new FakeTask(5, ANY), 2)).as("a tie goes to the previous CPU").isEqualTo(2);
        assertThat(rr.selectCpu(new FakeTask(5, 0b001), 2)).as("only CPU 0 allowed").isEqualTo(0);
    }

    @Test
    void select_cpu_refuses_a_task_that_may_run_nowhere() {
        var rr = new FakeSchedulerContext(2, 2).scheduler();
        assertThatThrownBy(() -> rr.selectCpu(new FakeTask(7, 0b1000), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pid 7");
    }

    @Test
    void dequeue_removes_the_task_wherever_it_is_queued() {
        var ctx = new FakeSchedulerContext(2, 2);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        var c = new FakeTask(3, ANY);
        rr.enqueue(a, 0, ENQ_WAKEUP);
        rr.enqueue(b, 0, ENQ_WAKEUP);
        rr.enqueue(c, 1, ENQ_WAKEUP);

        rr.dequeue(b);
        rr.dequeue(c);

        assertThat(rr.pickNext(0)).isSameAs(a);
        assertThat(rr.pickNext(0)).isNull();
        assertThat(rr.pickNext(1)).isNull();
    }

    @Test
    void a_task_that_exits_while_running_is_forgotten_and_its_cpu_takes_the_next() {
        // The SPI: a task exits from a CPU, never from a queue; its slice must not carry over to the next task.
        var ctx = new FakeSchedulerContext(1, 2);
        var rr = ctx.scheduler();
        var a = new FakeTask(1, ANY);
        var b = new FakeTask(2, ANY);
        rr.enqueue(a, 0, ENQ_WAKEUP);
        rr.enqueue(b, 0, ENQ_WAKEUP);
        assertThat(rr.pickNext(0)).isSameAs(a);
        rr.running(a, 0);
        rr.tick(0, a);
        rr.taskExited(a);
        assertThat(rr.pickNext(0)).isSameAs(b);
        rr.running(b, 0);
        // b starts a fresh slice: one tick is not enough to preempt it for a waiting task.
        rr.enqueue(new FakeTask(3, ANY), 0, ENQ_WAKEUP);
        assertThat(rr.tick(0, b)).isFalse();
    }
}
