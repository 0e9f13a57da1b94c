package sprocket.sched;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the System V Release 4 policy (TS class from ts_dptbl, RT class above it), configuration name {@code svr4}. */
public final class Svr4Provider implements SchedulerProvider {

    /** Ticks between ts_update passes; ts_maxwait counts these passes. */
    static final String UPDATE = "sched.svr4.update";
    /** A real-time quantum for every RT priority, in ticks; 0 takes rt_dptbl's per-priority default. */
    static final String RT_QUANTUM = "sched.svr4.rt_quantum";

    private static final Logger LOG = LoggerFactory.getLogger(Svr4Provider.class);

    public Svr4Provider() {
    }

    @Override
    public String name() {
        return "svr4";
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
        return "System V Release 4: time-sharing class driven by ts_dptbl, real-time class above it; priocntl TS/RT";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                Tunable.integer(UPDATE, 100, 1, 1_000_000,
                        "clock ticks between ts_update passes that age waiting TS processes (SVR4: one second)"),
                Tunable.integer(RT_QUANTUM, 0, 0, 1_000_000,
                        "real-time quantum in clock ticks for every RT priority; 0 = rt_dptbl default per priority"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        int update = context.settings().getInt(UPDATE);
        int rtQuantum = context.settings().getInt(RT_QUANTUM);
        LOG.debug("svr4: {} CPUs, ts_update every {} ticks, RT quantum {}", context.cpus(), update, rtQuantum);
        return new Svr4(context, update, rtQuantum);
    }
}
