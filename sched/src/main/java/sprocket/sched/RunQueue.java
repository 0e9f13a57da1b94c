package sprocket.sched;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import sprocket.api.sched.Task;

/** One CPU's run queue: runnable tasks in the order they became runnable (FIFO). */
final class RunQueue {

    private final ArrayDeque<Task> tasks = new ArrayDeque<>();

    void addLast(Task task) {
        tasks.addLast(task);
    }

    /** Puts {@code task} at the head: it runs next (a task preempted before its quantum ended). */
    void addFirst(Task task) {
        tasks.addFirst(task);
    }

    /** Appends the queued tasks, oldest first, to {@code out}. */
    void copyTo(List<Task> out) {
        out.addAll(tasks);
    }

    /** The oldest queued task, or null. */
    Task peekFirst() {
        return tasks.peekFirst();
    }

    int size() {
        return tasks.size();
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Removes and returns the oldest task allowed on {@code cpu}, or null when there is none. */
    Task takeFirstAllowed(int cpu) {
        Task head = tasks.peekFirst();
        if (head == null) return null;
        if (head.allowedOn(cpu)) return tasks.pollFirst();
        // The head is pinned elsewhere: look behind it, keeping everyone else's order.
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.allowedOn(cpu)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    /** Whether some queued task may run on {@code cpu}. */
    boolean hasAllowed(int cpu) {
        Task head = tasks.peekFirst();
        if (head == null) return false;
        if (head.allowedOn(cpu)) return true;
        for (Task t : tasks) {
            if (t.allowedOn(cpu)) return true;
        }
        return false;
    }

    /** Removes {@code task} (by identity); false when it is not queued here. */
    boolean remove(Task task) {
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            if (it.next() == task) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
