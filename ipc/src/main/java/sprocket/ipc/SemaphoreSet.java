package sprocket.ipc;

import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;

/**
 * A semaphore set ({@code struct semid_ds} and its {@code struct sem}s): each semaphore's value, the pid of
 * the last process to operate on it, and how many processes wait for it to grow (semncnt) or reach zero
 * (semzcnt). As in SVR4 those sleep on one channel per semaphore and count.
 */
final class SemaphoreSet extends IpcObject {

    /** {@link #tryApply}: every operation was done. */
    static final int APPLIED = -1;
    /** {@link #tryApply}: an operation would pass SEMVMX; nothing was done. */
    static final int OUT_OF_RANGE = -2;

    final int nsems;
    final int[] semval;
    final int[] sempid;
    final int[] semncnt;
    final int[] semzcnt;
    final WaitChannel[] growChannel;
    final WaitChannel[] zeroChannel;
    /** Cycle count of the last semop. */
    long otime;

    SemaphoreSet(long key, int mode, Credentials cred, int slot, int seq, int slots, int nsems, long now) {
        super(key, mode, cred, slot, seq, slots, now);
        this.nsems = nsems;
        this.semval = new int[nsems];
        this.sempid = new int[nsems];
        this.semncnt = new int[nsems];
        this.semzcnt = new int[nsems];
        this.growChannel = new WaitChannel[nsems];
        this.zeroChannel = new WaitChannel[nsems];
        for (int i = 0; i < nsems; i++) {
            growChannel[i] = new WaitChannel("sem#" + id + "." + i + ".ncnt");
            zeroChannel[i] = new WaitChannel("sem#" + id + "." + i + ".zcnt");
        }
    }

    /**
     * semop(2)'s test-and-set of the whole array: applies the operations in order and returns
     * {@link #APPLIED}; or, at the first one that cannot be done, undoes those before it and returns its
     * index (it must wait), or {@link #OUT_OF_RANGE}. The array was checked: every semaphore number exists.
     */
    int tryApply(Sembuf[] sops, int semvmx) {
        for (int i = 0; i < sops.length; i++) {
            Sembuf op = sops[i];
            int v = semval[op.num()];
            int verdict = APPLIED;
            if (op.op() > 0) {
                if ((long) v + op.op() > semvmx) verdict = OUT_OF_RANGE;
                else semval[op.num()] = v + op.op();
            } else if (op.op() < 0) {
                if (v < -(long) op.op()) verdict = i;
                else semval[op.num()] = v + op.op();
            } else if (v != 0) {
                verdict = i;
            }
            if (verdict != APPLIED) {
                rollBack(sops, i);
                return verdict;
            }
        }
        return APPLIED;
    }

    /** Undoes the first {@code count} operations of {@code sops}, last first. */
    void rollBack(Sembuf[] sops, int count) {
        for (int i = count - 1; i >= 0; i--) {
            semval[sops[i].num()] -= sops[i].op();
        }
    }

    /** Semaphore {@code num} changed: wake who waits for it to grow or to reach zero. */
    void wake(KernelServices kernel, int num, boolean grew) {
        if (grew && semncnt[num] > 0) kernel.wakeup(growChannel[num]);
        if (semval[num] == 0 && semzcnt[num] > 0) kernel.wakeup(zeroChannel[num]);
    }

    /** IPC_RMID: every sleeper wakes, to find the set removed. */
    void wakeAll(KernelServices kernel) {
        for (int i = 0; i < nsems; i++) {
            if (semncnt[i] > 0) kernel.wakeup(growChannel[i]);
            if (semzcnt[i] > 0) kernel.wakeup(zeroChannel[i]);
        }
    }

    SemidDs stat(long hz) {
        return new SemidDs(perm(), nsems, otime / hz, ctime / hz);
    }

    @Override
    public String toString() {
        return "sem#" + id;
    }
}
