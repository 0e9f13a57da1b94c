package sprocket.sched;

import java.util.function.Function;
import sprocket.api.sched.Task;

/**
 * A policy's per-process data, found by pid in an array (pids are small and dense, so no map is needed on
 * the hot path). An entry remembers its task, so a pid reused by a new process gets a fresh entry.
 */
final class TaskTable<E extends TaskTable.Entry> {

    /** What every policy's per-process record holds: the task it belongs to. */
    abstract static class Entry {
        final Task task;

        Entry(Task task) {
            this.task = task;
        }
    }

    private final Function<Task, E> make;
    private Entry[] byPid = new Entry[64];

    TaskTable(Function<Task, E> make) {
        this.make = make;
    }

    /** The record of {@code task}, made on first sight (taskCreated normally comes first). */
    @SuppressWarnings("unchecked")
    E get(Task task) {
        int pid = task.pid();
        if (pid >= byPid.length) grow(pid);
        Entry e = byPid[pid];
        if (e == null || e.task != task) {
            e = make.apply(task);
            byPid[pid] = e;
        }
        return (E) e;
    }

    /** Starts a fresh record for a new process, forgetting whatever an earlier holder of its pid left. */
    E create(Task task) {
        int pid = task.pid();
        if (pid < byPid.length && byPid[pid] != null && byPid[pid].task == task) byPid[pid] = null;
        return get(task);
    }

    /** Forgets {@code task} (it exited). */
    void remove(Task task) {
        int pid = task.pid();
        if (pid < byPid.length && byPid[pid] != null && byPid[pid].task == task) byPid[pid] = null;
    }

    private void grow(int pid) {
        int n = byPid.length;
        while (n <= pid) n *= 2;
        Entry[] bigger = new Entry[n];
        System.arraycopy(byPid, 0, bigger, 0, byPid.length);
        byPid = bigger;
    }
}
