package sprocket.fuzz.prog;

import static sprocket.api.sys.IpcFlags.GETALL;
import static sprocket.api.sys.IpcFlags.GETNCNT;
import static sprocket.api.sys.IpcFlags.GETPID;
import static sprocket.api.sys.IpcFlags.GETVAL;
import static sprocket.api.sys.IpcFlags.GETZCNT;
import static sprocket.api.sys.IpcFlags.IPC_CREAT;
import static sprocket.api.sys.IpcFlags.IPC_EXCL;
import static sprocket.api.sys.IpcFlags.IPC_NOWAIT;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.MSG_NOERROR;
import static sprocket.api.sys.IpcFlags.MSG_STAT;
import static sprocket.api.sys.IpcFlags.SEM_STAT;
import static sprocket.api.sys.IpcFlags.SEM_UNDO;
import static sprocket.api.sys.IpcFlags.SETALL;
import static sprocket.api.sys.IpcFlags.SETVAL;
import static sprocket.api.sys.IpcFlags.SHM_RDONLY;
import static sprocket.api.sys.IpcFlags.SHM_RND;
import static sprocket.api.sys.IpcFlags.SHM_STAT;

import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sys;

/** System V IPC: semaphores, shared memory and message queues, with identifiers the processes share. */
final class IpcCalls {
    private final Executor x;

    IpcCalls(Executor x) {
        this.x = x;
    }

