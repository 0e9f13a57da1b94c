package sprocket.sched.tck;

import java.util.ArrayDeque;
import java.util.Iterator;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.Task;

/** A trivial correct policy: one global FIFO queue, a waiting task preempts at the next tick. The broken ones extend it. */
class Fifo implements Scheduler {
    final SchedulerContext context;
    final ArrayDeque<Task> queue = new ArrayDeque<>();

    Fifo(SchedulerContext context) {
        this.context = context;
    }

    @Override
    public int selectCpu(Task task, int prevCpu) {
        for (int c = 0; c < context.cpus(); c++) {
            if (task.allowedOn(c) && context.current(c) == null) return c;
        }
        return Long.numberOfTrailingZeros(task.affinity());
    }

    @Override
    public void enqueue(Task task, int cpu, int flags) {
        queue.addLast(task);
    }

    @Override
    public void dequeue(Task task) {
        queue.remove(task);
    }

    @Override
    public Task pickNext(int cpu) {
        for (Iterator<Task> it = queue.iterator(); it.hasNext();) {
            Task t = it.next();
            if (t.allowedOn(cpu)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    @Override
    public boolean tick(int cpu, Task current) {
        if (current == null) return false;
        for (Task t : queue) {
            if (t.allowedOn(cpu)) return true;
        }
        return false;
    }
}
