package sprocket.api.ipc;

/** Inter-process communication, as the kernel calls it inside system calls. */
public interface Ipc {

    /** pipe(2): a read end and a write end, each held once. */
    PipeResult pipe();

    /** Live pipes (for the kernel's invariant checks: none remain once every process has exited). */
    int livePipes();

    // System V semaphores and message queues. Each call acts for the calling process (KernelServices gives its
    // credentials and pid) and returns as its system call does, with a negative errno instead of -1.

    int semget(long key, int nsems, int semflg);

    int semop(int semid, sprocket.api.sys.Sembuf[] sops);

    int semctl(int semid, int semnum, int cmd, int val);

    int semctl(int semid, int cmd, int[] values);

    int semctl(int semid, int cmd, sprocket.api.sys.SemidDs[] buf);

    int msgget(long key, int msgflg);

    int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg);

    int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg);

    int msgctl(int msqid, int cmd, sprocket.api.sys.MsqidDs[] buf);

    /**
     * The calling process is exiting: applies its SEM_UNDO adjustments (semop(2): "the adjustment is applied when
     * the process exits") and wakes whoever they let through. Called once per process, on its own coroutine.
     */
    void exit(int pid);

    /** Live System V objects, for the kernel's end-of-run check: none should remain but those nobody removed. */
    int liveObjects();
}
