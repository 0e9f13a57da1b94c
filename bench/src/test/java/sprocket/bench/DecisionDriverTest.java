package sprocket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;

class DecisionDriverTest {

    /** One FIFO for all CPUs that writes down every callback with what the context showed at that moment. */
    static final class Recording implements Scheduler {
        final SchedulerContext context;
        final List<String> log = new ArrayList<>();
        final ArrayDeque<Task> fifo = new ArrayDeque<>();
        boolean expire = true;
        /** When set, pickNext answers with this task whatever is queued (a broken policy). */
        Task forced;

        Recording(SchedulerContext context) {
            this.context = context;
        }

        private String cur(int cpu) {
            Task t = context.current(cpu);
            return " current=" + (t == null ? "-" : t.pid());
        }

        private static String flags(int f) {
            return f == ENQ_WAKEUP ? "WAKEUP" : f == ENQ_PREEMPTED ? "PREEMPTED" : f == ENQ_YIELD ? "YIELD" : "" + f;
        }

        @Override
        public void taskCreated(Task task) {
            log.add("taskCreated " + task.pid());
        }

        @Override
        public int selectCpu(Task task, int prevCpu) {
            log.add("selectCpu " + task.pid() + " " + prevCpu);
            return 0;
        }

        @Override
        public void enqueue(Task task, int cpu, int flags) {
            log.add("enqueue " + task.pid() + " " + cpu + " " + flags(flags) + cur(cpu));
            fifo.addLast(task);
        }

        @Override
        public void dequeue(Task task) {
            fifo.remove(task);
        }

        @Override
        public Task pickNext(int cpu) {
            log.add("pickNext " + cpu + cur(cpu));
            return forced != null ? forced : fifo.pollFirst();
        }

        @Override
        public void running(Task task, int cpu) {
            log.add("running " + task.pid() + " " + cpu + cur(cpu));
        }

        @Override
        public void stopping(Task task, int cpu, boolean runnable) {
            log.add("stopping " + task.pid() + " " + cpu + " " + runnable + cur(cpu));
        }

        @Override
        public boolean tick(int cpu, Task current) {
            log.add("tick " + cpu + " " + (current == null ? "-" : current.pid()) + cur(cpu));
            return expire && current != null;
        }
    }

    static final class RecordingProvider implements SchedulerProvider {
        Recording made;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String version() {
            return "0.1.0";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String description() {
            return "records the kernel's callbacks";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            made = new Recording(context);
            return made;
        }
    }

    private static DecisionDriver started(RecordingProvider p, int cpus, int processes) {
        DecisionDriver d = new DecisionDriver(p, new DecisionSettings(List.of(), Map.of(), 1), cpus,
                SchedDecision.CYCLES_PER_TICK, processes);
        d.start();
        return d;
    }

    @Test
    void processes_are_created_and_made_runnable_with_ENQ_WAKEUP_before_the_idle_cpus_pick() {
        // Scheduler.taskCreated: "Called once for every new process ..., before its first enqueue."
        RecordingProvider p = new RecordingProvider();
        started(p, 2, 3);
        assertThat(p.made.log).containsExactly(
                "taskCreated 2", "selectCpu 2 -1", "enqueue 2 0 WAKEUP current=-",
                "taskCreated 3", "selectCpu 3 -1", "enqueue 3 0 WAKEUP current=-",
                "taskCreated 4", "selectCpu 4 -1", "enqueue 4 0 WAKEUP current=-",
                "pickNext 0 current=-", "running 2 0 current=2",
                "pickNext 1 current=-", "running 3 1 current=3");
    }

    @Test
    void an_expired_slice_is_tick_stopping_enqueue_preempted_pickNext_running_with_the_engines_current() {
        // Scheduler.tick: "Returns true to preempt the current task: the kernel then calls stopping, enqueue with
        // ENQ_PREEMPTED, and pickNext." The engine clears the CPU's current between stopping and enqueue.
        RecordingProvider p = new RecordingProvider();
        DecisionDriver d = started(p, 2, 3);
        p.made.log.clear();
        d.turns(2);
        assertThat(p.made.log).containsExactly(
                "tick 0 2 current=2", "stopping 2 0 true current=2", "enqueue 2 0 PREEMPTED current=-",
                "pickNext 0 current=-", "running 4 0 current=4",
                "tick 1 3 current=3", "stopping 3 1 true current=3", "enqueue 3 1 PREEMPTED current=-",
                "pickNext 1 current=-", "running 2 1 current=2");
        assertThat(d.switches).isEqualTo(2 + 2);
        assertThat(d.ticks).isEqualTo(2);
    }

