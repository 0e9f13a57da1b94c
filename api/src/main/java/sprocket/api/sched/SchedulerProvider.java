package sprocket.api.sched;

import sprocket.api.spi.Provider;

/** Makes a scheduling policy; found by {@code ServiceLoader}, picked by the configuration's {@code sched} key. */
public interface SchedulerProvider extends Provider {

    /** Called once per boot, after the machine is built and before the first process exists. */
    Scheduler create(SchedulerContext context);
}
