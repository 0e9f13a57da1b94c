package sprocket.sched.tck;

import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** Broken: pickNext hands out the head of the queue whatever CPU asks. */
final class AffinityIgnoringPolicy extends Fifo {
    AffinityIgnoringPolicy(SchedulerContext context) {
        super(context);
    }

    @Override
    public Task pickNext(int cpu) {
        return queue.pollFirst();
    }
}
