package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.hw.Prot;
import sprocket.api.ipc.Ipc;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.Segment;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.uio.UserCopy;

/**
 * System V semaphores, message queues and shared memory: the kernel's part is checking the caller's buffers and, for
 * shmat and shmdt, the address space; the IPC module does the rest, and its failures (ErrnoException) become -1 and
 * errno in the trap.
 */
@Singleton
final class IpcCalls {
    private final Ipc ipc;
    private final ShareGroups shares;
    private final UserCopy copy;

    @Inject
    IpcCalls(Ipc ipc, ShareGroups shares, UserCopy copy) {
        this.shares = shares;
        this.ipc = ipc;
        this.copy = copy;
    }

    int semget(Proc p, long key, int nsems, int semflg) {
        return ipc.semget(key, nsems, semflg);
    }

    int semop(Proc p, int semid, Sembuf[] sops) {
        return sops == null ? fail(p, Errno.EFAULT) : ipc.semop(semid, sops.clone());
    }

    int semctl(Proc p, int semid, int semnum, int cmd, int val) {
        return ipc.semctl(semid, semnum, cmd, val);
    }

    int semctl(Proc p, int semid, int cmd, int[] values) {
        return values == null ? fail(p, Errno.EFAULT) : ipc.semctl(semid, cmd, values);
    }

    int semctl(Proc p, int semid, int cmd, SemidDs[] buf) {
        return buf == null || buf.length == 0 ? fail(p, Errno.EFAULT) : ipc.semctl(semid, cmd, buf);
    }

    int shmget(Proc p, long key, long size, int shmflg) {
        return ipc.shmget(key, size, shmflg);
    }

    /** shmat(2): the IPC module checks permission and hands over the segment; the memory manager attaches it. */
    long shmat(Proc p, int shmid, long addr, int shmflg) {
        long at = addr;
        if (at != 0 && (shmflg & IpcFlags.SHM_RND) != 0) at -= Math.floorMod(at, IpcFlags.SHMLBA);
        // shmat(2): "EINVAL: shmaddr is not zero and not a multiple of SHMLBA, and SHM_RND is not set".
        if (at % IpcFlags.SHMLBA != 0) return fail(p, Errno.EINVAL);
        Segment segment = ipc.shmat(shmid, shmflg);
        int prot = Prot.READ | ((shmflg & IpcFlags.SHM_RDONLY) != 0 ? 0 : Prot.WRITE);
        long r;
        shares.updateBegin(p);
        try {
            r = p.space.attach(p.cpu().id, segment, at, prot);
        } finally {
            shares.updateEnd(p);
        }
        ipc.attached(segment);
        return r;
    }

    int shmdt(Proc p, long addr) {
        Segment segment;
        shares.updateBegin(p);
        try {
            // shmdt(2): "EINVAL: shmaddr is not the data segment start address of a shared memory segment".
            segment = p.space.detach(p.cpu().id, addr);
        } finally {
            shares.updateEnd(p);
        }
        ipc.detached(segment);
        return 0;
    }

    int shmctl(Proc p, int shmid, int cmd, ShmidDs[] buf) {
        return buf != null && buf.length == 0 ? fail(p, Errno.EFAULT) : ipc.shmctl(shmid, cmd, buf);
    }

    int msgget(Proc p, long key, int msgflg) {
        return ipc.msgget(key, msgflg);
    }

    /** msgsnd(2): the text is copied in once the message is queued. */
    int msgsnd(Proc p, int msqid, long mtype, byte[] text, int len, int msgflg) {
        if (text == null || len < 0 || len > text.length) return fail(p, Errno.EFAULT);
        int r = ipc.msgsnd(msqid, mtype, text, len, msgflg);
        copy.moved(len);
        return r;
    }

    /** msgrcv(2): the text received is copied out. */
    int msgrcv(Proc p, int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        if (buf == null || maxlen < 0 || maxlen > buf.length || (mtype != null && mtype.length == 0)) {
            return fail(p, Errno.EFAULT);
        }
        int n = ipc.msgrcv(msqid, mtype, buf, maxlen, msgtyp, msgflg);
        copy.moved(n);
        return n;
    }

    int msgctl(Proc p, int msqid, int cmd, MsqidDs[] buf) {
        return buf != null && buf.length == 0 ? fail(p, Errno.EFAULT) : ipc.msgctl(msqid, cmd, buf);
    }
}
