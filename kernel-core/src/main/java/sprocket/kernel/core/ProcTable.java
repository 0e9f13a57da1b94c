package sprocket.kernel.core;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.kernel.Credentials;

/**
 * The process table, sized as Solaris sizes it (seed 004): {@code max_nprocs = 10 + 16 * maxusers}, capped by
 * MAXPID; a non-root user may hold {@code maxuprc = max_nprocs - 5} slots. pids count up and wrap at MAXPID,
 * skipping ones in use.
 */
final class ProcTable {
    private static final Logger log = LoggerFactory.getLogger(ProcTable.class);

    final int maxNprocs;
    final int maxUprc;
    final int maxPid;
    /** Live and zombie processes by pid; a TreeMap so that every walk over it is in pid order. */
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    private final Map<Integer, Integer> perUid = new TreeMap<>();
    private int nextPid = 1;
    final Stats.CounterImpl overflows;

    ProcTable(int maxusers, int maxPid, Stats stats) {
        this.maxPid = maxPid;
        this.maxNprocs = (int) Math.min((long) maxPid, 10L + 16L * maxusers);
        this.maxUprc = maxNprocs - 5;
        this.overflows = (Stats.CounterImpl) stats.counter("proc_table_overflows");
    }

    /**
     * A new slot for a process of {@code cred}, or -1 with the errno in {@code why[0]}: EAGAIN when the table is
     * full or the user holds maxuprc processes ("out of processes" as the Solaris kernel logs it).
     */
    Proc allocate(Credentials cred, int[] why) {
        if (procs.size() >= maxNprocs) {
            overflows.increment();
            log.warn("out of processes");
            why[0] = sprocket.api.Errno.EAGAIN;
            return null;
        }
        if (!cred.root() && perUid.getOrDefault(cred.uid(), 0) >= maxUprc) {
            overflows.increment();
            log.warn("out of per-user processes for uid {}", cred.uid());
            why[0] = sprocket.api.Errno.EAGAIN;
            return null;
        }
        int pid = nextPid;
        while (procs.containsKey(pid)) {
            pid = pid >= maxPid - 1 ? 1 : pid + 1;
        }
        nextPid = pid >= maxPid - 1 ? 1 : pid + 1;
        Proc p = new Proc(pid);
        p.ruid = cred.uid();
        procs.put(pid, p);
        perUid.merge(cred.uid(), 1, Integer::sum);
        return p;
    }

    /** The slot's real uid changed (setuid): move its per-user count. */
    void changeUid(Proc p, int from, int to) {
        perUid.merge(from, -1, Integer::sum);
        perUid.merge(to, 1, Integer::sum);
    }

    /** Frees a reaped process's slot. */
    void free(Proc p) {
        if (procs.remove(p.pid) != p) {
            throw new PanicException("freeing pid " + p.pid + " which is not in the process table");
        }
        perUid.merge(p.ruid, -1, Integer::sum);
    }

    Proc get(int pid) {
        return procs.get(pid);
    }

    /** Every process, in pid order. */
    Collection<Proc> all() {
        return procs.values();
    }

    int size() {
        return procs.size();
    }
}
