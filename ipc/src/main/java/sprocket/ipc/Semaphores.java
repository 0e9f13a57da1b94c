package sprocket.ipc;

import static sprocket.api.Errno.E2BIG;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.EFBIG;
import static sprocket.api.Errno.EIDRM;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.Errno.ERANGE;
import static sprocket.api.sys.IpcFlags.GETALL;
import static sprocket.api.sys.IpcFlags.GETNCNT;
import static sprocket.api.sys.IpcFlags.GETPID;
import static sprocket.api.sys.IpcFlags.GETVAL;
import static sprocket.api.sys.IpcFlags.GETZCNT;
import static sprocket.api.sys.IpcFlags.IPC_NOWAIT;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.SEM_STAT;
import static sprocket.api.sys.IpcFlags.SETALL;
import static sprocket.api.sys.IpcFlags.SETVAL;
import static sprocket.ipc.Permissions.ALTER;
import static sprocket.ipc.Permissions.READ;

import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;

/** System V semaphores: semget(2), semop(2), semctl(2) over the set table, and SEM_UNDO at exit. */
final class Semaphores {

    /** Kernel cycles for a get or a control call: the table walk and the permission check. */
    static final long CALL_CYCLES = 40;
    /** Kernel cycles per semop operation tried (a test, an add, maybe an undo entry). */
    static final long OP_CYCLES = 12;

    private final KernelServices kernel;
    private final IpcLimits limits;
    private final IpcTable<SemaphoreSet> table;
    private final UndoLog undo;
    /** Semaphores in all live sets, against SEMMNS. */
    private int semaphores;

    Semaphores(KernelServices kernel, IpcLimits limits) {
        this.kernel = kernel;
        this.limits = limits;
        this.table = new IpcTable<>(limits.semmni(), kernel.faults());
        this.undo = new UndoLog(limits);
    }

    int live() {
        return table.live();
    }

    /** semget(2). */
    int semget(long key, int nsems, int semflg) {
        kernel.charge(CALL_CYCLES);
        // semget(2): EINVAL, "nsems is either less than or equal to zero or greater than the system-imposed
        // limit"; 0 is how a process names an existing set without knowing its size.
        if (nsems < 0 || nsems > limits.semmsl()) throw ErrnoException.of(EINVAL);
        Credentials cred = kernel.credentials();
        int r = table.get(key, semflg, cred);
        if (r >= 0) {
            // "a semaphore identifier exists for key but the number of semaphores in the set ... is less than nsems"
            if (nsems > table.lookup(r).nsems) throw ErrnoException.of(EINVAL);
            return r;
        }
        if (r != IpcTable.CREATE) return r;
        if (nsems == 0) throw ErrnoException.of(EINVAL);
        if (semaphores + nsems > limits.semmns()) throw ErrnoException.of(ENOSPC);
        int slot = table.freeSlot();
        var set = new SemaphoreSet(key, semflg, cred, slot, table.seq(slot), table.size(), nsems, kernel.timeOfDayCycles());
        table.add(set);
        semaphores += nsems;
        return set.id;
    }

