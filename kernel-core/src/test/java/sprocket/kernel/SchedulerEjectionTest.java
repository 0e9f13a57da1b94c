package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * The kernel protects itself from a broken scheduling plug-in, a catalogue of them: a callback that throws (each
 * callback in turn), a dispatch outside a task's affinity, a policy that never dispatches or leaves a task runnable
 * past the watchdog, a callback that loops forever or allocates without bound on the host (cut off by the host
 * watchdog) gets the plug-in ejected, and the run goes on under rr. No test here looks at the host's clock: the host
 * watchdog's limits are set far below what the broken callbacks take, which is forever.
 */
class SchedulerEjectionTest {

    /** A plain global FIFO; the broken policies below override one thing each. */
    static class Fifo implements Scheduler {
        final ArrayDeque<Task> queue = new ArrayDeque<>();
        final SchedulerContext ctx;
        int picks;

        Fifo(SchedulerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public int selectCpu(Task t, int prev) {
            return Long.numberOfTrailingZeros(t.affinity());
        }

        @Override
        public void enqueue(Task t, int cpu, int flags) {
            queue.addLast(t);
        }

        @Override
        public void dequeue(Task t) {
            queue.remove(t);
        }

        @Override
        public Task pickNext(int cpu) {
            picks++;
            for (Task t : queue) {
                if (t.allowedOn(cpu)) {
                    queue.remove(t);
                    return t;
                }
            }
            return null;
        }

        @Override
        public boolean tick(int cpu, Task current) {
            return current != null && !queue.isEmpty();
        }
    }

    private static Catalog with(String name, Function<SchedulerContext, Scheduler> make) {
        return Sim.CATALOG.withProvider(Slot.SCHED, new SchedulerProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public String apiVersion() {
                return ApiVersion.CURRENT;
            }

            @Override
            public String description() {
                return "broken on purpose";
            }

            @Override
            public Scheduler create(SchedulerContext context) {
                return make.apply(context);
            }
        });
    }

    /**
     * Four children, one bound to CPU 1, one that yields, one that lowers its priority, the others' affinity changed
     * while they wait to run, and a share group.
     */
    private static int workload(Sys sys, String[] argv) {
        int[] children = new int[4];
        for (int i = 0; i < 4; i++) {
            int n = i;
            children[i] = sys.fork(s -> {
                if (n == 3) s.sched_setaffinity(0, 0b10);
                if (n == 2) s.sched_yield();
                if (n == 1) s.nice(1);
                s.cpu().burn(400_000);
                return n;
            });
        }
        for (int i = 0; i < 3; i++) sys.sched_setaffinity(children[i], 0b11);
        int member = sys.sproc((s, arg, stksize) -> {
            s.cpu().burn(100_000);
            return 0;
        }, Prctl.PR_SALL, 0);
        if (member > 0) sys.waitpid(member, new int[1], 0);
        int sum = 0;
        int[] st = new int[1];
        while (sys.wait(st) > 0) sum += Wait.WEXITSTATUS(st[0]);
        Sim.puts(sys, "sum " + sum);
        return 0;
    }

    private static Sim.Outcome run(Catalog catalog, String sched, String... more) {
        String[] settings = new String[more.length + 2];
        settings[0] = "sched=" + sched;
        settings[1] = "hw.cpus=2";
        System.arraycopy(more, 0, settings, 2, more.length);
        return Sim.with(settings).catalog(catalog).program("w", SchedulerEjectionTest::workload).run("w");
    }

