package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/** The built-in fair policy (weighted fair sharing) passes the kit third-party plug-ins are held to. */
class FairPassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return BuiltInPolicy.named("fair");
    }
}
