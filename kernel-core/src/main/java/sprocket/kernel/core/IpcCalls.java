package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.ipc.Ipc;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.Sembuf;

/**
 * System V semaphores and message queues: the kernel's part is entering and leaving, checking the caller's
 * buffers, and turning the IPC module's negative errno into -1 and errno.
 */
@Singleton
final class IpcCalls {
    private final SyscallFrame frame;
    private final Ipc ipc;

    @Inject
    IpcCalls(SyscallFrame frame, Ipc ipc) {
        this.frame = frame;
        this.ipc = ipc;
    }

    private interface Call {
        int run();
    }

    private int call(Call call) {
        Proc p = frame.enter(Locks.Area.IPC);
        try {
            int r = call.run();
            return r < 0 ? SyscallFrame.fail(p, -r) : r;
        } finally {
            frame.leave(p);
        }
    }

    private int fault() {
        return -Errno.EFAULT;
    }

    public int semget(long key, int nsems, int semflg) {
        return call(() -> ipc.semget(key, nsems, semflg));
    }

    public int semop(int semid, Sembuf[] sops) {
        return call(() -> sops == null ? fault() : ipc.semop(semid, sops.clone()));
    }

    public int semctl(int semid, int semnum, int cmd, int val) {
        return call(() -> ipc.semctl(semid, semnum, cmd, val));
    }

    public int semctl(int semid, int cmd, int[] values) {
        return call(() -> values == null ? fault() : ipc.semctl(semid, cmd, values));
    }

    public int semctl(int semid, int cmd, SemidDs[] buf) {
        return call(() -> buf == null || buf.length == 0 ? fault() : ipc.semctl(semid, cmd, buf));
    }

    public int msgget(long key, int msgflg) {
        return call(() -> ipc.msgget(key, msgflg));
    }

    public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        return call(() -> text == null || len < 0 || len > text.length ? fault()
                : ipc.msgsnd(msqid, mtype, text, len, msgflg));
    }

    public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        return call(() -> buf == null || maxlen < 0 || maxlen > buf.length || (mtype != null && mtype.length == 0)
                ? fault() : ipc.msgrcv(msqid, mtype, buf, maxlen, msgtyp, msgflg));
    }

    public int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        return call(() -> buf != null && buf.length == 0 ? fault() : ipc.msgctl(msqid, cmd, buf));
    }
}