    @Test
    void a_tick_that_leaves_the_slice_running_calls_nothing_else_and_switches_nothing() {
        RecordingProvider p = new RecordingProvider();
        DecisionDriver d = started(p, 1, 2);
        p.made.expire = false;
        p.made.log.clear();
        long before = d.switches;
        d.turns(3);
        assertThat(p.made.log).containsExactly("tick 0 2 current=2", "tick 0 2 current=2", "tick 0 2 current=2");
        assertThat(d.switches).isEqualTo(before);
        // Three slices, the first after the 150-cycle switch, the others after each 60-cycle interrupt.
        assertThat(d.tasks()[0].runtime).isEqualTo((1_667 - 150) + 2 * (1_667 - 60));
    }

    @Test
    void runtime_and_wait_time_advance_as_the_engine_accounts_them() {
        RecordingProvider p = new RecordingProvider();
        DecisionDriver d = started(p, 1, 2);
        DecisionTask a = d.tasks()[0];
        DecisionTask b = d.tasks()[1];
        d.turns(1);
        // a ran from its dispatch (0 + 150) to the tick at 1,667; b waited from 0 to the end of the interrupt.
        assertThat(a.runtime).isEqualTo(1_667 - 150);
        assertThat(a.runnableSince).isEqualTo(1_667 + 60);
        assertThat(a.lastCpu).isZero();
        assertThat(b.waitTime).isEqualTo(1_667 + 60);
        assertThat(d.context.now[0]).isEqualTo(1_667 + 60 + 150);
        d.turns(1);
        assertThat(b.runtime).isEqualTo(2 * 1_667 - (1_667 + 60 + 150));
        assertThat(a.waitTime).isEqualTo(2 * 1_667 + 60 - (1_667 + 60));
    }

    @Test
    void a_pick_of_a_task_outside_the_policys_custody_is_refused_as_the_kernel_refuses_it() {
        RecordingProvider p = new RecordingProvider();
        DecisionDriver d = started(p, 2, 3);
        p.made.forced = d.tasks()[1]; // running on CPU 1
        assertThatThrownBy(() -> d.turns(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a runnable task in its custody");
    }

    @Test
    void rr_found_by_service_loader_switches_every_cpu_at_every_tick_and_shares_the_cpus_evenly() {
        DecisionDriver d = SchedDecision.driver("rr", 1_000);
        d.turns(80_000);
        // A slice of one tick (sched.slice=1) and 125 tasks queued a CPU: every tick ends a slice; the 8 more
        // switches are the CPUs' first dispatches.
        assertThat(d.switches - 8).isEqualTo(80_000);
        assertEvenShares(d.tasks());
    }

    @Test
    void fair_found_by_service_loader_switches_as_vruntime_grows_and_shares_the_cpus_evenly() {
        // Fair preempts at a tick only when a waiting task's vruntime is below the current one's: without the
        // runtime the driver charges, nothing would ever switch.
        DecisionDriver d = SchedDecision.driver("fair", 1_000);
        d.turns(80_000);
        assertThat(d.switches - 8).isGreaterThan(80_000 * 9 / 10);
        assertEvenShares(d.tasks());
    }

    private static void assertEvenShares(DecisionTask[] tasks) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (DecisionTask t : tasks) {
            min = Math.min(min, t.runtime);
            max = Math.max(max, t.runtime);
        }
        // 80,000 slices over 1,000 tasks: 80 each, give or take a couple.
        assertThat(min).isGreaterThan(75L * 1_500);
        assertThat(max - min).isLessThan(3L * 1_667);
    }

    @Test
    void an_unknown_policy_is_an_error_that_names_the_ones_found() {
        assertThatThrownBy(() -> SchedDecision.provider("lottery")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rr").hasMessageContaining("fair");
    }

    @Test
    void settings_reject_undeclared_keys_and_values_outside_the_declared_bounds() {
        SchedulerProvider rr = SchedDecision.provider("rr");
        assertThat(new DecisionSettings(rr.tunables(), Map.of("sched.slice", "3"), 1).getInt("sched.slice"))
                .isEqualTo(3);
        assertThatThrownBy(() -> new DecisionSettings(rr.tunables(), Map.of("sched.slice", "0"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> new DecisionSettings(rr.tunables(), Map.of("sched.slise", "1"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> new DecisionSettings(rr.tunables(), Map.of(), 1).get("kernel.hz"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