    /** semop(2): every operation of {@code sops} or none, sleeping (interruptibly) while one cannot be done. */
    int semop(int semid, Sembuf[] sops) {
        if (sops == null) throw ErrnoException.of(EFAULT);
        if (sops.length > limits.semopm()) throw ErrnoException.of(E2BIG);
        if (sops.length == 0) throw ErrnoException.of(EINVAL);
        SemaphoreSet set = table.lookup(semid);
        if (set == null) throw ErrnoException.of(EINVAL);
        Credentials cred = kernel.credentials();
        for (Sembuf op : sops) {
            if (op == null) throw ErrnoException.of(EFAULT);
            // Waiting for zero only reads the semaphore; any other operation alters it.
            Permissions.access(set, op.op() != 0 ? ALTER : READ, cred);
            if (op.num() < 0 || op.num() >= set.nsems) throw ErrnoException.of(EFBIG);
        }
        int pid = kernel.pid();
        for (;;) {
            kernel.charge(OP_CYCLES * sops.length);
            if (set.removed) throw ErrnoException.of(EIDRM);
            int verdict = set.tryApply(sops, limits.semvmx());
            if (verdict == SemaphoreSet.APPLIED) {
                try {
                    undo.record(pid, set.id, sops);
                } catch (ErrnoException e) {
                    set.rollBack(sops, sops.length);
                    throw e;
                }
                for (Sembuf op : sops) set.sempid[op.num()] = pid;
                set.otime = kernel.timeOfDayCycles();
                for (Sembuf op : sops) set.wake(kernel, op.num(), op.op() > 0);
                return 0;
            }
            if (verdict == SemaphoreSet.OUT_OF_RANGE) throw ErrnoException.of(ERANGE);
            Sembuf blocked = sops[verdict];
            if ((blocked.flg() & IPC_NOWAIT) != 0) throw ErrnoException.of(EAGAIN);
            int num = blocked.num();
            boolean forZero = blocked.op() == 0;
            if (forZero) set.semzcnt[num]++;
            else set.semncnt[num]++;
            int error = kernel.sleep(forZero ? set.zeroChannel[num] : set.growChannel[num], true);
            if (forZero) set.semzcnt[num]--;
            else set.semncnt[num]--;
            // semop(2): "semid is removed from the system" fails the waiter with EIDRM; a signal with EINTR.
            if (set.removed) throw ErrnoException.of(EIDRM);
            if (error != 0) throw ErrnoException.of(EINTR);
        }
    }

    /** semctl(2) with an integer argument or none: GETVAL, SETVAL, GETPID, GETNCNT, GETZCNT, IPC_RMID. */
    int semctl(int semid, int semnum, int cmd, int val) {
        kernel.charge(CALL_CYCLES);
        if (cmd == SEM_STAT) throw ErrnoException.of(EFAULT); // it needs a semid_ds buffer
        SemaphoreSet set = table.lookup(semid);
        if (set == null) throw ErrnoException.of(EINVAL);
        Credentials cred = kernel.credentials();
        switch (cmd) {
            case IPC_RMID:
                return remove(set, cred);
            case GETVAL, GETPID, GETNCNT, GETZCNT, SETVAL: {
                Permissions.access(set, cmd == SETVAL ? ALTER : READ, cred);
                if (semnum < 0 || semnum >= set.nsems) throw ErrnoException.of(EINVAL);
                return switch (cmd) {
                    case GETVAL -> set.semval[semnum];
                    case GETPID -> set.sempid[semnum];
                    case GETNCNT -> set.semncnt[semnum];
                    case GETZCNT -> set.semzcnt[semnum];
                    default -> setval(set, semnum, val);
                };
            }
            case GETALL, SETALL, IPC_STAT, IPC_SET:
                throw ErrnoException.of(EFAULT); // the argument is no address of the array or buffer they need
            default:
                throw ErrnoException.of(EINVAL);
        }
    }

    /** semctl(2) GETALL and SETALL ({@code values} holds one value per semaphore), or IPC_RMID. */
    int semctl(int semid, int cmd, int[] values) {
        kernel.charge(CALL_CYCLES);
        SemaphoreSet set = table.lookup(semid);
        if (set == null) throw ErrnoException.of(EINVAL);
        Credentials cred = kernel.credentials();
        if (cmd == IPC_RMID) return remove(set, cred);
        if (cmd != GETALL && cmd != SETALL) throw ErrnoException.of(EINVAL);
        Permissions.access(set, cmd == SETALL ? ALTER : READ, cred);
        if (values == null || values.length < set.nsems) throw ErrnoException.of(EFAULT);
        if (cmd == GETALL) {
            System.arraycopy(set.semval, 0, values, 0, set.nsems);
            return 0;
        }
        // semctl(2): ERANGE, "cmd is SETVAL or SETALL and the value to which semval is to be set is greater
        // than the system-imposed maximum"; none is set then.
        for (int i = 0; i < set.nsems; i++) {
            if (values[i] < 0 || values[i] > limits.semvmx()) throw ErrnoException.of(ERANGE);
        }
        for (int i = 0; i < set.nsems; i++) {
            boolean grew = values[i] > set.semval[i];
            set.semval[i] = values[i];
            set.wake(kernel, i, grew);
        }
        undo.clear(set.id, -1);
        set.ctime = kernel.timeOfDayCycles();
        return 0;
    }

