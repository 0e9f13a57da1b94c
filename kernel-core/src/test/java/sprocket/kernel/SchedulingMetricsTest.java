package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.sys.Sys;

/** The per-run scheduling metrics: switches by kind, waits, and Jain's fairness over competing equal processes. */
class SchedulingMetricsTest {

    private static int equalJobs(Sys sys, String[] argv) {
        for (int i = 0; i < 3; i++) {
            sys.fork(s -> {
                s.cpu().burn(1_000_000);
                return 0;
            });
        }
        while (sys.wait(new int[1]) > 0) {
            // reap
        }
        return 0;
    }

    /** Run to completion: a task keeps its CPU until it blocks or exits. */
    private static Catalog runToCompletion() {
        return Sim.CATALOG.withProvider(Slot.SCHED, new SchedulerProvider() {
            @Override
            public String name() {
                return "fcfs";
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
                return "first come, first served, never preempts";
            }

            @Override
            public Scheduler create(SchedulerContext ctx) {
                return new SchedulerEjectionTest.Fifo(ctx) {
                    @Override
                    public boolean tick(int cpu, sprocket.api.sched.Task current) {
                        return false;
                    }
                };
            }
        });
    }

    @Test
    void equal_processes_under_round_robin_get_equal_shares_and_are_preempted_involuntarily() {
        var o = Sim.with("hw.cpus=1").program("jobs", SchedulingMetricsTest::equalJobs).run("jobs");
        assertThat((Double) o.stats().get("jain_fairness")).isGreaterThan(0.99);
        assertThat((Long) o.stats().get("involuntary_switches")).isPositive();
        assertThat((Double) o.stats().get("cpu_utilisation")).isGreaterThan(0.99);
    }

    @Test
    void equal_processes_run_to_completion_one_after_another_are_measured_as_unfair() {
        var o = Sim.with("hw.cpus=1", "sched=fcfs").catalog(runToCompletion())
                .program("jobs", SchedulingMetricsTest::equalJobs).run("jobs");
        // Turnarounds of about 1, 2 and 3 job lengths: shares 1, 1/2, 1/3, Jain's index about 0.82.
        assertThat((Double) o.stats().get("jain_fairness")).isBetween(0.75, 0.9);
        assertThat((Long) o.stats().get("involuntary_switches")).isZero();
    }

    @Test
    void every_exited_process_has_a_row_with_its_wait_and_turnaround() {
        var o = Sim.with("hw.cpus=2").program("jobs", SchedulingMetricsTest::equalJobs).run("jobs");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) o.stats().get("processes");
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> {
            long turnaround = (Long) r.get("turnaround_cycles");
            assertThat(turnaround).isGreaterThanOrEqualTo((Long) r.get("run_cycles") + (Long) r.get("wait_cycles"));
        });
    }
}
