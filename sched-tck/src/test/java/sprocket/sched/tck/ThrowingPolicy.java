package sprocket.sched.tck;

import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** Broken: its fifth pickNext throws. */
final class ThrowingPolicy extends Fifo {
    private int picks;

    ThrowingPolicy(SchedulerContext context) {
        super(context);
    }

    @Override
    public Task pickNext(int cpu) {
        if (++picks == 5) throw new IllegalStateException("run queue corrupted");
        return super.pickNext(cpu);
    }
}
