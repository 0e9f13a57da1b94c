/**
 * The built-in scheduling policies: round robin ({@code rr}), System V Release 4 time-sharing and real-time
 * ({@code svr4}), cache affinity ({@code affinity}), gang scheduling of share groups ({@code gang}) and
 * weighted fair sharing ({@code fair}).
 */
module sprocket.sched {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.sched.SchedulerProvider with
            sprocket.sched.RoundRobinProvider,
            sprocket.sched.Svr4Provider,
            sprocket.sched.AffinityProvider,
            sprocket.sched.GangProvider,
            sprocket.sched.FairProvider;
}
