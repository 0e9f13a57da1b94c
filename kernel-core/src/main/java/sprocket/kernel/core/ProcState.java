package sprocket.kernel.core;

/** Where a process is in its life. */
enum ProcState {
    /** Ready to run, in the scheduler's custody. */
    RUNNABLE,
    /** Running on a CPU. */
    RUNNING,
    /** Asleep on a wait channel. */
    SLEEPING,
    /** Stopped by a signal until SIGCONT. */
    STOPPED,
    /** Exited, its status kept until the parent waits for it. */
    ZOMBIE
}
