/** A lottery scheduling policy for Sprocket (Waldspurger and Weihl, OSDI 1994), shipped as a plug-in jar. */
module org.example.lottery {
    requires sprocket.api;

    provides sprocket.api.sched.SchedulerProvider with org.example.lottery.LotteryProvider;
}
