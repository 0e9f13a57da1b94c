package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.ipc.Ipc;
import sprocket.api.hw.Prot;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.Segment;

/**
 * System V semaphores and message queues: the kernel's part is entering and leaving, checking the caller's
 * buffers, and turning the IPC module's negative errno into -1 and errno.
 */
@Singleton
final class IpcCalls {
    private final SyscallFrame frame;
    private final Ipc ipc;

    private final ShareGroups shares;

    @Inject
    IpcCalls(SyscallFrame frame, Ipc ipc, ShareGroups shares) {
        this.frame = frame;
        this.shares = shares;
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

    public int shmget(long key, long size, int shmflg) {
        return call(() -> ipc.shmget(key, size, shmflg));
    }

    /** shmat(2): the IPC module checks permission and hands over the segment; the memory manager attaches it. */
    public long shmat(int shmid, long addr, int shmflg) {
        Proc p = frame.enter(Locks.Area.IPC);
        try {
            long at = addr;
            if (at != 0 && (shmflg & IpcFlags.SHM_RND) != 0) at -= Math.floorMod(at, IpcFlags.SHMLBA);
            // shmat(2): "EINVAL: shmaddr is not zero and not a multiple of SHMLBA, and SHM_RND is not set".
            if (at % IpcFlags.SHMLBA != 0) return SyscallFrame.fail(p, Errno.EINVAL);
            int[] errno = new int[1];
            Segment segment = ipc.shmat(shmid, shmflg, errno);
            if (segment == null) return SyscallFrame.fail(p, errno[0]);
            int prot = Prot.READ | ((shmflg & IpcFlags.SHM_RDONLY) != 0 ? 0 : Prot.WRITE);
            shares.updateBegin(p);
            long r = p.space.attach(p.cpu.id, segment, at, prot);
            shares.updateEnd(p);
            if (r < 0) return SyscallFrame.fail(p, (int) -r);
            ipc.attached(segment);
            return r;
        } finally {
            frame.leave(p);
        }
    }

    public int shmdt(long addr) {
        Proc p = frame.enter(Locks.Area.IPC);
        try {
            shares.updateBegin(p);
            Segment segment = p.space.detach(p.cpu.id, addr);
            shares.updateEnd(p);
            // shmdt(2): "EINVAL: shmaddr is not the data segment start address of a shared memory segment".
            if (segment == null) return SyscallFrame.fail(p, Errno.EINVAL);
            ipc.detached(segment);
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        return call(() -> buf != null && buf.length == 0 ? fault() : ipc.shmctl(shmid, cmd, buf));
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
