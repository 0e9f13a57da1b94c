package sprocket.sched;

import sprocket.api.sched.Task;

/** A task as the fair policy accounts it (Linux's sched_entity): its virtual runtime and queue position. */
final class FairEntity extends TaskTable.Entry {

    /** Runtime in cycles scaled by 1024 / weight: a heavier task's virtual clock runs slower. */
    long vruntime;
    /** Enqueue order, to break vruntime ties first come first served. */
    long seq;
    /** The CPU whose queue holds it, or -1. */
    int queuedOn = -1;
    /** The CPU whose queue its vruntime is measured against (where it last was), or -1 before its first enqueue. */
    int home = -1;
    /** Task.runtime() when its vruntime was last brought up to date. */
    long execStart;
    /** Its weight as last taken from the task, the one its queue's load counts and its vruntime is charged at. */
    int weight;
    /** Ticks it has run since it was last picked. */
    int ranTicks;

    FairEntity(Task task) {
        super(task);
    }
}
