package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sched.Task;
import sprocket.api.sys.Sys;

/**
 * The kernel protects itself from a broken scheduling plug-in: a callback that throws, a dispatch outside a task's
 * affinity, or a task left runnable past the watchdog gets the plug-in ejected, and the run goes on under rr.
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

    private static int workload(Sys sys, String[] argv) {
        for (int i = 0; i < 4; i++) {
            int n = i;
            sys.fork(s -> {
                if (n == 3) s.sched_setaffinity(0, 0b10);
                s.cpu().burn(400_000);
                return n;
            });
        }
        int sum = 0;
        int[] st = new int[1];
        while (sys.wait(st) > 0) sum += sprocket.api.sys.Wait.WEXITSTATUS(st[0]);
        sys.println("sum " + sum);
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
}
