package sprocket.api.sys;

/** sys/ipc.h, sys/sem.h and sys/msg.h values, as the SVR4 ABI has them. */
public final class IpcFlags {
    /** A key that always makes a new, private object. */
    public static final long IPC_PRIVATE = 0;
    public static final int IPC_CREAT = 01000;
    public static final int IPC_EXCL = 02000;
    public static final int IPC_NOWAIT = 04000;

    public static final int IPC_RMID = 10;
    public static final int IPC_SET = 11;
    public static final int IPC_STAT = 12;

    /** semop(2): undo this operation when the process exits. */
    public static final int SEM_UNDO = 010000;
    public static final int GETNCNT = 3;
    public static final int GETPID = 4;
    public static final int GETVAL = 5;
    public static final int GETALL = 6;
    public static final int GETZCNT = 7;
    public static final int SETVAL = 8;
    public static final int SETALL = 9;

    /** shmat(2): attach read-only; round the address down to a multiple of SHMLBA. */
    public static final int SHM_RDONLY = 010000;
    public static final int SHM_RND = 020000;
    /** The attach-address alignment SHM_RND rounds to. */
    public static final long SHMLBA = 4096;
    /** shmctl(2) IPC_STAT by index, returning the identifier, for ipcs(1). */
    public static final int SHM_STAT = 13;

    /** msgrcv(2): truncate a message longer than the buffer instead of failing with E2BIG. */
    public static final int MSG_NOERROR = 010000;

    /**
     * IPC_STAT by position rather than identifier (the first argument is an index 0, 1, 2...), returning the
     * identifier: how ipcs(1) walks the live objects, as Linux's SEM_STAT and MSG_STAT do.
     */
    public static final int SEM_STAT = 18;
    public static final int MSG_STAT = 19;

    private IpcFlags() {
    }
}
