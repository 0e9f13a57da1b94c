package sprocket.kernel.boot;

import static sprocket.api.Signals.SIGINT;
import static sprocket.api.Signals.SIGKILL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.hw.CpuInfo;
import sprocket.api.hw.Machine;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Program;
import sprocket.api.sys.Wait;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.kernel.engine.Coroutine;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FallbackScheduler;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.lifecycle.Programs;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.signal.Signals;
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
        return runInit(new Init(null, path, argv, terminal));
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
        return runInit(new Init(RC, "/bin/sh", new String[] {"-sh"}, terminal));
    }

    private int runInit(Init body) {
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

    private int runHere(Init program) {
        Proc init = k.fork().init(k.sys(), program::main);
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
        exitStatus = program.exitStatus();
        waitStatus = program.waitStatus();
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
        return new RunStatistics(k, machine, trace, new RunStatistics.Ending(endCycles(), timeLimitReached,
                interruptedAt >= 0, deadlock, deadlockAt)).collect();
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
