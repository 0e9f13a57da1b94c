package sprocket.kernel.engine;

/** Where a thread is in its life. */
public enum ThreadState {
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
