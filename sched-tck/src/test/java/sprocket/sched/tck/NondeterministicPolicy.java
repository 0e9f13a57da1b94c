package sprocket.sched.tck;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** Broken: it chooses among the waiting tasks by the host's clock, so the same seed gives different runs. */
final class NondeterministicPolicy extends Fifo {
    NondeterministicPolicy(SchedulerContext context) {
        super(context);
    }

    @Override
    public Task pickNext(int cpu) {
        List<Task> allowed = new ArrayList<>();
        for (Task t : queue) {
            if (t.allowedOn(cpu)) allowed.add(t);
        }
        if (allowed.isEmpty()) return null;
        Task t = allowed.get((int) Math.floorMod(System.nanoTime() / 100, (long) allowed.size()));
        queue.remove(t);
        return t;
    }
}
