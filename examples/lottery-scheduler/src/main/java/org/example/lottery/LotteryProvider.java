package org.example.lottery;

import java.util.List;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Tunable;

/** Makes the lottery policy; a configuration picks it with {@code sched = lottery}. */
public final class LotteryProvider implements SchedulerProvider {

    /** The lottery quantum: a new drawing every this many clock ticks while others wait. */
    static final String QUANTUM = "sched.lottery.quantum";

    public LotteryProvider() {
    }

    @Override
    public String name() {
        return "lottery";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "Lottery scheduling (Waldspurger & Weihl): tickets from the nice weight, compensation tickets, seeded draws";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(Tunable.integer(QUANTUM, 1, 1, 100, "clock ticks between lottery drawings"));
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new Lottery(context, context.settings().getInt(QUANTUM));
    }
}
