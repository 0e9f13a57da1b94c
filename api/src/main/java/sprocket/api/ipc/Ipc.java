package sprocket.api.ipc;

/**
 * Inter-process communication, as the kernel calls it inside system calls: pipes and sockets (the objects behind
 * open files, whose entries the kernel keeps), and the System V objects.
 */
public interface Ipc {

    /** pipe(2), and the buffer of a FIFO the kernel opens: a new pipe's read end and write end. */
    PipeEnds pipe();

    /** Live pipes (for the kernel's invariant checks: none remain once every process has exited). */
    int livePipes();

    /** socket(2): a new socket (EAFNOSUPPORT, ESOCKTNOSUPPORT, EPROTONOSUPPORT). */
    SocketFile socket(int domain, int type, int protocol);

    /** socketpair(2): two new sockets connected to each other (EOPNOTSUPP outside AF_UNIX, and socket's errors). */
    SocketFile[] socketpair(int domain, int type, int protocol);

    /** Live sockets (for the kernel's invariant checks: none remain once every process has exited). */
    int liveSockets();

    // System V semaphores, message queues and shared memory. Each call acts for the calling process (KernelServices
    // gives its credentials and pid) and returns what its system call returns; a failure throws ErrnoException.

    int semget(long key, int nsems, int semflg);

    int semop(int semid, sprocket.api.sys.Sembuf[] sops);

    int semctl(int semid, int semnum, int cmd, int val);

    int semctl(int semid, int cmd, int[] values);

    int semctl(int semid, int cmd, sprocket.api.sys.SemidDs[] buf);

    int msgget(long key, int msgflg);

    int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg);

    int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg);

    int msgctl(int msqid, int cmd, sprocket.api.sys.MsqidDs[] buf);

    /** shmget(2). */
    int shmget(long key, long size, int shmflg);

    /**
     * shmat(2), the IPC side: checks permission for {@code shmflg} (SHM_RDONLY: read; else read and write) and
     * returns the segment (EINVAL, EACCES, EIDRM). The kernel then attaches it and reports back with
     * {@link #attached}.
     */
    sprocket.api.vm.Segment shmat(int shmid, int shmflg);

    /** The segment of {@code shmid} was attached (shm_lpid, shm_atime). */
    void attached(sprocket.api.vm.Segment segment);

    /** A segment was detached (shm_lpid, shm_dtime); a removed one may now go. */
    void detached(sprocket.api.vm.Segment segment);

    /** shmctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from {@code buf[0]}), IPC_RMID, SHM_STAT (by index). */
    int shmctl(int shmid, int cmd, sprocket.api.sys.ShmidDs[] buf);

    /**
     * The calling process is exiting: applies its SEM_UNDO adjustments (semop(2): "the adjustment is applied when
     * the process exits") and wakes whoever they let through. Called once per process, on its own coroutine.
     */
    void exit(int pid);

    /** Live System V objects: those made and not yet removed (IPC_RMID) or removed by {@link #shutdown}. */
    int liveObjects();

    /**
     * The system is going down, every process having exited: each System V object still there (a segment, queue or
     * set nobody removed, which lives until IPC_RMID) is removed as IPC_RMID by its owner would remove it, its memory
     * given back, so that the kernel's end-of-run checks find nothing allocated. Returns how many were removed.
     * Called once, by the kernel, at the end of a run, in no process's context.
     */
    int shutdown();
}