    /** semctl(2) IPC_STAT into {@code buf[0]}, IPC_SET from it, IPC_RMID, SEM_STAT (semid is an index). */
    int semctl(int semid, int cmd, SemidDs[] buf) {
        kernel.charge(CALL_CYCLES);
        Credentials cred = kernel.credentials();
        if (cmd == SEM_STAT) {
            SemaphoreSet set = table.byIndex(semid);
            if (set == null) throw ErrnoException.of(EINVAL);
            stat(set, buf, cred);
            return set.id;
        }
        SemaphoreSet set = table.lookup(semid);
        if (set == null) throw ErrnoException.of(EINVAL);
        switch (cmd) {
            case IPC_STAT:
                return stat(set, buf, cred);
            case IPC_SET: {
                Permissions.owner(set, cred);
                if (buf == null || buf.length == 0 || buf[0] == null || buf[0].perm() == null) throw ErrnoException.of(EFAULT);
                set.set(buf[0].perm(), kernel.timeOfDayCycles());
                return 0;
            }
            case IPC_RMID:
                return remove(set, cred);
            default:
                throw ErrnoException.of(EINVAL);
        }
    }

    /**
     * exit(2) for semaphores: semop(2) "the adjustment is applied when the process exits". Each value is
     * clamped to 0..SEMVMX as SVR4 clamps it, and whoever that lets through is woken.
     */
    void exit(int pid) {
        UndoLog.Entries e = undo.take(pid);
        if (e == null) return;
        kernel.charge(OP_CYCLES * e.count);
        for (int i = 0; i < e.count; i++) {
            SemaphoreSet set = table.lookup(e.setId[i]);
            if (set == null) continue;
            int n = e.num[i];
            long v = Math.max(0, Math.min(limits.semvmx(), (long) set.semval[n] + e.adj[i]));
            boolean grew = v > set.semval[n];
            set.semval[n] = (int) v;
            set.sempid[n] = pid;
            set.wake(kernel, n, grew);
        }
    }

    /** The process's SEM_UNDO adjustment for one semaphore (for tests and ipcs-like reports). */
    int adjustment(int pid, int semid, int semnum) {
        return undo.adjustment(pid, semid, semnum);
    }

    private int setval(SemaphoreSet set, int semnum, int val) {
        if (val < 0 || val > limits.semvmx()) throw ErrnoException.of(ERANGE);
        boolean grew = val > set.semval[semnum];
        set.semval[semnum] = val;
        set.sempid[semnum] = kernel.pid();
        set.ctime = kernel.timeOfDayCycles();
        // semctl(2) SETVAL: "When this command is successfully executed, the semadj value corresponding to
        // the specified semaphore in all processes is cleared."
        undo.clear(set.id, semnum);
        set.wake(kernel, semnum, grew);
        return 0;
    }

    private int stat(SemaphoreSet set, SemidDs[] buf, Credentials cred) {
        Permissions.access(set, READ, cred);
        if (buf == null || buf.length == 0) throw ErrnoException.of(EFAULT);
        buf[0] = set.stat(kernel.clockHz());
        return 0;
    }

    private int remove(SemaphoreSet set, Credentials cred) {
        Permissions.owner(set, cred);
        destroy(set);
        return 0;
    }

    /** The system is going down: every set goes, as IPC_RMID takes it. Returns how many there were. */
    int removeAll() {
        List<SemaphoreSet> all = table.all();
        for (SemaphoreSet set : all) destroy(set);
        return all.size();
    }

    private void destroy(SemaphoreSet set) {
        table.remove(set);
        semaphores -= set.nsems;
        undo.clear(set.id, -1);
        set.wakeAll(kernel);
    }
}
