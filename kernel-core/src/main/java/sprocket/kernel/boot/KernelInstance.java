package sprocket.kernel.boot;

import static sprocket.api.Signals.SIGINT;
import static sprocket.api.Signals.SIGKILL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MemoryCounters;
import sprocket.api.hw.MemoryStatistics;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.kernel.engine.Coroutine;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FallbackScheduler;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.engine.SchedMetrics;
import sprocket.kernel.lifecycle.Programs;
import sprocket.kernel.lock.Locks;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;
import sprocket.kernel.syscall.Strace;
import sprocket.kernel.vfs.FileSystemTypes;

/**
 * A booted kernel, ready to run one program under init. Boot builds the parts (Dagger), checks the machine's
 * firmware agrees with the configuration, installs the programs in /bin and starts every CPU's clock.
 */
public final class KernelInstance {
    private static final Logger log = LoggerFactory.getLogger(KernelInstance.class);

    private final KernelComponent k;
    private final Engine engine;
    private final Machine machine;
    private final Trace trace;
    private int exitStatus = -1;
    /** The program's wait(2) status word: how it ended, core dump included. */
    private int waitStatus;
    private boolean ran;
    /** Set from another thread (^C): the engine stops at its next turn. */
    private volatile boolean interruptRequested;
    /** When the run was interrupted, -1 if it was not. */
    private long interruptedAt = -1;
    /** The processes as they were when every one was asleep and nothing was pending; null if that never happened. */
    private List<Asleep> deadlock;
    private long deadlockAt = -1;
    /** Whether the run passed kernel.time_limit and was ended by killing every process. */
    private boolean timeLimitReached;
    /** Simulated seconds processes get to die after kernel.time_limit killed them, before the run is declared endless. */
    private static final long GRACE_SECONDS = 10;
    /** Where {@link #startup} puts the script that brings the system up. */
    public static final String RC = "/etc/rc";

    /** Whether the console is a terminal, so that init starts the program in a session with it as controlling tty. */
    private final boolean terminal;

    private KernelInstance(KernelComponent k, Machine machine, Trace trace, boolean terminal) {
        this.k = k;
        this.terminal = terminal;
        this.engine = k.engine();
        this.machine = machine;
        this.trace = trace;
    }

    /** Builds and boots a kernel on {@code machine} with the chosen providers. */
    public static KernelInstance boot(Settings settings, Machine machine, SchedulerProvider sched,
            SchedulerProvider fallback, MemoryManagerProvider vm, FileSystemTypes fs, IpcProvider ipc,
            Console console, Iterable<Program> programs, boolean keepTrace, Strace.Sink strace) {
        Trace trace = new Trace(keepTrace);
        Programs installed = new Programs(programs);
        KernelComponent k = DaggerKernelComponent.builder()
                .settings(settings).machine(machine).scheduler(sched)
                .fallbackScheduler(new FallbackScheduler(fallback)).memory(vm).fileSystems(fs).ipc(ipc)
                .console(console).programs(installed).trace(trace)
                .strace(new Strace(strace, machine.description().clockHz())).build();
        KernelInstance kernel = new KernelInstance(k, machine, trace, console.terminal());
        kernel.start(installed);
        return kernel;
    }

    private void start(Programs installed) {
        Engine e = engine;
        // The machine reaches the kernel only through the traps it is handed here.
        machine.attach(k.traps());
        List<CpuInfo> found = machine.probeCpus();
        if (found.size() != e.cpuCount()) {
            throw new PanicException("the firmware describes " + found.size() + " CPUs but the machine was built with "
                    + e.cpuCount()).at(0, 0);
        }
        for (Program p : installed.all().values()) {
            try {
                k.nameSpace().install("/bin/" + p.name(), Programs.image(p.name()), 0755);
            } catch (ErrnoException x) {
                throw new PanicException("cannot install /bin/" + p.name() + ": " + Errno.name(x.errno())).at(0, 0);
            }
        }
        e.start();
        log.debug("booted {} with {} CPUs, scheduler {}", machine.description().model(), e.cpuCount(),
                e.schedulerName());
    }

