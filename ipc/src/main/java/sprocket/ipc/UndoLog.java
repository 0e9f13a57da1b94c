package sprocket.ipc;

import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.Errno.ERANGE;
import static sprocket.api.sys.IpcFlags.SEM_UNDO;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import sprocket.api.ErrnoException;
import sprocket.api.sys.Sembuf;

/**
 * SVR4's sem_undo structures: for each process that used SEM_UNDO, its adjust-on-exit values per
 * (set identifier, semaphore), kept sorted so exit applies them in a fixed order. semop(2): "the value of
 * sem_op is subtracted from the calling process's semadj value for the specified semaphore".
 */
final class UndoLog {

    /** One process's entries: parallel arrays of (set identifier, semaphore number, adjustment), sorted. */
    static final class Entries {
        final int[] setId;
        final int[] num;
        final int[] adj;
        int count;

        Entries(int capacity) {
            setId = new int[capacity];
            num = new int[capacity];
            adj = new int[capacity];
        }

        int find(int id, int n) {
            for (int i = 0; i < count; i++) {
                if (setId[i] == id && num[i] == n) return i;
            }
            return -1;
        }

        int get(int id, int n) {
            int i = find(id, n);
            return i < 0 ? 0 : adj[i];
        }

        /** Adds {@code delta} to the entry, making it in sorted place or dropping it when it comes to 0. */
        void add(int id, int n, int delta) {
            int i = find(id, n);
            if (i >= 0) {
                adj[i] += delta;
                if (adj[i] == 0) removeAt(i);
                return;
            }
            if (delta == 0) return;
            int at = 0;
            while (at < count && (setId[at] < id || setId[at] == id && num[at] < n)) at++;
            System.arraycopy(setId, at, setId, at + 1, count - at);
            System.arraycopy(num, at, num, at + 1, count - at);
            System.arraycopy(adj, at, adj, at + 1, count - at);
            setId[at] = id;
            num[at] = n;
            adj[at] = delta;
            count++;
        }

        void removeAt(int i) {
            System.arraycopy(setId, i + 1, setId, i, count - i - 1);
            System.arraycopy(num, i + 1, num, i, count - i - 1);
            System.arraycopy(adj, i + 1, adj, i, count - i - 1);
            count--;
        }
    }

    private final int semume;
    private final int semmnu;
    private final int semaem;
    /** By pid, in the order processes first asked for SEM_UNDO. */
    private final Map<Integer, Entries> byPid = new LinkedHashMap<>();

    UndoLog(IpcLimits limits) {
        this.semume = limits.semume();
        this.semmnu = limits.semmnu();
        this.semaem = limits.semaem();
    }

    /**
     * Records the SEM_UNDO operations of a semop that was just applied, all or none; throws ERANGE when an
     * adjustment would pass SEMAEM, EINVAL past SEMUME entries for the process, ENOSPC past SEMMNU processes
     * (semop(2)).
     */
    void record(int pid, int setId, Sembuf[] sops) {
        Entries e = byPid.get(pid);
        int fresh = 0;
        for (int i = 0; i < sops.length; i++) {
            if ((sops[i].flg() & SEM_UNDO) == 0) continue;
            int n = sops[i].num();
            boolean first = true;
            long adj = e == null ? 0 : e.get(setId, n);
            for (int j = 0; j < i; j++) {
                if ((sops[j].flg() & SEM_UNDO) != 0 && sops[j].num() == n) first = false;
            }
            if (!first) continue;
            for (int j = i; j < sops.length; j++) {
                if ((sops[j].flg() & SEM_UNDO) != 0 && sops[j].num() == n) adj -= sops[j].op();
            }
            if (Math.abs(adj) > semaem) throw ErrnoException.of(ERANGE);
            if (adj != 0 && (e == null || e.find(setId, n) < 0)) fresh++;
        }
        if (e == null && fresh == 0) return;
        if (e == null && byPid.size() >= semmnu) throw ErrnoException.of(ENOSPC);
        if ((e == null ? 0 : e.count) + fresh > semume) throw ErrnoException.of(EINVAL);
        if (e == null) {
            e = new Entries(semume);
            byPid.put(pid, e);
        }
        for (Sembuf op : sops) {
            if ((op.flg() & SEM_UNDO) != 0) e.add(setId, op.num(), -op.op());
        }
        if (e.count == 0) byPid.remove(pid);
    }

    /** The process's adjustment for one semaphore (0 if none). */
    int adjustment(int pid, int setId, int num) {
        Entries e = byPid.get(pid);
        return e == null ? 0 : e.get(setId, num);
    }

    /** The process is exiting: its entries, sorted, now no longer held; null if it has none. */
    Entries take(int pid) {
        return byPid.remove(pid);
    }

    /**
     * SETVAL (one semaphore, {@code num} >= 0), SETALL and IPC_RMID ({@code num} < 0): semctl(2) says the
     * adjustments of every process for those semaphores are cleared.
     */
    void clear(int setId, int num) {
        for (Iterator<Entries> it = byPid.values().iterator(); it.hasNext(); ) {
            Entries e = it.next();
            for (int i = e.count - 1; i >= 0; i--) {
                if (e.setId[i] == setId && (num < 0 || e.num[i] == num)) e.removeAt(i);
            }
            if (e.count == 0) it.remove();
        }
    }

    /** Processes holding entries (SEMMNU counts them). */
    int processes() {
        return byPid.size();
    }
}
