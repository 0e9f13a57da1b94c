package sprocket.sched;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the round-robin policy, configuration name {@code rr}. */
public final class RoundRobinProvider implements SchedulerProvider {

    /** The time slice in clock ticks. */
    static final String SLICE = "sched.slice";

    private static final Logger LOG = LoggerFactory.getLogger(RoundRobinProvider.class);

    public RoundRobinProvider() {
    }

    @Override
    public String name() {
        return "rr";
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
        return "Round robin with a time slice; per-CPU FIFO run queues, idle CPUs steal";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(Tunable.integer(SLICE, 2, 1, 1000, "round-robin time slice, in clock ticks"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        int slice = context.settings().getInt(SLICE);
        LOG.debug("round robin: {} CPUs, slice {} ticks", context.cpus(), slice);
        return new RoundRobin(context, slice);
    }
}
