package sprocket.kernel.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MemoryCounters;
import sprocket.api.hw.MemoryStatistics;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.SchedMetrics;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;

/**
 * The statistics of one run, as {@code --stats-json} and the summary show them: the machine and its figures, the
 * system calls by name, what each CPU's caches did, the scheduling figures per process, and every counter.
 */
final class RunStatistics {
    /** How a run ended, as far as its statistics tell. */
    record Ending(long end, boolean timeLimitReached, boolean interrupted, List<Asleep> deadlock, long deadlockCycles) {
    }

    private final KernelComponent k;
    private final Machine machine;
    private final Engine engine;
    private final Trace trace;
    private final Ending ending;
    private final long end;

    RunStatistics(KernelComponent k, Machine machine, Trace trace, Ending ending) {
        this.k = k;
        this.machine = machine;
        this.engine = k.engine();
        this.trace = trace;
        this.ending = ending;
        this.end = ending.end();
    }

    /** The statistics, in a stable order: the main figures first, then every counter by name. */
    Map<String, Object> collect() {
        Stats s = k.stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", machine.description().name());
        out.put("model", machine.description().model());
        out.put("memory_system", machine.memorySystem().describe());
        out.put("scheduler", engine.schedulerName());
        if (engine.ejection() != null) out.put("scheduler_ejected", engine.ejection());
        if (ending.timeLimitReached()) out.put("time_limit_reached", true);
        out.put("kernel_lock", k.tunables().lock == Locks.Mode.GIANT ? "giant" : "fine");
        out.put("clock_hz", machine.description().clockHz());
        out.put("simulated_cycles", end);
        out.put("simulated_seconds", (double) end / machine.description().clockHz());
        long[] busy = new long[engine.cpuCount()];
        for (int i = 0; i < busy.length; i++) busy[i] = engine.cpu(i).busy();
        out.put("cpu_busy_cycles", busy);
        out.put("context_switches", s.get("context_switches"));
        out.put("syscalls", k.syscallFigures().total());
        out.put("syscalls_by_name", syscallsByName());
        out.put("forks", s.get("forks"));
        out.put("execs", s.get("execs"));
        out.put("page_faults", s.get("page_faults"));
        out.put("tlb_misses", s.get("tlb_misses"));
        out.put("ipis", s.get("ipis"));
        out.put("shootdowns", s.get("shootdowns"));
        out.put("interrupts", s.get("interrupts"));
        out.put("cpu_memory", memoryByCpu());
        out.put("kernel_lock_spin_cycles", k.locks().spinCycles());
        out.put("kernel_lock_contended", k.locks().contended());
        out.put("proc_table_overflows", s.get("proc_table_overflows"));
        out.put("interrupted", ending.interrupted());
        if (ending.deadlock() != null) out.put("deadlock", Asleep.report(ending.deadlockCycles(), ending.deadlock()));
        long busyAll = 0;
        for (long b : busy) busyAll += b;
        out.put("cpu_utilisation", end == 0 ? 0.0 : (double) busyAll / ((double) end * busy.length));
        schedulingMetrics(out);
        out.put("trace_events", trace.events());
        out.put("trace_digest", String.format("%016x", trace.digest()));
        Map<String, Long> counters = new TreeMap<>(s.snapshot());
        if (machine.memorySystem().cached()) {
            // The memory system keeps its hits per CPU only (the hot path mirrors nothing): the total is theirs.
            counters.put(MemoryCounters.HITS, machine.memorySystem().statistics().hits());
        }
        out.keySet().forEach(counters::remove);
        out.put("counters", counters);
        return out;
    }

    /** What each CPU's caches and bus did, under the names of the run's totals (counters.cache_hits...). */
    private List<Map<String, Long>> memoryByCpu() {
        List<Map<String, Long>> out = new ArrayList<>();
        for (int c = 0; c < engine.cpuCount(); c++) {
            MemoryStatistics m = machine.memorySystem().statistics(c);
            Map<String, Long> row = new LinkedHashMap<>();
            row.put(MemoryCounters.HITS, m.hits());
            row.put(MemoryCounters.MISSES, m.misses());
            row.put(MemoryCounters.WRITEBACKS, m.writebacks());
            row.put(MemoryCounters.INVALIDATIONS, m.invalidations());
            row.put(MemoryCounters.TRANSFERS, m.transfers());
            row.put(MemoryCounters.BUS_TRANSACTIONS, m.busTransactions());
            row.put(MemoryCounters.BUS_WAIT_CYCLES, m.busWaitCycles());
            out.add(row);
        }
        return out;
    }

    /** Each system call made: how often, how often it failed, the kernel cycles it took. */
    private Map<String, Object> syscallsByName() {
        Map<String, Object> out = new LinkedHashMap<>();
        k.syscallFigures().byName().forEach((name, f) -> {
            Map<String, Long> row = new LinkedHashMap<>();
            row.put("calls", f.calls());
            row.put("errors", f.errors());
            row.put("cycles", f.cycles());
            out.put(name, row);
        });
        return out;
    }

    /** Per-process scheduling figures and their summary (init, which runs the whole time, is left out). */
    private void schedulingMetrics(Map<String, Object> out) {
        List<SchedMetrics.Entry> all = new ArrayList<>();
        for (SchedMetrics.Entry e : k.schedMetrics().entries()) {
            if (e.pid() != Signals.INIT_PID) all.add(e);
        }
        long voluntary = 0;
        long involuntary = 0;
        long migrations = 0;
        long waitSum = 0;
        long waitMax = 0;
        long turnSum = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SchedMetrics.Entry e : all) {
            voluntary += e.voluntary();
            involuntary += e.involuntary();
            migrations += e.migrations();
            waitSum += e.waitCycles();
            waitMax = Math.max(waitMax, e.waitCycles());
            turnSum += e.turnaround();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pid", (long) e.pid());
            row.put("command", e.command());
            row.put("nice", (long) e.nice());
            row.put("turnaround_cycles", e.turnaround());
            row.put("run_cycles", e.runtime());
            row.put("wait_cycles", e.waitCycles());
            row.put("voluntary_switches", e.voluntary());
            row.put("involuntary_switches", e.involuntary());
            row.put("migrations", e.migrations());
            rows.add(row);
        }
        int n = Math.max(1, all.size());
        out.put("voluntary_switches", voluntary);
        out.put("involuntary_switches", involuntary);
        out.put("migrations", migrations);
        out.put("mean_wait_cycles", waitSum / n);
        out.put("max_wait_cycles", waitMax);
        out.put("mean_turnaround_cycles", turnSum / n);
        Map<String, Double> fairness = k.schedMetrics().fairness();
        double worst = 1.0;
        for (double j : fairness.values()) worst = Math.min(worst, j);
        out.put("jain_fairness", worst);
        out.put("fairness_groups", fairness);
        out.put("processes", rows);
    }
}
