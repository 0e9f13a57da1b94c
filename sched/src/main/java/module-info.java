/**
 * The built-in scheduling policies: round robin with a time slice ({@code sched = rr}).
 */
module sprocket.sched {
    requires transitive sprocket.api;
    requires org.slf4j;

    provides sprocket.api.sched.SchedulerProvider with sprocket.sched.RoundRobinProvider;
}
