package sprocket.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.api.sched.Scheduler.ENQ_PREEMPTED;
import static sprocket.api.sched.Scheduler.ENQ_WAKEUP;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.sched.Task;

class Svr4Test {

    private static final long ANY = -1L;

    private FakeSchedulerContext ctx;

    private Svr4 svr4(int cpus, Map<String, Long> overrides) {
        ctx = new FakeSchedulerContext(cpus, new Svr4Provider(), overrides);
        return (Svr4) ctx.policy();
    }

    private FakeTask task(Svr4 s, int pid) {
        var t = new FakeTask(pid, ANY);
        s.taskCreated(t);
        return t;
    }

    private void run(Svr4 s, FakeTask t, int cpu) {
        ctx.current[cpu] = t;
        s.running(t, cpu);
    }

    /** Ticks until the policy preempts; returns how many ticks that took (at most {@code limit}). */
    private static int ticksUntilPreempted(Svr4 s, FakeTask t, int limit) {
        for (int i = 1; i <= limit; i++) {
            if (s.tick(0, t)) return i;
        }
        return -1;
    }

    @Test
    void a_new_time_sharing_process_starts_at_the_middle_level_with_its_quantum() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        assertThat(s.schedClass(a)).isEqualTo("TS");
        assertThat(s.globalPriority(a)).as("tsmedumdpri").isEqualTo(29);
        assertThat(s.timeLeft(a)).as("ts_quantum at level 29: 120 ms = 12 ticks").isEqualTo(12);
    }

    @Test
    void each_level_runs_its_own_quantum_before_it_expires() {
        // ts_dptbl(4): "ts_quantum: the length of the time quantum allocated to a process at this level".
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        var b = task(s, 2);
        run(s, a, 0);
        s.enqueue(b, 0, ENQ_WAKEUP);
        s.priocntl(b, "TS", -20); // b waits at level 9, below a at every level it passes through
        assertThat(s.globalPriority(b)).isEqualTo(9);

        assertThat(ticksUntilPreempted(s, a, 12)).as("level 29 gives up only at expiry if b ranks lower").isEqualTo(-1);
        assertThat(s.globalPriority(a)).as("ts_tqexp of 29").isEqualTo(19);
        assertThat(s.timeLeft(a)).as("level 19's quantum").isEqualTo(16);
        assertThat(ticksUntilPreempted(s, a, 16)).as("at 9, b is level with a: round robin").isEqualTo(16);
        assertThat(s.globalPriority(a)).isEqualTo(9);
        assertThat(ctx.counterValue("sched.quantum_expiries")).isEqualTo(2);
    }

    @Test
    void tqexp_walks_a_cpu_bound_process_down_to_level_0_where_it_stays() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        run(s, a, 0);
        int[] levels = {29, 19, 9, 0, 0};
        int[] quanta = {12, 16, 20, 20, 20};
        for (int i = 0; i < levels.length; i++) {
            assertThat(s.globalPriority(a)).isEqualTo(levels[i]);
            for (int k = 1; k < quanta[i]; k++) assertThat(s.tick(0, a)).as("nobody waits").isFalse();
            assertThat(s.timeLeft(a)).isEqualTo(1);
            assertThat(s.tick(0, a)).as("alone, it runs on past expiry").isFalse();
        }
    }

    @Test
    void slpret_raises_a_process_that_slept() {
        // ts_dptbl(4): "ts_slpret: priority of a process that is returning to user mode after sleeping".
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        run(s, a, 0);
        s.stopping(a, 0, false);
        ctx.current[0] = null;
        assertThat(s.globalPriority(a)).as("ts_slpret of 29").isEqualTo(52);
        assertThat(s.timeLeft(a)).as("level 52's quantum: 40 ms").isEqualTo(4);
        s.enqueue(a, s.selectCpu(a, 0), ENQ_WAKEUP);
        assertThat(s.pickNext(0)).isSameAs(a);
        run(s, a, 0);
        s.stopping(a, 0, false);
        assertThat(s.globalPriority(a)).as("ts_slpret of 52").isEqualTo(58);
    }

    @Test
    void a_process_preempted_with_quantum_left_resumes_first_with_what_is_left() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        var b = task(s, 2);
        s.enqueue(b, 0, ENQ_WAKEUP);
        run(s, a, 0);
        s.tick(0, a);
        s.tick(0, a);
        s.stopping(a, 0, true);
        s.enqueue(a, 0, ENQ_PREEMPTED);
        assertThat(s.timeLeft(a)).isEqualTo(10);
        assertThat(s.pickNext(0)).as("ts_preempt puts it at the front of its level").isSameAs(a);
    }

    @Test
    void a_process_whose_quantum_expired_goes_behind_its_level() {
        var s = svr4(1, Map.of(Svr4Provider.RT_QUANTUM, 3L));
        var a = task(s, 1);
        var b = task(s, 2);
        s.priocntl(a, "RT", 10);
        s.priocntl(b, "RT", 10);
        s.enqueue(b, 0, ENQ_WAKEUP);
        run(s, a, 0);
        assertThat(ticksUntilPreempted(s, a, 10)).as("the configured RT quantum").isEqualTo(3);
        s.stopping(a, 0, true);
        s.enqueue(a, 0, ENQ_PREEMPTED);
        assertThat(s.pickNext(0)).as("round robin within an RT priority").isSameAs(b);
        assertThat(s.pickNext(0)).isSameAs(a);
    }

    @Test
    void rt_quanta_default_to_rt_dptbl() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        s.priocntl(a, "RT", 0);
        assertThat(s.timeLeft(a)).as("rt_dptbl: 1000 ms at priorities 0-9").isEqualTo(100);
        s.priocntl(a, "RT", 59);
        assertThat(s.timeLeft(a)).as("100 ms at 50-59").isEqualTo(10);
    }

    @Test
    void the_lowest_real_time_priority_runs_before_the_highest_time_sharing_level() {
        var s = svr4(1, Map.of());
        var ts = task(s, 1);
        var rt = task(s, 2);
        s.priocntl(ts, "TS", 20);
        for (int i = 0; i < 3; i++) {
            run(s, ts, 0);
            s.stopping(ts, 0, false); // sleeping raises it through ts_slpret to the top
        }
        assertThat(s.globalPriority(ts)).isEqualTo(59);
        s.priocntl(rt, "RT", 0);
        assertThat(s.globalPriority(rt)).isEqualTo(60);
        ctx.current[0] = null;
        s.enqueue(ts, 0, ENQ_WAKEUP);
        s.enqueue(rt, 0, ENQ_WAKEUP);
        assertThat(s.pickNext(0)).isSameAs(rt);
        assertThat(s.pickNext(0)).isSameAs(ts);
    }

    @Test
    void a_waking_real_time_process_preempts_the_cpu_running_the_least_urgent_task() {
        var s = svr4(3, Map.of());
        var high = task(s, 1);
        var low = task(s, 2);
        var mid = task(s, 3);
        s.priocntl(high, "TS", 20);
        s.priocntl(low, "TS", -20);
        run(s, high, 0);
        run(s, low, 1);
        run(s, mid, 2);
        var rt = task(s, 4);
        s.priocntl(rt, "RT", 5);
        ctx.resched.clear();

        int cpu = s.selectCpu(rt, -1);
        assertThat(cpu).as("no CPU idles: the one it can preempt").isEqualTo(1);
        s.enqueue(rt, cpu, ENQ_WAKEUP);
        assertThat(ctx.resched).containsExactly(1);
        assertThat(ctx.counterValue("sched.priority_preemptions")).isEqualTo(1);
        assertThat(s.tick(1, low)).as("and the tick agrees").isTrue();
    }

    @Test
    void a_waking_process_does_not_preempt_tasks_of_its_own_level_or_above() {
        var s = svr4(2, Map.of());
        run(s, task(s, 1), 0);
        run(s, task(s, 2), 1);
        var c = task(s, 3);
        s.enqueue(c, s.selectCpu(c, -1), ENQ_WAKEUP);
        assertThat(ctx.resched).isEmpty();
    }

    @Test
    void priocntl_refuses_unknown_classes_and_out_of_range_priorities() {
        // priocntl(2): EINVAL "the argument ... is not a valid class" or a parameter "out of range".
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        assertRefused(s, a, "FX", 0);
        assertRefused(s, a, "ts", 0);
        assertRefused(s, a, "SYS", 0);
        assertRefused(s, a, "RT", -1);
        assertRefused(s, a, "RT", 60);
        assertRefused(s, a, "TS", 21);
        assertRefused(s, a, "TS", -21);
        assertThat(s.schedClass(a)).as("a refused request changes nothing").isEqualTo("TS");
        assertThat(s.globalPriority(a)).isEqualTo(29);

        s.priocntl(a, "RT", 59);
        assertThat(s.globalPriority(a)).isEqualTo(119);
        s.priocntl(a, "TS", -20);
        assertThat(s.schedClass(a)).isEqualTo("TS");
        assertThat(s.globalPriority(a)).as("back in TS at the middle, user priority -20").isEqualTo(9);
    }

    private static void assertRefused(Svr4 s, Task task, String schedClass, int priority) {
        assertThatThrownBy(() -> s.priocntl(task, schedClass, priority)).isInstanceOf(ErrnoException.class)
                .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void priocntl_requeues_a_waiting_task_at_its_new_priority() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        var b = task(s, 2);
        ctx.current[0] = task(s, 9);
        s.enqueue(a, 0, ENQ_WAKEUP);
        s.enqueue(b, 0, ENQ_WAKEUP);
        s.priocntl(b, "RT", 1);
        assertThat(ctx.resched).as("b now outranks the running task").containsExactly(0);
        assertThat(s.pickNext(0)).isSameAs(b);
    }

    @Test
    void nice_maps_onto_the_user_priority() {
        // ts_donice: ts_upri = -(nice * ts_maxupri) / NZERO, and ts_umdpri = ts_cpupri + ts_upri.
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        a.nice = 10;
        s.priorityChanged(a);
        assertThat(s.globalPriority(a)).isEqualTo(19);
        a.nice = 19;
        s.priorityChanged(a);
        assertThat(s.globalPriority(a)).isEqualTo(10);
        a.nice = -20;
        s.priorityChanged(a);
        assertThat(s.globalPriority(a)).isEqualTo(49);
        var born = new FakeTask(2, ANY);
        born.nice = 5;
        s.taskCreated(born);
        assertThat(s.globalPriority(born)).isEqualTo(24);
    }

    @Test
    void nice_does_not_move_a_real_time_process() {
        var s = svr4(1, Map.of());
        var a = task(s, 1);
        s.priocntl(a, "RT", 7);
        a.nice = 19;
        s.priorityChanged(a);
        assertThat(s.globalPriority(a)).isEqualTo(67);
    }

    @Test
    void ts_update_raises_a_process_that_waited_past_maxwait_to_lwait() {
        // ts_dptbl(4): "ts_lwait: new priority for a process that has waited ts_maxwait seconds".
        var s = svr4(1, Map.of(Svr4Provider.UPDATE, 5L));
        var hog = task(s, 1);
        s.priocntl(hog, "RT", 0);
        var waiter = task(s, 2);
        run(s, hog, 0);
        s.enqueue(waiter, 0, ENQ_WAKEUP);
        for (int i = 0; i < 4; i++) s.tick(0, hog);
        assertThat(s.globalPriority(waiter)).isEqualTo(29);
        s.tick(0, hog);
        assertThat(s.globalPriority(waiter)).as("ts_lwait of 29, after one pass with ts_maxwait 0").isEqualTo(52);
        assertThat(ctx.counterValue("sched.ts_lwait_boosts")).isEqualTo(1);
    }

    @Test
    void an_rt_process_is_never_aged() {
        var s = svr4(1, Map.of(Svr4Provider.UPDATE, 1L));
        var hog = task(s, 1);
        s.priocntl(hog, "RT", 9);
        var rt = task(s, 2);
        s.priocntl(rt, "RT", 3);
        run(s, hog, 0);
        s.enqueue(rt, 0, ENQ_WAKEUP);
        for (int i = 0; i < 10; i++) s.tick(0, hog);
        assertThat(s.globalPriority(rt)).isEqualTo(63);
    }

    @Test
    void pick_next_skips_a_higher_task_pinned_elsewhere() {
        var s = svr4(2, Map.of());
        var pinned = new FakeTask(1, 0b10);
        s.taskCreated(pinned);
        s.priocntl(pinned, "RT", 0);
        var any = task(s, 2);
        s.enqueue(pinned, 1, ENQ_WAKEUP);
        s.enqueue(any, 0, ENQ_WAKEUP);
        assertThat(s.pickNext(0)).isSameAs(any);
        assertThat(s.pickNext(0)).isNull();
        assertThat(s.pickNext(1)).isSameAs(pinned);
    }

    @Test
    void under_load_the_higher_class_gets_the_cpu_and_time_sharing_still_progresses() {
        var kernel = new FakeKernel(new FakeSchedulerContext(1, new Svr4Provider(), Map.of()));
        var s = (Svr4) kernel.policy;
        var a = kernel.spawn(1, ANY);
        var b = kernel.spawn(2, ANY);
        kernel.ticks(2000);
        assertThat(a.runtime + b.runtime).isEqualTo(2000 * FakeSchedulerContext.CYCLES_PER_TICK);
        assertThat((double) a.runtime / b.runtime).as("two equal CPU-bound processes share").isBetween(0.8, 1.25);
        var rt = new FakeTask(3, ANY);
        kernel.tasks.add(rt);
        s.taskCreated(rt);
        s.priocntl(rt, "RT", 0);
        kernel.wake(rt);
        assertThat(kernel.current(0)).as("the woken RT process preempted at once").isSameAs(rt);
        long before = a.runtime + b.runtime;
        kernel.ticks(500);
        assertThat(a.runtime + b.runtime).as("RT runs as long as it is runnable").isEqualTo(before);
    }
}
