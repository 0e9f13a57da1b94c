package sprocket.kernel.proc;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.spi.Faults;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.TableStatus;
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
    /**
     * What the kernel reckons a process takes of the host's heap, in bytes: a forked child that has touched no page
     * and waits (its proc structure and kernel state, address space and pmap, frozen Java stack) measured 2.6-2.8 KB
     * once the system-call path is compiled, up to 3.8 KB while it is still interpreted (docs/BENCHMARKS.md, figure
     * 4); this is the compiled figure with room for a deeper stack or a few more mappings, and the budget's quarter
     * of the heap held back covers the rest.
     */
    public static final long HOST_BYTES_PER_PROC = 3_072;
    /**
     * Processes the host heap budget (kernel.heap_budget) holds at that estimate while no page table holds any of it: a
     * count fixed by the configuration, so a run that reaches it fails the same fork every time, where a reading of the
     * live heap would not.
     */
    public final int maxByHeap;
    private final long heapBudget;
    /** The machine's page tables' host bytes (Mmu.tableBytes): a figure of the simulated state, so as repeatable. */
    private final LongSupplier tableBytes;
    /**
     * Live and zombie processes, indexed by pid (so every walk over it is in pid order), grown as pids climb: a slot
     * is one reference, where a sorted map's entry and boxed key cost 56 bytes a process.
     */
    private Proc[] procs = new Proc[64];
    private int count;
    private final Map<Integer, Integer> perUid = new TreeMap<>();
    private int nextPid = 1;
    private final Stats.Count overflows;
    /**
     * Forks refused because the table (or the heap budget that stands for its memory) was full: SVR4's
     * syserr.procovf, sar -v's "ov" beside proc-sz. A user's own limit (maxuprc) does not count here, as Mauro has it.
     */
    private long procovf;
    private final Faults faults;

    public ProcTable(int maxusers, int maxPid, long heapBudget, LongSupplier tableBytes, Stats stats, Faults faults) {
        this.maxPid = maxPid;
        this.heapBudget = heapBudget;
        this.tableBytes = tableBytes;
        this.maxByHeap = (int) Math.min(Integer.MAX_VALUE, heapBudget / HOST_BYTES_PER_PROC);
        this.maxNprocs = (int) Math.min((long) maxPid, 10L + 16L * maxusers);
        this.maxUprc = maxNprocs - 5;
        this.overflows = stats.counter("proc_table_overflows");
        this.faults = faults;
    }

    /**
     * Whether kernel.heap_budget holds {@code bytes} more beside the processes and the machine's page tables it holds
     * now: a new process asks for its proc structure, a machine for a page table it keeps in host memory.
     */
    public boolean hostRoom(long bytes) {
        return (long) count * HOST_BYTES_PER_PROC + tableBytes.getAsLong() + bytes <= heapBudget;
    }

    /**
     * A new slot for a process of {@code cred} whose code calls through {@code sys}. Throws EAGAIN when the table is
     * full ("out of processes" as the Solaris kernel logs it), the host heap budget holds no more processes beside the
     * machine's page tables, or the
     * user holds maxuprc processes, or when fault injection says so.
     */
    public Proc allocate(Cred cred, Sys sys) {
        if (faults.shouldFail(Faults.PROCS)) throw ErrnoException.of(Errno.EAGAIN);
        if (count >= maxNprocs) {
            overflows.increment();
            procovf++;
            log.warn("out of processes");
            throw ErrnoException.of(Errno.EAGAIN);
        }
        if (count >= maxByHeap || !hostRoom(HOST_BYTES_PER_PROC)) {
            // A real kernel's "cannot allocate a proc structure": the host's heap, not the table, is full.
            overflows.increment();
            procovf++;
            log.warn("cannot allocate a proc structure: kernel.heap_budget ({} bytes) holds {} processes and {} bytes"
                    + " of page tables", heapBudget, count, tableBytes.getAsLong());
            throw ErrnoException.of(Errno.EAGAIN);
        }
        if (!cred.root() && perUid.getOrDefault(cred.ruid(), 0) >= maxUprc) {
            overflows.increment();
            log.warn("out of per-user processes for uid {}", cred.ruid());
            throw ErrnoException.of(Errno.EAGAIN);
        }
        int pid = nextPid;
        while (get(pid) != null) {
            pid = pid >= maxPid - 1 ? 1 : pid + 1;
        }
        nextPid = pid >= maxPid - 1 ? 1 : pid + 1;
        Proc p = new Proc(pid, sys, cred);
        if (pid >= procs.length) procs = Arrays.copyOf(procs, (int) Math.min(maxPid, 2L * pid));
        procs[pid] = p;
        count++;
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
        if (get(p.pid) != p) {
            throw new PanicException("freeing pid " + p.pid + " which is not in the process table");
        }
        procs[p.pid] = null;
        count--;
        perUid.merge(p.cred.ruid(), -1, Integer::sum);
    }

    public Proc get(int pid) {
        return pid >= 0 && pid < procs.length ? procs[pid] : null;
    }

    /** The pid given most recently (Linux's last_pid), 0 before the first. */
    public int lastPid() {
        if (nextPid == 1 && count == 0) return 0;
        return nextPid == 1 ? maxPid - 1 : nextPid - 1;
    }

    /** Every process, in pid order: a view, which a caller that makes or frees processes while walking copies first. */
    public Collection<Proc> all() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Proc> iterator() {
                return new Iterator<>() {
                    private int next = following(0);

                    @Override
                    public boolean hasNext() {
                        return next < procs.length;
                    }

                    @Override
                    public Proc next() {
                        if (next >= procs.length) throw new NoSuchElementException();
                        Proc p = procs[next];
                        next = following(next + 1);
                        return p;
                    }
                };
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** The first pid in use at or above {@code pid}, or the table's length. */
    private int following(int pid) {
        Proc[] slots = procs;
        while (pid < slots.length && slots[pid] == null) pid++;
        return pid;
    }

    public int size() {
        return count;
    }

    /** Slots in use, max_nprocs, and the table's overflows since boot (sar -v's proc-sz). */
    public TableStatus status() {
        return new TableStatus(count, maxNprocs, procovf);
    }
}
