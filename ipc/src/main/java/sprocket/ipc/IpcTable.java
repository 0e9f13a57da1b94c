package sprocket.ipc;

import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.ENOENT;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.sys.IpcFlags.IPC_CREAT;
import static sprocket.api.sys.IpcFlags.IPC_EXCL;
import static sprocket.api.sys.IpcFlags.IPC_PRIVATE;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.spi.Faults;

/**
 * One fixed-size table of IPC objects (SVR4's sema[] or msgque[]), with the key lookup every get call makes
 * (SVR4's ipcget) and the slot sequence numbers that make identifiers.
 */
final class IpcTable<T extends IpcObject> {

    /** {@link #get}: no object has the key and one may be made in {@link #freeSlot}. */
    static final int CREATE = Integer.MIN_VALUE;

    private final IpcObject[] slots;
    /**
     * The sequence number the next object in each slot gets. It starts at 1 so that no identifier is below the
     * table size: msgctl tells MSG_STAT (by index) from IPC_SET, which share a number, by that.
     */
    private final int[] seqs;
    private final int maxSeq;
    private int live;
    /** Asked before an object is made: fault injection's IPC site. */
    private final Faults faults;

    IpcTable(int size, Faults faults) {
        this.faults = faults;
        this.slots = new IpcObject[size];
        this.seqs = new int[size];
        java.util.Arrays.fill(seqs, 1);
        this.maxSeq = (Integer.MAX_VALUE - (size - 1)) / size;
    }

    int size() {
        return slots.length;
    }

    int live() {
        return live;
    }

    /** The live object with identifier {@code id}, or null (EINVAL, or EIDRM to a sleeper). */
    @SuppressWarnings("unchecked")
    T lookup(int id) {
        if (id < 0) return null;
        IpcObject o = slots[id % slots.length];
        return o != null && o.id == id ? (T) o : null;
    }

    /**
     * SVR4's ipcget: the identifier of the live object for {@code key}, or {@link #CREATE}. Throws EEXIST for
     * IPC_CREAT|IPC_EXCL, EACCES, ENOENT without IPC_CREAT, ENOSPC when the table is full (or fault injection says so).
     */
    int get(long key, int flags, Credentials cred) {
        if (key != IPC_PRIVATE) {
            for (IpcObject o : slots) {
                if (o == null || o.key != key) continue;
                if ((flags & (IPC_CREAT | IPC_EXCL)) == (IPC_CREAT | IPC_EXCL)) throw ErrnoException.of(EEXIST);
                Permissions.requested(o, flags, cred);
                return o.id;
            }
            if ((flags & IPC_CREAT) == 0) throw ErrnoException.of(ENOENT);
        }
        if (freeSlot() < 0 || faults.shouldFail(Faults.IPC)) throw ErrnoException.of(ENOSPC);
        return CREATE;
    }

    /** The lowest empty slot, or -1. */
    int freeSlot() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) return i;
        }
        return -1;
    }

    /** The sequence number an object made now in {@code slot} gets. */
    int seq(int slot) {
        return seqs[slot];
    }

    void add(T o) {
        if (slots[o.slot] != null) throw new IllegalStateException("slot " + o.slot + " is taken");
        slots[o.slot] = o;
        live++;
    }

    /** IPC_RMID: frees the slot and moves its sequence on, so the old identifier now names nothing. */
    void remove(T o) {
        slots[o.slot] = null;
        seqs[o.slot] = o.seq >= maxSeq ? 1 : o.seq + 1;
        o.removed = true;
        live--;
    }

    /** Every live object, in slot order. */
    @SuppressWarnings("unchecked")
    List<T> all() {
        List<T> out = new ArrayList<>(live);
        for (IpcObject o : slots) {
            if (o != null) out.add((T) o);
        }
        return out;
    }

    /** SEM_STAT and MSG_STAT: the {@code index}-th live object in slot order, or null past the end. */
    @SuppressWarnings("unchecked")
    T byIndex(int index) {
        if (index < 0) return null;
        for (IpcObject o : slots) {
            if (o != null && index-- == 0) return (T) o;
        }
        return null;
    }
}
