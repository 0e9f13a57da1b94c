package sprocket.kernel.proc;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.spi.Faults;
import sprocket.api.ErrnoException;
import sprocket.api.sys.Sys;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.stats.Stats;

/**
 * The process table, sized as Solaris sizes it (Mauro, "Inside Solaris: Peeling back the process layers"): {@code max_nprocs = 10 + 16 * maxusers}, capped by
 * MAXPID; a non-root user may hold {@code maxuprc = max_nprocs - 5} slots. pids count up and wrap at MAXPID,
 * skipping ones in use.
 */
public final class ProcTable {
    private static final Logger log = LoggerFactory.getLogger(ProcTable.class);

    public final int maxNprocs;
    public final int maxUprc;
    public final int maxPid;
    /** Live and zombie processes by pid; a TreeMap so that every walk over it is in pid order. */
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    private final Map<Integer, Integer> perUid = new TreeMap<>();
    private int nextPid = 1;
    private final Stats.Count overflows;
    private final Faults faults;

    public ProcTable(int maxusers, int maxPid, Stats stats, Faults faults) {
        this.maxPid = maxPid;
        this.maxNprocs = (int) Math.min((long) maxPid, 10L + 16L * maxusers);
        this.maxUprc = maxNprocs - 5;
        this.overflows = stats.counter("proc_table_overflows");
        this.faults = faults;
    }

    /**
     * A new slot for a process of {@code cred} whose code calls through {@code sys}. Throws EAGAIN when the table is
     * full or the user holds maxuprc processes ("out of processes" as the Solaris kernel logs it), or when fault
     * injection says so.
     */
    public Proc allocate(Cred cred, Sys sys) {
        if (faults.shouldFail(Faults.PROCS)) throw ErrnoException.of(Errno.EAGAIN);
        if (procs.size() >= maxNprocs) {
            overflows.increment();
            log.warn("out of processes");
            throw ErrnoException.of(Errno.EAGAIN);
        }
        if (!cred.root() && perUid.getOrDefault(cred.ruid(), 0) >= maxUprc) {
            overflows.increment();
            log.warn("out of per-user processes for uid {}", cred.ruid());
            throw ErrnoException.of(Errno.EAGAIN);
        }
        int pid = nextPid;
        while (procs.containsKey(pid)) {
            pid = pid >= maxPid - 1 ? 1 : pid + 1;
        }
        nextPid = pid >= maxPid - 1 ? 1 : pid + 1;
        Proc p = new Proc(pid, sys, cred);
        procs.put(pid, p);
        perUid.merge(cred.ruid(), 1, Integer::sum);
        return p;
    }

    /** The slot's real uid changed (setuid): move its per-user count. */
    public void changeUid(int from, int to) {
        perUid.merge(from, -1, Integer::sum);
        perUid.merge(to, 1, Integer::sum);
    }

    /** Frees a reaped process's slot. */
    public void free(Proc p) {
        if (procs.remove(p.pid) != p) {
            throw new PanicException("freeing pid " + p.pid + " which is not in the process table");
        }
        perUid.merge(p.cred.ruid(), -1, Integer::sum);
    }

    public Proc get(int pid) {
        return procs.get(pid);
    }

    /** The pid given most recently (Linux's last_pid), 0 before the first. */
    public int lastPid() {
        if (nextPid == 1 && procs.isEmpty()) return 0;
        return nextPid == 1 ? maxPid - 1 : nextPid - 1;
    }

    /** Every process, in pid order. */
    public Collection<Proc> all() {
        return procs.values();
    }

    public int size() {
        return procs.size();
    }
}