    /**
     * Runs /bin/{@code program} with {@code args} as init's child and returns its exit status (128 + the signal
     * if a signal killed it). After it exits, init kills what is left and reaps everything.
     */
    public int run(String program, List<String> args) {
        String[] argv = new String[args.size() + 1];
        argv[0] = program;
        for (int i = 0; i < args.size(); i++) argv[i + 1] = args.get(i);
        String path = program.contains("/") ? program : "/bin/" + program;
        return runInit(sys -> init(sys, null, path, argv));
    }

    /**
     * Brings the system up as init(1M) does: installs {@code rc} as /etc/rc and runs it with /bin/sh, then starts a
     * login shell on the console in a session of its own (the console its controlling terminal). When the login
     * shell exits, init halts the machine: what is left is killed and reaped. Returns the shell's exit status.
     */
    public int startup(String rc) {
        try {
            k.nameSpace().install(RC, rc.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0744);
        } catch (ErrnoException x) {
            throw new PanicException("cannot install " + RC + ": " + Errno.name(x.errno())).at(0, 0);
        }
        return runInit(sys -> init(sys, RC, "/bin/sh", new String[] {"-sh"}));
    }

    private int runInit(ProcessEntry body) {
        if (ran) throw new IllegalStateException("a kernel runs one program");
        ran = true;
        if (Coroutine.kind().equals("virtual-thread") && !Thread.currentThread().isVirtual()) {
            return onVirtualThread(() -> runHere(body));
        }
        return runHere(body);
    }

