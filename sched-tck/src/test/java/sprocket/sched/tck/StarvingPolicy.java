package sprocket.sched.tck;

import java.util.Iterator;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** Broken: it never picks pid 5 (the workload's second child; pid 3 is the workload itself). */
final class StarvingPolicy extends Fifo {
    static final int VICTIM = 5;

    StarvingPolicy(SchedulerContext context) {
        super(context);
    }

    @Override
    public Task pickNext(int cpu) {
        for (Iterator<Task> it = queue.iterator(); it.hasNext();) {
            Task t = it.next();
            if (t.pid() != VICTIM && t.allowedOn(cpu)) {
                it.remove();
                return t;
            }
        }
        return null;
    }
}
