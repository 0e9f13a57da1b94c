package sprocket.ipc;

import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOMEM;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.SHM_RDONLY;
import static sprocket.api.sys.IpcFlags.SHM_STAT;
import static sprocket.ipc.Permissions.ALTER;
import static sprocket.ipc.Permissions.READ;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.Segment;

/**
 * System V shared memory: shmget(2), shmctl(2) and the IPC half of shmat(2) and shmdt(2) over the segment table.
 * The memory manager holds the pages and the attachments; this holds the identifiers.
 */
final class SharedMemory {

    /** Kernel cycles for a get, an attach check or a control call: the table walk and the permission check. */
    static final long CALL_CYCLES = 40;
    /** The memory manager only charges the cycles to this CPU; system calls here do not know theirs. */
    private static final int CPU = 0;

    private final KernelServices kernel;
    private final MemoryManager memory;
    private final IpcLimits limits;
    private final IpcTable<SharedMemorySegment> table;
    /**
     * The identifier of each live segment, for attached and detached, which the kernel reports by segment. Only
     * looked up, never walked, so its order cannot show. A hash map rather than an identity map: the memory manager's
     * segments hash cheaply, while a new object's identity hash is a call into the JVM's runtime on every shmget.
     */
    private final Map<Segment, SharedMemorySegment> bySegment = new HashMap<>();

    SharedMemory(KernelServices kernel, MemoryManager memory, IpcLimits limits) {
        this.kernel = kernel;
        this.memory = memory;
        this.limits = limits;
        this.table = new IpcTable<>(limits.shmmni(), kernel.faults());
    }

    int live() {
        return table.live();
    }

    /**
     * shmget(2). As SVR4 does, the key is looked up first: an existing segment is named by any size up to its
     * own (0 included), and only a new one must lie within SHMMIN and SHMMAX.
     */
    int shmget(long key, long size, int shmflg) {
        kernel.charge(CALL_CYCLES);
        Credentials cred = kernel.credentials();
        int r = table.get(key, shmflg, cred);
        if (r >= 0) {
            // "a shared memory identifier exists for key but the size of the segment associated with it is less
            // than size and size is not equal to zero"
            if (size != 0 && size > table.lookup(r).segment.bytes()) throw ErrnoException.of(EINVAL);
            return r;
        }
        if (r != IpcTable.CREATE) return r;
        // "size is less than the system-imposed minimum or greater than the system-imposed maximum"
        if (size < limits.shmmin() || size > limits.shmmax()) throw ErrnoException.of(EINVAL);
        Segment segment = memory.createSegment(CPU, size); // ENOMEM when memory is short
        int slot = table.freeSlot();
        var shm = new SharedMemorySegment(key, shmflg, cred, slot, table.seq(slot), table.size(), segment,
                kernel.pid(), kernel.timeOfDayCycles());
        table.add(shm);
        bySegment.put(segment, shm);
        return shm.id;
    }

    /**
     * shmat(2)'s check: read permission for SHM_RDONLY, else read and write. A removed segment's identifier names
     * nothing any more (SVR4 frees the slot at IPC_RMID), so it fails with EINVAL like any unknown one.
     */
    Segment shmat(int shmid, int shmflg) {
        kernel.charge(CALL_CYCLES);
        SharedMemorySegment shm = table.lookup(shmid);
        if (shm == null) throw ErrnoException.of(EINVAL);
        int want = (shmflg & SHM_RDONLY) != 0 ? READ : READ | ALTER;
        Permissions.access(shm, want, kernel.credentials());
        return shm.segment;
    }

    /** The kernel attached it: shm_lpid and shm_atime. A segment removed meanwhile keeps no record. */
    void attached(Segment segment) {
        SharedMemorySegment shm = bySegment.get(segment);
        if (shm == null) return;
        shm.lpid = kernel.pid();
        shm.atime = kernel.timeOfDayCycles();
    }

    /**
     * The kernel detached it: shm_lpid and shm_dtime. A removed segment's pages are the memory manager's to free
     * when its last attachment goes: {@link MemoryManager#removeSegment} was told at IPC_RMID.
     */
    void detached(Segment segment) {
        SharedMemorySegment shm = bySegment.get(segment);
        if (shm == null) return;
        shm.lpid = kernel.pid();
        shm.dtime = kernel.timeOfDayCycles();
    }

    /** shmctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from it), IPC_RMID, and SHM_STAT (shmid is an index). */
    int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        kernel.charge(CALL_CYCLES);
        Credentials cred = kernel.credentials();
        if (cmd == SHM_STAT) {
            SharedMemorySegment shm = table.byIndex(shmid);
            if (shm == null) throw ErrnoException.of(EINVAL);
            stat(shm, buf, cred);
            return shm.id;
        }
        SharedMemorySegment shm = table.lookup(shmid);
        if (shm == null) throw ErrnoException.of(EINVAL);
        switch (cmd) {
            case IPC_STAT:
                return stat(shm, buf, cred);
            case IPC_SET: {
                Permissions.owner(shm, cred);
                if (buf == null || buf.length == 0 || buf[0] == null || buf[0].perm() == null) throw ErrnoException.of(EFAULT);
                shm.set(buf[0].perm(), kernel.timeOfDayCycles());
                return 0;
            }
            case IPC_RMID: {
                Permissions.owner(shm, cred);
                remove(shm);
                return 0;
            }
            default:
                throw ErrnoException.of(EINVAL);
        }
    }

    private int stat(SharedMemorySegment shm, ShmidDs[] buf, Credentials cred) {
        Permissions.access(shm, READ, cred);
        if (buf == null || buf.length == 0) throw ErrnoException.of(EFAULT);
        buf[0] = shm.stat(kernel.clockHz());
        return 0;
    }

    /** The system is going down: every segment goes, as IPC_RMID takes it. Returns how many there were. */
    int removeAll() {
        List<SharedMemorySegment> all = table.all();
        for (SharedMemorySegment shm : all) remove(shm);
        return all.size();
    }

    /**
     * IPC_RMID: shmctl(2), "remove the shared memory identifier ... and destroy the shared memory segment and data
     * structure associated with it". The identifier goes now, so no new shmat finds it; the memory manager frees
     * the pages once no address space holds them.
     */
    private void remove(SharedMemorySegment shm) {
        table.remove(shm);
        bySegment.remove(shm.segment);
        memory.removeSegment(CPU, shm.segment);
    }
}
