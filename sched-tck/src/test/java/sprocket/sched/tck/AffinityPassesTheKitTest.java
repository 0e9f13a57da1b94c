package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/**
 * The built-in affinity policy passes the kit. It keeps a task on its cache-warm CPU until the imbalance exceeds
 * its bound, so a CPU may idle while a task waits for its own: it does not claim work conservation.
 */
class AffinityPassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return BuiltInPolicy.named("affinity");
    }

    @Override
    protected boolean workConserving() {
        return false;
    }
}