    /**
     * Runs the engine itself on a virtual thread, so that its hand-offs with the processes' virtual threads stay
     * between virtual threads (a park and an unpark on one carrier) rather than waking a platform thread each time.
     */
    private static int onVirtualThread(IntSupplier body) {
        int[] result = new int[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = Thread.ofVirtual().name("sprocket-engine").start(() -> {
            try {
                result[0] = body.getAsInt();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanicException("interrupted while the engine ran", e);
        }
        if (failure[0] != null) throw failure[0];
        return result[0];
    }

    private int runHere(ProcessEntry body) {
        Proc init = k.fork().init(k.sys(), body);
        k.userEntry().start(init, null);
        long hz = machine.description().clockHz();
        long limit = k.tunables().timeLimitSeconds == 0 ? Long.MAX_VALUE : k.tunables().timeLimitSeconds * hz;
        BooleanSupplier over = () -> !init.alive() || interruptRequested || lowestClock() >= limit;
        try {
            if (!engine.run(over)) {
                // Nothing can ever happen again: the report says who waits for what, then the run ends as init's
                // shutdown would end it, every process killed, so that the checks below still run.
                deadlockAt = lowestClock();
                deadlock = Asleep.of(k.procTable());
                trace.mark(deadlockAt, "deadlock: every process is asleep");
                killAllButInit(init);
                if (!engine.run(over)) {
                    throw new PanicException("deadlock: every process is asleep in the kernel and nothing is pending")
                            .at(lowestClock(), -1);
                }
            }
            if (init.alive() && !interruptRequested) {
                // Past kernel.time_limit: every process but init is killed, as a shutdown does, and init reaps them.
                timeLimitReached = true;
                log.warn("the run passed kernel.time_limit ({} s): killing every process to end it",
                        k.tunables().timeLimitSeconds);
                killAllButInit(init);
                long grace = limit + GRACE_SECONDS * hz;
                engine.run(() -> !init.alive() || interruptRequested || lowestClock() >= grace);
                if (init.alive() && !interruptRequested) throw new TimeLimitException(lowestClock(), alive());
            }
        } catch (PanicException | TimeLimitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PanicException(e.getClass().getSimpleName() + ": " + e.getMessage(), e).at(lowestClock(), -1);
        }
        if (init.alive()) return stoppedEarly();
        shutdown();
        checkInvariants();
        return exitStatus;
    }

    /**
     * Asks a running {@link #run} to stop at the engine's next turn (^C): safe from any thread. The run then returns
     * with the figures so far; its processes are left where they were, and the end-of-run checks do not run.
     */
    public void interrupt() {
        interruptRequested = true;
    }

    /** The run stopped before init exited: marked as interrupted, its status that of a program killed by SIGINT. */
    private int stoppedEarly() {
        interruptedAt = lowestClock();
        trace.mark(interruptedAt, "interrupted: the run was stopped before it ended");
        waitStatus = Wait.signaled(SIGINT, false);
        exitStatus = 128 + SIGINT;
        return exitStatus;
    }

    /** Whether the run was interrupted before it ended. */
    public boolean wasInterrupted() {
        return interruptedAt >= 0;
    }

    /** The processes as they were when the run deadlocked (every one asleep, nothing pending), or null. */
    public List<Asleep> deadlock() {
        return deadlock;
    }

    /** When the run deadlocked, or -1. */
    public long deadlockCycles() {
        return deadlockAt;
    }

    /**
     * What a shutdown does once every process has gone: the System V objects nobody removed (a segment lives until
     * IPC_RMID, not until its creator exits) are removed, and counted, so that their memory is given back before the
     * checks.
     */
    private void shutdown() {
        k.stats().counter("ipc_removed_at_shutdown").add(k.ipc().shutdown());
    }

    private void killAllButInit(Proc init) {
        for (Proc p : k.procTable().all().toArray(new Proc[0])) {
            if (p != init && p.alive()) k.signals().post(p, SIGKILL);
        }
    }

    /** The processes not yet reaped, one line each, in pid order: what a run that did not end leaves. */
    private List<String> alive() {
        List<String> out = new ArrayList<>();
        for (Proc p : k.procTable().all()) out.add(p + " " + p.state().name().toLowerCase(Locale.ROOT));
        return out;
    }

    private long lowestClock() {
        return engine.lowestClock();
    }

    /** init's word on standard error: the kernel has no C library, so a plain write(2) with the errno's name. */
    private static void complain(Sys sys, String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sys.write(Fcntl.STDERR_FILENO, b, 0, b.length);
    }

    /**
     * pid 1: opens the console as descriptors 0, 1 and 2 (not as its controlling terminal), runs {@code rc} with
     * /bin/sh and waits for it when there is one, then runs the program and waits for it, then shuts everything down.
     */
    private int init(Sys sys, String rc, String path, String[] argv) {
        for (int i = 0; i < 3; i++) {
            if (sys.open("/dev/console", Fcntl.O_RDWR | Fcntl.O_NOCTTY) != i) {
                throw new PanicException("init cannot open /dev/console: " + Errno.name(sys.errno()));
            }
        }
        int[] status = new int[1];
        if (rc != null) {
            int r = spawn(sys, "/bin/sh", new String[] {"sh", rc}, false);
            if (r > 0 && waitFor(sys, r, status) && status[0] != 0) {
                complain(sys, "init: " + rc + ": " + (Wait.WIFEXITED(status[0]) ? "exit " + Wait.WEXITSTATUS(status[0])
                        : "killed by signal " + Wait.WTERMSIG(status[0])) + "\n");
            }
        }
        int child = spawn(sys, path, argv, terminal);
        if (child < 0) {
            exitStatus = 1;
            return 1;
        }
        if (waitFor(sys, child, status)) {
            waitStatus = status[0];
            exitStatus = Wait.WIFEXITED(status[0]) ? Wait.WEXITSTATUS(status[0]) : 128 + Wait.WTERMSIG(status[0]);
        }
        sys.kill(-1, SIGKILL);
        while (sys.waitpid(-1, status, 0) > 0 || sys.errno() == Errno.EINTR) {
            // reap everything that is left
        }
        return 0;
    }

    /**
     * Starts {@code path}: on a console that is a terminal, a {@code session} of its own with the console for its
     * controlling terminal (getty's setsid and open); otherwise in a process group of its own. Returns its pid, or -1.
     */
    private static int spawn(Sys sys, String path, String[] argv, boolean session) {
        int child = sys.fork(s -> {
            if (session) {
                s.setsid();
                int fd = s.open("/dev/console", Fcntl.O_RDWR);
                if (fd < 0) {
                    complain(s, "init: /dev/console: " + Errno.name(s.errno()) + "\n");
                    return 1;
                }
                for (int i = 0; i < 3; i++) s.dup2(fd, i);
                if (fd > 2) s.close(fd);
            } else {
                s.setpgid(0, 0);
            }
            s.errno(0); // the program starts with errno 0, as a C program's start-up leaves it
            s.execve(path, argv, s.environ());
            complain(s, "sprocket: " + argv[0] + ": " + Errno.name(s.errno()) + "\n");
            return s.errno() == Errno.ENOENT ? 127 : 126;
        });
        if (child < 0) complain(sys, "init: fork: " + Errno.name(sys.errno()) + "\n");
        return child;
    }

    /** Waits for {@code child}, reaping whatever else ends meanwhile; false when there was nothing to wait for. */
    private static boolean waitFor(Sys sys, int child, int[] status) {
        while (true) {
            int r = sys.waitpid(-1, status, 0);
            if (r == child) return true;
            if (r < 0 && sys.errno() == Errno.ECHILD) return false;
        }
    }

    /**
     * The invariants every run must end with: no process left but the reaped init, every frame free and region gone, every
     * open file closed, every pipe, socket, System V object and shared address block gone. A broken one is a kernel
     * bug: panic.
     */
    private void checkInvariants() {
        List<String> broken = new ArrayList<>();
        int left = k.procTable().size();
        if (left != 1) broken.add(left - 1 + " processes are left in the process table");
        Proc init = k.procTable().get(Signals.INIT_PID);
        if (init != null) k.procTable().free(init);
        if (k.memory().freeFrames() != k.memory().totalFrames()) {
            broken.add((k.memory().totalFrames() - k.memory().freeFrames()) + " page frames are still allocated");
        }
        if (k.memory().liveRegions() != 0) broken.add(k.memory().liveRegions() + " regions are still allocated");
        if (k.fileTable().inUse() != 0) broken.add(k.fileTable().inUse() + " files are still open");
        if (k.ipc().livePipes() != 0) broken.add(k.ipc().livePipes() + " pipes are still alive");
        int groups = k.shareGroups().live();
        if (groups != 0) broken.add(groups + " shared address blocks are still allocated");
        if (k.ipc().liveSockets() != 0) broken.add(k.ipc().liveSockets() + " sockets are still open");
        if (k.ipc().liveObjects() != 0) broken.add(k.ipc().liveObjects() + " System V IPC objects are still allocated");
        if (!broken.isEmpty()) {
            throw new PanicException("after the run: " + String.join("; ", broken)).at(endCycles(), -1);
        }
    }

    /**
     * Simulated time so far, the clock of the CPU furthest behind, for a progress display on another thread while
     * {@link #run} runs: a plain read, perhaps a moment stale, that changes nothing.
     */
    public long clock() {
        return lowestClock();
    }

    /** The processes in the table now, zombies included; read as {@link #clock} is. */
    public int processes() {
        return k.procTable().size();
    }

    /** The program's wait(2) status word, after {@link #run}. */
    public int waitStatus() {
        return waitStatus;
    }

    /** The simulated time the run ended: when init exited. */
    public long endCycles() {
        long t = k.exit().endTime();
        return t >= 0 ? t : lowestClock();
    }

    /** Statistics of the run, in a stable order: the main figures first, then every counter by name. */
    public Map<String, Object> statistics() {
        Stats s = k.stats();
        long end = endCycles();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", machine.description().name());
        out.put("model", machine.description().model());
        out.put("memory_system", machine.memorySystem().describe());
        out.put("scheduler", engine.schedulerName());
        if (engine.ejection() != null) out.put("scheduler_ejected", engine.ejection());
        if (timeLimitReached) out.put("time_limit_reached", true);
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
        out.put("interrupted", interruptedAt >= 0);
        if (deadlock != null) out.put("deadlock", Asleep.report(deadlockAt, deadlock));
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

    /** Writes the kept trace as Chrome/Perfetto JSON. */
    public void writeTrace(Path file) throws IOException {
        trace.write(file, engine.cpuCount(), machine.description().clockHz(), machine.description().model());
    }

    /** Which coroutine implementation runs processes in this JVM. */
    public static String coroutineKind() {
        return Coroutine.kind();
    }
}
