package sprocket.sched;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the gang-scheduling policy for share groups, configuration name {@code gang}. */
public final class GangProvider implements SchedulerProvider {

    /** Ticks per gang time slice, and the round-robin quantum of processes outside share groups. */
    static final String SLICE = "sched.slice";
    /** The fewest CPUs a gang runs on, or it does not run. */
    static final String MIN = "sched.gang.min";

    private static final Logger LOG = LoggerFactory.getLogger(GangProvider.class);

    public GangProvider() {
    }

    @Override
    public String name() {
        return "gang";
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
        return "Gang scheduling: a share group's members run together on several CPUs or not at all; others time-share";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                Tunable.integer(SLICE, 10, 1, 100_000,
                        "gang time slice in clock ticks; also the round-robin quantum of processes in no share group"),
                Tunable.integer(MIN, 2, 1, 64,
                        "the fewest CPUs a gang runs on at once (fewer if its members could never occupy that many)"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        int slice = context.settings().getInt(SLICE);
        int min = context.settings().getInt(MIN);
        LOG.debug("gang: {} CPUs, slice {} ticks, at least {} CPUs per gang", context.cpus(), slice, min);
        return new GangScheduler(context, slice, min);
    }
}
