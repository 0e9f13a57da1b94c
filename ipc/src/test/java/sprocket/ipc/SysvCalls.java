package sprocket.ipc;

import java.util.function.IntSupplier;
import sprocket.api.ErrnoException;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.Segment;

/**
 * The System V calls of one {@link SysvIpc} as a test reads them: each returns what its system call returns, with a
 * failure's errno negated (the provider throws {@link ErrnoException}), so an assertion names the errno it expects.
 */
final class SysvCalls {

    private final SysvIpc ipc;

    SysvCalls(SysvIpc ipc) {
        this.ipc = ipc;
    }

    /** The call's value, or the negated errno it failed with. */
    static int call(IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    int semget(long key, int nsems, int semflg) {
        return call(() -> ipc.semget(key, nsems, semflg));
    }

    int semop(int semid, Sembuf[] sops) {
        return call(() -> ipc.semop(semid, sops));
    }

    int semctl(int semid, int semnum, int cmd, int val) {
        return call(() -> ipc.semctl(semid, semnum, cmd, val));
    }

    int semctl(int semid, int cmd, int[] values) {
        return call(() -> ipc.semctl(semid, cmd, values));
    }

    int semctl(int semid, int cmd, SemidDs[] buf) {
        return call(() -> ipc.semctl(semid, cmd, buf));
    }

    int semadj(int pid, int semid, int semnum) {
        return ipc.semadj(pid, semid, semnum);
    }

    int msgget(long key, int msgflg) {
        return call(() -> ipc.msgget(key, msgflg));
    }

    int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        return call(() -> ipc.msgsnd(msqid, mtype, text, len, msgflg));
    }

    int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        return call(() -> ipc.msgrcv(msqid, mtype, buf, maxlen, msgtyp, msgflg));
    }

    int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        return call(() -> ipc.msgctl(msqid, cmd, buf));
    }

    int shmget(long key, long size, int shmflg) {
        return call(() -> ipc.shmget(key, size, shmflg));
    }

    /** shmat's IPC half: the segment (a failure throws, as the provider does). */
    Segment shmat(int shmid, int shmflg) {
        return ipc.shmat(shmid, shmflg);
    }

    void attached(Segment segment) {
        ipc.attached(segment);
    }

    void detached(Segment segment) {
        ipc.detached(segment);
    }

    int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        return call(() -> ipc.shmctl(shmid, cmd, buf));
    }

    void exit(int pid) {
        ipc.exit(pid);
    }

    int liveObjects() {
        return ipc.liveObjects();
    }

    int shutdown() {
        return ipc.shutdown();
    }
}