    void run(Op op, Args a) {
        Sys sys = x.sys;
        Resources res = x.res;
        switch (op) {
            case SEMGET -> keep(res.sems, sys.semget(a.ipcKey(), a.chance(85) ? 1 + a.below(6) : a.oneOf(0, -1, 26,
                    1 << 20), getFlags(a)));
            case SEMOP -> semop(a);
            case SEMCTL -> semctl(a);
            case SHMGET -> keep(res.shms, sys.shmget(a.ipcKey(), a.chance(85) ? a.mapLength(x.page)
                    : a.oneOf(0L, -1L, 1L << 30, Long.MAX_VALUE), getFlags(a)));
            case SHMAT -> {
                long addr = a.chance(80) ? 0 : a.chance(50) ? a.mappedPage(x.page) : a.addr(1, 1, 0);
                int id = a.ipcId(res.shms);
                long at = sys.shmat(id, addr, a.flags(SHM_RDONLY, SHM_RND));
                if (at != -1) {
                    ShmidDs[] ds = new ShmidDs[1];
                    long size = sys.shmctl(id, IPC_STAT, ds) == 0 && ds[0] != null ? ds[0].segsz() : x.page;
                    res.map(at, size);
                }
            }
            case SHMDT -> {
                long addr = a.mappedPage(x.page);
                if (sys.shmdt(addr) == 0) res.unmap(addr, x.page);
            }
            case SHMCTL -> {
                int cmd = a.oneOf(IPC_STAT, IPC_SET, IPC_RMID, SHM_STAT, IPC_RMID, a.below(20), -1);
                ShmidDs[] buf = a.chance(90) ? new ShmidDs[1] : null;
                if (buf != null && cmd == IPC_SET) buf[0] = new ShmidDs(perm(a), 0, 0, 0, 0, 0, 0, 0);
                sys.shmctl(cmd == SHM_STAT ? a.below(8) : a.ipcId(res.shms), cmd, buf);
            }
            case MSGGET -> keep(res.msgs, sys.msgget(a.ipcKey(), getFlags(a)));
            case MSGSND -> {
                byte[] text = a.buffer(128);
                int len = a.chance(85) ? (text == null ? 0 : text.length) : a.len(4096);
                sys.msgsnd(a.ipcId(res.msgs), a.chance(90) ? 1 + a.below(5) : a.oneOf(0L, -1L, Long.MAX_VALUE), text,
                        len, a.chance(70) ? IPC_NOWAIT : a.flags(IPC_NOWAIT, MSG_NOERROR));
            }
            case MSGRCV -> {
                byte[] buf = a.buffer(128);
                int max = a.chance(85) ? (buf == null ? 0 : buf.length) : a.len(4096);
                long[] type = a.chance(95) ? new long[1] : null;
                sys.msgrcv(a.ipcId(res.msgs), type, buf, max, a.chance(80) ? a.below(7) - 3 : a.nextLong(),
                        a.chance(70) ? IPC_NOWAIT : a.flags(IPC_NOWAIT, MSG_NOERROR));
            }
            case MSGCTL -> {
                int cmd = a.oneOf(IPC_STAT, IPC_SET, IPC_RMID, MSG_STAT, IPC_RMID, a.below(20), -1);
                MsqidDs[] buf = a.chance(90) ? new MsqidDs[1] : null;
                if (buf != null && cmd == IPC_SET) {
                    buf[0] = new MsqidDs(perm(a), 0, a.chance(80) ? a.below(8192) : a.nextLong(), 0, 0, 0, 0, 0, 0);
                }
                sys.msgctl(cmd == MSG_STAT ? a.below(8) : a.ipcId(res.msgs), cmd, buf);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    private static void keep(java.util.List<Integer> ids, int id) {
        if (id >= 0 && !ids.contains(id)) ids.add(id);
    }

    private static int getFlags(Args a) {
        int f = a.chance(85) ? a.oneOf(0600, 0666, 0400, 0644, 0) : a.mode();
        if (a.chance(75)) f |= IPC_CREAT;
        if (a.chance(10)) f |= IPC_EXCL;
        return f;
    }

    private static IpcPerm perm(Args a) {
        return new IpcPerm(0, a.id(), a.id(), 0, 0, a.mode(), 0);
    }

    private void semop(Args a) {
        int n = a.chance(90) ? 1 + a.below(3) : a.oneOf(0, 11, 100);
        Sembuf[] ops = a.chance(97) ? new Sembuf[n] : null;
        if (ops != null) {
            for (int i = 0; i < n; i++) {
                int num = a.chance(90) ? a.below(4) : a.oneOf(-1, 25, 1 << 20);
                int v = a.chance(85) ? a.below(5) - 2 : a.oneOf(Integer.MIN_VALUE, Integer.MAX_VALUE, 40_000, -40_000);
                // A decrement that would wait forever mostly does not: the process goes on.
                int flg = a.chance(70) ? IPC_NOWAIT : 0;
                if (a.chance(30)) flg |= SEM_UNDO;
                ops[i] = a.chance(98) ? new Sembuf(num, v, flg) : null;
            }
        }
        x.sys.semop(a.ipcId(x.res.sems), ops);
    }

    private void semctl(Args a) {
        Sys sys = x.sys;
        int id = a.ipcId(x.res.sems);
        switch (a.below(4)) {
            case 0 -> sys.semctl(id, a.chance(90) ? a.below(4) : a.oneOf(-1, 1 << 20),
                    a.oneOf(GETVAL, SETVAL, GETPID, GETNCNT, GETZCNT, IPC_RMID, a.below(20)),
                    a.chance(85) ? a.below(5) : a.oneOf(-1, 32_768, Integer.MAX_VALUE));
            case 1 -> {
                int[] values = a.chance(95) ? new int[a.chance(80) ? 1 + a.below(6) : 0] : null;
                if (values != null) for (int i = 0; i < values.length; i++) values[i] = a.chance(90) ? a.below(4) : -1;
                sys.semctl(id, a.oneOf(GETALL, SETALL), values);
            }
            default -> {
                int cmd = a.oneOf(IPC_STAT, IPC_SET, SEM_STAT, IPC_RMID);
                SemidDs[] buf = a.chance(90) ? new SemidDs[1] : null;
                if (buf != null && cmd == IPC_SET) buf[0] = new SemidDs(perm(a), 0, 0, 0);
                sys.semctl(cmd == SEM_STAT ? a.below(8) : id, cmd, buf);
            }
        }
    }
}
