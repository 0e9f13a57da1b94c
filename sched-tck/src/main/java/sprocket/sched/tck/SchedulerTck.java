package sprocket.sched.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.ApiVersion;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/**
 * The scheduler test kit. A plug-in project's test class extends this and returns its provider:
 *
 * <pre>{@code
 * class LotteryTckTest extends SchedulerTck {
 *     protected SchedulerProvider provider() { return new LotteryProvider(); }
 * }
 * }</pre>
 *
 * Each test boots the real kernel (the r2000 machine; 1, 2, 3, 4 and 8 CPUs; seeds 1 and 2 unless overridden) with
 * the provider behind a checking decorator and runs a generated workload of CPU-bound processes (burning cycles),
 * I/O-bound ones (short bursts between nanosleeps) or a mix, about a third of them pinned by sched_setaffinity to a
 * random set of CPUs. In every run the kit checks that:
 * <ul>
 *   <li>no runnable task waits longer than {@link #starvationBoundTicks()} clock ticks;</li>
 *   <li>selectCpu and pickNext respect each task's affinity mask;</li>
 *   <li>pickNext returns only tasks in the policy's custody (enqueued, not yet picked or dequeued);</li>
 *   <li>pickNext does not return null while a queued task may run on that CPU, if {@link #workConserving()};</li>
 *   <li>no callback throws, the kernel does not eject the policy, and every process exits normally;</li>
 * </ul>
 * and that two runs with the same seed print the same console output and the same statistics. A failure names the
 * policy, the process, the CPU count, the seed and the workload, so the run can be repeated exactly.
 */
public abstract class SchedulerTck {

    /**
     * The default starvation bound: 200 clock ticks (two simulated seconds at the default {@code kernel.hz = 100}).
     * The kit's workloads keep at most about three times as many processes as CPUs runnable, so a fair policy
     * leaves none waiting more than a few dozen ticks.
     */
    public static final long DEFAULT_STARVATION_BOUND_TICKS = 200;

    /** Subclasses are JUnit test classes; JUnit makes them. */
    protected SchedulerTck() {
    }

    /** The provider under test; called once per kernel boot, so it should return a fresh instance. */
    protected abstract SchedulerProvider provider();

    /**
     * Whether the policy promises never to leave a CPU idle while a queued task may run there. True by default; a
     * policy that idles CPUs on purpose (gang scheduling waiting for a whole group) says false.
     */
    protected boolean workConserving() {
        return true;
    }

    /** The longest, in clock ticks, a runnable task may wait; {@link #DEFAULT_STARVATION_BOUND_TICKS} by default. */
    protected long starvationBoundTicks() {
        return DEFAULT_STARVATION_BOUND_TICKS;
    }

    /** Configuration overrides for every run, as {@code --set} takes them ({@code "sched.slice=4"}); none by default. */
    protected List<String> settings() {
        return List.of();
    }

    /** The CPU counts every workload runs on; 1, 2, 3, 4 and 8 by default. */
    protected int[] cpuCounts() {
        return new int[] {1, 2, 3, 4, 8};
    }

    /** The seeds every workload is generated from; 1 and 2 by default. */
    protected long[] seeds() {
        return new long[] {1, 2};
    }

    @Test
    public void the_provider_names_itself_and_declares_only_sched_keys() {
        SchedulerProvider p = provider();
        assertThat(p.name()).as("name()").isNotBlank().isEqualTo(p.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(ApiVersion.compatible(p.apiVersion()))
                .as("policy '%s' was built for API %s, this kernel has API %s", p.name(), p.apiVersion(),
                        ApiVersion.CURRENT)
                .isTrue();
        assertThat(p.description()).as("policy '%s' description()", p.name()).isNotBlank();
        for (Tunable t : p.tunables()) {
            assertThat(t.key()).as("policy '%s' tunable key", p.name()).startsWith("sched.");
        }
    }

    @Test
    public void every_process_of_a_cpu_bound_workload_runs_and_exits_normally() {
        runEverywhere(Workload.Kind.CPU);
    }

    @Test
    public void every_process_of_an_io_bound_workload_runs_and_exits_normally() {
        runEverywhere(Workload.Kind.IO);
    }

    @Test
    public void mixed_workloads_with_affinity_masks_keep_every_rule() {
        runEverywhere(Workload.Kind.MIXED);
    }

    @Test
    public void the_same_seed_gives_the_same_console_output_and_statistics() {
        int[] cpus = cpuCounts();
        int n = cpus[cpus.length / 2];
        for (long seed : seeds()) {
            Scenario s = new Scenario(Workload.Kind.MIXED, n, seed);
            KitRun.Outcome first = checked(s);
            KitRun.Outcome second = checked(s);
            String name = provider().name();
            String where = "on " + n + " CPUs, " + s.label();
            if (!first.console().equals(second.console())) {
                throw new AssertionError("policy '" + name + "' is not deterministic: two runs " + where
                        + " printed different output; " + Diff.firstDifference(first.console(), second.console())
                        + " (a policy must draw randomness only from SchedulerContext.random and never read the host's"
                        + " clock)");
            }
            if (!first.statsJson().equals(second.statsJson())) {
                throw new AssertionError("policy '" + name + "' is not deterministic: two runs " + where
                        + " gave different statistics; " + Diff.firstDifference(first.statsJson(), second.statsJson())
                        + " (a policy must draw randomness only from SchedulerContext.random and never read the host's"
                        + " clock)");
            }
        }
    }

    private void runEverywhere(Workload.Kind kind) {
        for (int cpus : cpuCounts()) {
            for (long seed : seeds()) {
                checked(new Scenario(kind, cpus, seed));
            }
        }
    }

    /** Runs one scenario and fails with the first thing that went wrong, most telling first. */
    private KitRun.Outcome checked(Scenario s) {
        SchedulerProvider p = provider();
        KitRun.Outcome o = KitRun.run(p, s, starvationBoundTicks(), workConserving(), settings());
        String where = " on " + s.cpus() + (s.cpus() == 1 ? " CPU, " : " CPUs, ") + s.label();
        if (o.violation() != null) throw new AssertionError(o.violation(), o.violationCause());
        if (o.crash() != null) throw new AssertionError("policy '" + p.name() + "'" + where + ": " + o.crash());
        if (o.ejections() > 0) {
            throw new AssertionError("the kernel ejected policy '" + p.name() + "'" + where
                    + " (the kernel's log says why)");
        }
        if (o.exitStatus() != 0 || !o.console().endsWith(Workload.DONE + "\n")) {
            throw new AssertionError("policy '" + p.name() + "'" + where + ": the workload did not finish normally"
                    + " (exit status " + o.exitStatus() + "); it printed:\n" + o.console());
        }
        return o;
    }
}
