package sprocket.sched.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import sprocket.api.sched.SchedulerProvider;

/**
 * Each broken policy, run through the kit on the JUnit Platform as a plug-in project would run it, fails, and the
 * failure says in one sentence which policy broke which rule, where, and how to repeat the run.
 */
class BrokenPoliciesFailTheKitTest {

    static class ThrowingKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("thrower", ThrowingPolicy::new);
        }
    }

    static class AffinityIgnoringKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("anywhere", AffinityIgnoringPolicy::new);
        }
    }

    static class StarvingKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("starver", StarvingPolicy::new);
        }

        // It idles CPUs while pid 5 waits; saying so lets the starvation bound, not work conservation, catch it.
        @Override
        protected boolean workConserving() {
            return false;
        }

        // The kit's workloads are short; a tight bound catches the starvation while the others still run.
        @Override
        protected long starvationBoundTicks() {
            return 2;
        }
    }

    static class IdlingKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("idler", StarvingPolicy::new);
        }
    }

    static class NondeterministicKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("clockwatcher", NondeterministicPolicy::new);
        }
    }

    static class PhantomKit extends SchedulerTck {
        @Override
        protected SchedulerProvider provider() {
            return new TestProvider("phantom", PhantomTaskPolicy::new);
        }
    }

    private static final String CPU_BOUND = "every_process_of_a_cpu_bound_workload_runs_and_exits_normally";
    private static final String MIXED = "mixed_workloads_with_affinity_masks_keep_every_rule";
    private static final String SAME_SEED = "the_same_seed_gives_the_same_console_output_and_statistics";

    /** Runs one test of the kit against a policy and returns the failure message, failing if it passed. */
    private static String failureOf(Class<? extends SchedulerTck> kit, String test) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectMethod(kit, test)).execute()
                .testEvents().failed().list();
        assertThat(failed).as("%s.%s should fail", kit.getSimpleName(), test).hasSize(1);
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(t).isInstanceOf(AssertionError.class);
        return t.getMessage();
    }

    @Test
    void a_policy_that_throws_from_pick_next_fails_naming_the_callback_and_the_exception() {
        assertThat(failureOf(ThrowingKit.class, CPU_BOUND)).isEqualTo("policy 'thrower' threw "
                + "java.lang.IllegalStateException: run queue corrupted from pickNext(cpu 0) on 1 CPU, seed 1,"
                + " workload cpu");
    }

    @Test
    void a_policy_that_ignores_affinity_fails_naming_the_task_its_mask_and_the_cpu() {
        assertThat(failureOf(AffinityIgnoringKit.class, MIXED)).matches(
                "policy 'anywhere' dispatched pid \\d+ \\(tck(-cpu|-io)?\\) on CPU \\d outside its affinity mask"
                        + " 0x[0-9a-f]+ on \\d CPUs, seed \\d, workload mixed");
    }

    @Test
    void a_policy_that_never_picks_one_pid_fails_with_the_starvation_bound() {
        // Task: "leaves a runnable task waiting longer than a configured bound".
        assertThat(failureOf(StarvingKit.class, CPU_BOUND)).matches(
                "policy 'starver' left pid 5 \\(tck(-cpu)?\\) runnable for \\d+\\.\\d ticks on 1 CPU \\(bound 2\\),"
                        + " seed \\d, workload cpu");
    }

    @Test
    void a_policy_that_idles_a_cpu_while_work_waits_fails_work_conservation() {
        assertThat(failureOf(IdlingKit.class, CPU_BOUND)).matches(
                "policy 'idler' let CPU 0 idle \\(pickNext returned null\\) while pid 5 \\(tck(-cpu)?\\), allowed on"
                        + " it, was runnable in its custody \\(the kit was told the policy is work-conserving\\)"
                        + " on 1 CPU, seed \\d, workload cpu");
    }

    @Test
    void a_policy_that_reads_the_host_clock_fails_the_same_seed_check() {
        // Which seed first shows the difference depends on the host clock's readings, so any seed may.
        assertThat(failureOf(NondeterministicKit.class, SAME_SEED))
                .containsPattern("^policy 'clockwatcher' is not deterministic: two runs on 3 CPUs, seed \\d+, workload"
                        + " mixed (printed different output|gave different statistics); line \\d+ was ")
                .endsWith("(a policy must draw randomness only from SchedulerContext.random and never read the"
                        + " host's clock)");
    }

    @Test
    void a_policy_that_returns_a_task_it_was_never_given_fails_the_custody_check() {
        assertThat(failureOf(PhantomKit.class, CPU_BOUND)).matches("policy 'phantom' returned a task it was never"
                + " given \\(pid 999 \\(phantom\\)\\) from pickNext\\(cpu \\d\\) on \\d CPUs?, seed \\d, workload cpu");
    }

    @Test
    void the_kit_module_exports_only_its_api_package() {
        var d = SchedulerTck.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("sprocket.sched.tck");
        assertThat(d.exports()).extracting(e -> e.source()).containsExactly("sprocket.sched.tck");
        assertThat(d.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(d.provides()).isEmpty();
        assertThat(d.requires()).extracting(r -> r.name()).contains("sprocket.api", "sprocket.kernel")
                .doesNotContain("sprocket.sched");
    }
}
