package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/** The built-in svr4 policy (the SVR4 time-sharing and real-time classes) passes the kit third-party plug-ins are held to. */
class Svr4PassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return BuiltInPolicy.named("svr4");
    }
}
