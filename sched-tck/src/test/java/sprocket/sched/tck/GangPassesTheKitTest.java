package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/**
 * The built-in gang policy passes the kit. It may leave a CPU idle on purpose (a gang runs on its minimum of CPUs
 * or not at all), so it does not claim work conservation.
 */
class GangPassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return BuiltInPolicy.named("gang");
    }

    @Override
    protected boolean workConserving() {
        return false;
    }
}
