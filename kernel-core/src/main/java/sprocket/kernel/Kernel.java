package sprocket.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.ipc.IpcProvider;
import sprocket.api.kernel.Console;
import sprocket.api.kernel.Keyboard;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Provider;
import sprocket.api.spi.Settings;
import sprocket.api.vm.MemoryManagerProvider;
import sprocket.kernel.boot.Asleep;
import sprocket.kernel.boot.KernelInstance;
import sprocket.kernel.boot.TimeLimitException;
import sprocket.kernel.engine.PanicException;
import sprocket.kernel.vfs.FileSystemTypes;

/** A kernel booted from a checked configuration, ready to run one program. */
public final class Kernel {
    /** The policy the kernel falls back to when it ejects a broken plug-in. */
    static final String FALLBACK_SCHEDULER = "rr";

    private final KernelInstance instance;
    private final BootOptions options;
    private final long clockHz;

    private Kernel(KernelInstance instance, BootOptions options, long clockHz) {
        this.instance = instance;
        this.options = options;
        this.clockHz = clockHz;
    }

    /** Builds the machine the configuration names and boots the kernel on it. Throws {@link KernelPanic}. */
    public static Kernel boot(KernelConfig config, Catalog catalog, BootOptions options) {
        Settings s = config.settings();
        try {
            HardwareProvider hw = (HardwareProvider) config.providerInstance(Slot.HW);
            Machine machine = hw.build(new MachineConfig(s.getInt("hw.cpus"), s.getSize("hw.memory"), s));
            KernelInstance k = KernelInstance.boot(s, machine,
                    (SchedulerProvider) config.providerInstance(Slot.SCHED),
                    (SchedulerProvider) catalog.provider(Slot.SCHED, FALLBACK_SCHEDULER),
                    (MemoryManagerProvider) config.providerInstance(Slot.VM),
                    fileSystems(config, catalog),
                    (IpcProvider) config.providerInstance(Slot.IPC),
                    console(options), catalog.programInstances(),
                    options.traceFile() != null, options.strace() == null ? null : options.strace()::accept);
            return new Kernel(k, options, machine.description().clockHz());
        } catch (PanicException e) {
            throw new KernelPanic(e.getMessage(), e.cycles(), e.cpu(), e);
        } catch (RuntimeException e) {
            throw new KernelPanic("boot failed: " + e, -1, -1, e);
        }
    }

    /**
     * Every file-system type found, for mount(2) to name, with the one the configuration picked making the root.
     */
    private static FileSystemTypes fileSystems(KernelConfig config, Catalog catalog) {
        List<FileSystemProvider> all = new ArrayList<>();
        for (Provider p : catalog.providerInstances(Slot.FS)) all.add((FileSystemProvider) p);
        return new FileSystemTypes((FileSystemProvider) config.providerInstance(Slot.FS), all);
    }

    /**
     * Runs /bin/{@code program} with {@code args}; returns when it has exited and every process is reaped. Throws
     * {@link KernelPanic}, or {@link TimeLimitExceeded} when processes killed at {@code kernel.time_limit} do not die.
     */
    public RunResult run(String program, List<String> args) {
        return finish(() -> instance.run(program, args));
    }

    /**
     * Brings the system up: init runs {@code rc} (installed as /etc/rc) with /bin/sh, then a login shell on the console
     * (its controlling terminal, when the console is one); returns when the shell has exited and init halted the
     * machine, every process reaped.
     */
    public RunResult startup(String rc) {
        return finish(() -> instance.startup(rc));
    }

    private RunResult finish(java.util.function.IntSupplier body) {
        int status;
        try {
            status = body.getAsInt();
        } catch (PanicException e) {
            throw new KernelPanic(e.getMessage(), e.cycles(), e.cpu(), e);
        } catch (TimeLimitException e) {
            throw new TimeLimitExceeded(e.getMessage(), e.cycles(), e.processes(), e);
        }
        if (options.traceFile() != null) {
            try {
                instance.writeTrace(options.traceFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the trace to " + options.traceFile(), e);
            }
        }
        return new RunResult(status, instance.waitStatus(), new RunStats(instance.statistics()), deadlock(),
                instance.wasInterrupted());
    }

    private DeadlockReport deadlock() {
        List<Asleep> asleep = instance.deadlock();
        if (asleep == null) return null;
        List<DeadlockReport.Process> rows = new ArrayList<>();
        for (Asleep a : asleep) rows.add(new DeadlockReport.Process(a.pid(), a.command(), a.state(), a.wchan()));
        return new DeadlockReport(instance.deadlockCycles(), rows);
    }

    /**
     * Asks {@link #run}, running on another thread, to stop at the engine's next turn (^C). It then returns at once,
     * marked as interrupted, with the statistics and the trace of the run so far; the processes are left where they
     * were (a kernel runs one program), and the end-of-run checks are not made. Safe from any thread.
     */
    public void interrupt() {
        instance.interrupt();
    }

    /**
     * How far the run has got. Made for a progress display on another thread while {@link #run} runs: it reads the
     * engine's clocks and process table without locks, so a figure may be a moment stale, and reading changes
     * nothing in the simulation.
     */
    public RunProgress progress() {
        return new RunProgress(instance.clock(), clockHz, instance.processes());
    }

    /** The coroutine implementation processes run on in this JVM: "continuation" or "virtual-thread". */
    public static String coroutineKind() {
        return KernelInstance.coroutineKind();
    }

    private static Console console(BootOptions options) {
        OutputStream out = options.console();
        InputStream in = options.stdin();
        return new Console() {
            @Override
            public boolean terminal() {
                return options.terminal();
            }

            @Override
            public Keyboard keyboard() {
                return options.keyboard();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    out.write(b, off, len);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (in == null) return 0;
                try {
                    int n = in.read(b, off, len);
                    return Math.max(n, 0);
                } catch (IOException e) {
                    return 0;
                }
            }
        };
    }
}
