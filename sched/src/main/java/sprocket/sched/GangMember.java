package sprocket.sched;

import sprocket.api.sched.Task;

/** A task as the gang policy files it: the gang (or 0, the time-sharing queue) it waits in, the gang it runs for. */
final class GangMember extends TaskTable.Entry {

    /** Share group whose queue holds it, 0 for the time-sharing queue, -1 when it is not queued. */
    int filedUnder = -1;
    /** Share group it runs for, 0 when it runs as a time-sharing process, -1 when it does not run. */
    int runningIn = -1;

    GangMember(Task task) {
        super(task);
    }
}
