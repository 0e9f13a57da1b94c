package sprocket.sched;

import sprocket.api.sched.Task;

/** Round-robin time slicing's clock: the task each CPU runs, as running() said, and the ticks of its slice used. */
final class TimeSlices {
    private final Task[] onCpu;
    private final int[] used;
    private final int slice;

    TimeSlices(int cpus, int slice) {
        this.onCpu = new Task[cpus];
        this.used = new int[cpus];
        this.slice = slice;
    }

    /** {@code task} starts a fresh slice on {@code cpu}. */
    void running(Task task, int cpu) {
        onCpu[cpu] = task;
        used[cpu] = 0;
    }

    /** {@code task} leaves {@code cpu}, if it is the one there. */
    void stopping(Task task, int cpu) {
        if (onCpu[cpu] == task) {
            onCpu[cpu] = null;
            used[cpu] = 0;
        }
    }

    /** Counts a tick of {@code current} on {@code cpu}; true when its slice is used up. */
    boolean expired(int cpu, Task current) {
        if (onCpu[cpu] != current) {
            onCpu[cpu] = current;
            used[cpu] = 0;
        }
        return ++used[cpu] >= slice;
    }

    /** An exiting task is no longer on any CPU: the SPI takes it out of custody, so no queue needs a scan. */
    void exited(Task task) {
        for (int c = 0; c < onCpu.length; c++) stopping(task, c);
    }
}
