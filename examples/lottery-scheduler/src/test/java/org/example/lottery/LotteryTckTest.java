package org.example.lottery;

import sprocket.api.sched.SchedulerProvider;
import sprocket.sched.tck.SchedulerTck;

/** The lottery policy against Sprocket's scheduler test kit: starvation, affinity, custody, work conservation, determinism. */
class LotteryTckTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return new LotteryProvider();
    }
}
