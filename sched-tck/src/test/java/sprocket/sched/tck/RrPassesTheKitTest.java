package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/** The built-in rr policy (round robin) passes the kit third-party plug-ins are held to. */
class RrPassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return BuiltInPolicy.named("rr");
    }
}