    @Test
    void a_policy_whose_callback_throws_is_ejected_and_the_run_finishes_under_rr() {
        Catalog c = with("throws", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                if (picks > 5) throw new IllegalStateException("queue corrupted");
                return super.pickNext(cpu);
            }
        });
        var o = run(c, "throws");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().counters().get("sched_ejections")).isEqualTo(1);
        assertThat(o.stats().get("scheduler")).isEqualTo("rr");
    }

    @Test
    void a_policy_that_dispatches_outside_a_tasks_affinity_is_ejected() {
        Catalog c = with("noaffinity", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                picks++;
                return queue.pollFirst();
            }
        });
        var o = run(c, "noaffinity");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().counters().get("sched_ejections")).isEqualTo(1);
    }

    @Test
    void a_policy_that_leaves_a_task_waiting_past_the_watchdog_is_ejected() {
        Catalog c = with("starves", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                for (Task t : queue) {
                    if (t.allowedOn(cpu) && !t.command().equals("w")) {
                        queue.remove(t);
                        return t;
                    }
                }
                return null;
            }
        });
        var o = run(c, "starves", "kernel.sched_watchdog=200");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().counters().get("sched_ejections")).isEqualTo(1);
    }

    /** The callbacks every run makes many times; the others it may make once. */
    static final List<String> FREQUENT =
            List.of("taskCreated", "taskExited", "selectCpu", "enqueue", "pickNext", "running", "stopping", "tick");

    /** A FIFO that throws from {@code callback} once the run is under way (its fifth call, or the first of a rare one). */
    static final class ThrowsIn extends Fifo {
        final String callback;
        int calls;

        ThrowsIn(SchedulerContext ctx, String callback) {
            super(ctx);
            this.callback = callback;
        }

        void maybe(String name) {
            if (name.equals(callback) && ++calls >= (FREQUENT.contains(name) ? 5 : 1)) {
                throw new IllegalStateException(name + " is broken");
            }
        }

        @Override
        public void taskCreated(Task t) {
            maybe("taskCreated");
        }

        @Override
        public void taskExited(Task t) {
            maybe("taskExited");
        }

        @Override
        public int selectCpu(Task t, int prev) {
            maybe("selectCpu");
            return super.selectCpu(t, prev);
        }

        @Override
        public void enqueue(Task t, int cpu, int flags) {
            maybe("enqueue");
            super.enqueue(t, cpu, flags);
        }

        @Override
        public void dequeue(Task t) {
            maybe("dequeue");
            super.dequeue(t);
        }

        @Override
        public Task pickNext(int cpu) {
            maybe("pickNext");
            return super.pickNext(cpu);
        }

        @Override
        public void running(Task t, int cpu) {
            maybe("running");
        }

        @Override
        public void stopping(Task t, int cpu, boolean runnable) {
            maybe("stopping");
        }

        @Override
        public boolean tick(int cpu, Task current) {
            maybe("tick");
            return super.tick(cpu, current);
        }

        @Override
        public void yield(Task t) {
            maybe("yield");
        }

        @Override
        public void affinityChanged(Task t) {
            maybe("affinityChanged");
        }

        @Override
        public void priorityChanged(Task t) {
            maybe("priorityChanged");
        }

        @Override
        public void shareGroupChanged(int group) {
            maybe("shareGroupChanged");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"taskCreated", "taskExited", "selectCpu", "enqueue", "dequeue", "pickNext", "running",
        "stopping", "tick", "yield", "affinityChanged", "priorityChanged", "shareGroupChanged"})
    void a_policy_that_throws_from_any_callback_is_ejected_on_its_own_thread_or_the_kernels(String callback) {
        for (String isolation : List.of("none", "all")) {
            var o = run(with("throws-in-" + callback, ctx -> new ThrowsIn(ctx, callback)), "throws-in-" + callback,
                    "kernel.sched_isolation=" + isolation);
            assertThat(o.console()).as(isolation).isEqualTo("sum 6\n");
            assertThat(o.stats().counters().get("sched_ejections")).as(isolation).isEqualTo(1);
            assertThat(o.stats().get("scheduler_ejected")).as(isolation)
                    .isEqualTo("scheduler throws-in-" + callback + " ejected: " + callback
                            + " threw java.lang.IllegalStateException: " + callback + " is broken");
        }
    }

    @Test
    void a_policy_whose_creation_throws_is_ejected_before_it_starts() {
        var o = run(with("stillborn", ctx -> {
            throw new IllegalStateException("no queue");
        }), "stillborn", "kernel.sched_isolation=all");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().get("scheduler_ejected")).isEqualTo(
                "scheduler stillborn ejected: create threw java.lang.IllegalStateException: no queue");
    }

    @Test
    void a_policy_that_never_dispatches_is_ejected_by_the_watchdog() {
        var o = run(with("idle", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                return null;
            }
        }), "idle", "kernel.sched_watchdog=200");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().counters().get("sched_ejections")).isEqualTo(1);
        assertThat(o.stats().get("scheduler")).isEqualTo("rr");
    }

    @Test
    void a_callback_that_loops_forever_is_cut_off_by_the_host_watchdog() {
        // It loops until the watchdog interrupts its thread: the JVM cannot stop one that does not look.
        var o = run(with("loops", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                if (++picks > 3) {
                    while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
                }
                return super.pickNext(cpu);
            }
        }), "loops", "kernel.sched_isolation=all", "kernel.sched_host_limit=50");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat(o.stats().get("scheduler_ejected"))
                .isEqualTo("scheduler loops ejected: pickNext ran for more than 50 ms of host time");
    }

    @Test
    void a_callback_that_allocates_without_bound_is_cut_off_by_the_host_watchdog() {
        var o = run(with("hoards", ctx -> new Fifo(ctx) {
            final List<byte[]> hoard = new ArrayList<>();

            @Override
            public void enqueue(Task t, int cpu, int flags) {
                if (queue.size() > 1) {
                    while (!Thread.currentThread().isInterrupted()) hoard.add(new byte[1 << 16]);
                }
                super.enqueue(t, cpu, flags);
            }
        }), "hoards", "kernel.sched_isolation=all", "kernel.sched_host_limit=3600000", "kernel.sched_host_memory=8M");
        assertThat(o.console()).isEqualTo("sum 6\n");
        assertThat((String) o.stats().get("scheduler_ejected")).startsWith("scheduler hoards ejected: enqueue allocated ")
                .endsWith(" bytes of host memory, more than 8388608");
    }

    @Test
    void a_plugin_runs_on_a_thread_of_its_own_only_when_isolated() {
        Thread[] seen = new Thread[1];
        Catalog c = with("watched", ctx -> new Fifo(ctx) {
            @Override
            public Task pickNext(int cpu) {
                seen[0] = Thread.currentThread();
                return super.pickNext(cpu);
            }
        });
        run(c, "watched", "kernel.sched_isolation=all");
        assertThat(seen[0].getName()).isEqualTo("sprocket-sched-watched");
        run(c, "watched", "kernel.sched_isolation=none");
        assertThat(seen[0].getName()).isNotEqualTo("sprocket-sched-watched");
    }
}
