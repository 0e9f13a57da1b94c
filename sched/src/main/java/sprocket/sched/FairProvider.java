package sprocket.sched;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the weighted fair-share policy (virtual runtime, as Linux CFS), configuration name {@code fair}. */
public final class FairProvider implements SchedulerProvider {

    /** Ticks a task runs at least before a tick may preempt it; also the wake-up preemption margin. */
    static final String GRANULARITY = "sched.fair.granularity";
    /** Ticks of virtual time a waking sleeper may be placed behind min_vruntime. */
    static final String SLEEPER_CREDIT = "sched.fair.sleeper_credit";
    /** Percent by which the busiest CPU's load (sum of weights) must exceed a CPU's before its tick pulls a task. */
    static final String IMBALANCE = "sched.fair.imbalance";

    private static final Logger LOG = LoggerFactory.getLogger(FairProvider.class);

    public FairProvider() {
    }

    @Override
    public String name() {
        return "fair";
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
        return "Weighted fair sharing by virtual runtime (as Linux CFS); per-CPU vruntime-ordered queues, balanced by weight each tick";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                Tunable.integer(GRANULARITY, 1, 1, 1000,
                        "minimum granularity, in clock ticks: a task runs at least this long before a tick preempts it"),
                Tunable.integer(SLEEPER_CREDIT, 1, 0, 1000,
                        "clock ticks of virtual time a waking task may be placed behind min_vruntime"),
                Tunable.integer(IMBALANCE, 0, 0, 1000,
                        "percent by which the busiest CPU's load (the sum of its tasks' weights) must exceed a CPU's"
                                + " before that CPU's tick pulls a task from it (Linux's imbalance_pct - 100); at 0,"
                                + " any difference a lighter waiting task can narrow"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        int granularity = context.settings().getInt(GRANULARITY);
        int credit = context.settings().getInt(SLEEPER_CREDIT);
        int imbalance = context.settings().getInt(IMBALANCE);
        LOG.debug("fair: {} CPUs, granularity {} ticks, sleeper credit {} ticks, imbalance {}%", context.cpus(),
                granularity, credit, imbalance);
        return new Fair(context, granularity, credit, imbalance);
    }
}
