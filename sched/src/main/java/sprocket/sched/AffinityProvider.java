package sprocket.sched;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the cache-affinity policy, configuration name {@code affinity}. */
public final class AffinityProvider implements SchedulerProvider {

    /** The time slice in clock ticks. */
    static final String SLICE = "sched.slice";
    /** The queue-length difference beyond which a task leaves its last CPU, or an idle CPU steals. */
    static final String IMBALANCE = "sched.affinity.imbalance";
    /** Ticks of waiting after which a task's cache is taken to be cold, so an idle CPU may take it; 0 = never. */
    static final String CACHE_HOT = "sched.affinity.cache_hot";

    private static final Logger LOG = LoggerFactory.getLogger(AffinityProvider.class);

    public AffinityProvider() {
    }

    @Override
    public String name() {
        return "affinity";
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
        return "Processor affinity: per-CPU queues, tasks return to their last CPU unless the imbalance exceeds a bound";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                Tunable.integer(SLICE, 2, 1, 1000, "time slice, in clock ticks"),
                Tunable.integer(IMBALANCE, 2, 0, 100_000,
                        "queue-length difference beyond which a waking task leaves its last CPU or an idle CPU steals"),
                Tunable.integer(CACHE_HOT, 4, 0, 1_000_000,
                        "ticks a task may wait before its cache counts as cold and an idle CPU may take it; 0 = never"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        int slice = context.settings().getInt(SLICE);
        int imbalance = context.settings().getInt(IMBALANCE);
        int cacheHot = context.settings().getInt(CACHE_HOT);
        LOG.debug("affinity: {} CPUs, slice {}, imbalance {}, cache hot {} ticks", context.cpus(), slice, imbalance,
                cacheHot);
        return new Affinity(context, slice, imbalance, cacheHot);
    }
}
