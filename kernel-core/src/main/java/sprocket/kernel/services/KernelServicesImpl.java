package sprocket.kernel.services;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.random.RandomGenerator;
import sprocket.api.hw.Machine;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.kernel.LoadAverage;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.kernel.SystemTables;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Rlimit;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FaultInjection;
import sprocket.kernel.engine.Kthread;
import sprocket.kernel.engine.TimeOfDay;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.signal.Signals;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.vfs.FileTable;
import sprocket.kernel.vfs.InodeTable;

/** The kernel's services to the memory, file-system and IPC providers, acting for the running process. */
@Singleton
public final class KernelServicesImpl implements KernelServices {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final Settings settings;
    private final ProcTable table;
    private final Signals signals;
    private final PhysicalMemory memory;
    private final long clockHz;
    private final FaultInjection faults;
    private final InodeTable inodes;
    private final TimeOfDay clock;
    /** A provider: the file table is built on these services. */
    private final Provider<FileTable> files;

    @Inject
    KernelServicesImpl(Engine engine, Stats stats, Randoms randoms, Settings settings, ProcTable table,
            Signals signals, Machine machine, FaultInjection faults, InodeTable inodes, Provider<FileTable> files,
            TimeOfDay clock) {
        this.clock = clock;
        this.inodes = inodes;
        this.files = files;
        this.engine = engine;
        this.stats = stats;
        this.randoms = randoms;
        this.settings = settings;
        this.table = table;
        this.signals = signals;
        this.memory = machine.memory();
        this.clockHz = machine.description().clockHz();
        this.faults = faults;
    }

    private Proc current() {
        Kthread t = engine.running();
        if (t == null) throw new IllegalStateException("a kernel service that needs a process was called outside one");
        return (Proc) t;
    }

    @Override
    public int sleep(Object channel, boolean interruptible) {
        return engine.sleep(channel, interruptible);
    }

    @Override
    public void wakeup(Object channel) {
        engine.wakeup(channel);
    }

    @Override
    public Credentials credentials() {
        return current().cred.credentials();
    }

    @Override
    public int pid() {
        return current().pid;
    }

    @Override
    public long fileSizeLimit() {
        return current().limits.cur(Rlimit.RLIMIT_FSIZE);
    }

    @Override
    public void signal(int pid, int sig) {
        Proc p = table.get(pid);
        if (p != null) signals.post(p, sig);
    }

    @Override
    public void charge(long cycles) {
        engine.charge(cycles);
    }

    @Override
    public void prdaFilled(long physicalAddress) {
        Proc p = current();
        long base = physicalAddress - Prctl.PRDA;
        memory.store(base + Prctl.T_PID, 4, p.pid);
        memory.store(base + Prctl.T_RPID, 4, p.pid);
        memory.store(base + Prctl.T_CPU, 4, p.cpu().id);
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public long clockHz() {
        return clockHz;
    }

    @Override
    public long time() {
        return clock.time();
    }

    @Override
    public long timeOfDayCycles() {
        return clock.cycles();
    }

    @Override
    public Counter counter(String name) {
        return stats.counter(name);
    }

    @Override
    public RandomGenerator random(String stream) {
        return randoms.stream(stream);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public ProcessInfo[] processes() {
        ProcessInfo[] out = new ProcessInfo[table.size()];
        int i = 0;
        for (Proc p : table.all()) out[i++] = info(p);
        return out;
    }

    @Override
    public long[][] cpuTicks() {
        long[][] out = new long[engine.cpuCount()][];
        for (int i = 0; i < out.length; i++) out[i] = engine.cpu(i).ticks();
        return out;
    }

    @Override
    public LoadAverage loadAverage() {
        double[] a = engine.loadAverage();
        return new LoadAverage(a[0], a[1], a[2], engine.runnable(), table.size(), table.lastPid());
    }

    @Override
    public SystemTables tables() {
        return new SystemTables(table.status(), inodes.status(), files.get().status());
    }

    @Override
    public ProcessInfo process(int pid) {
        Proc p = table.get(pid);
        return p == null ? null : info(p);
    }

    /** A snapshot of {@code p} for /proc. */
    private static ProcessInfo info(Proc p) {
        char state = switch (p.state()) {
            case RUNNING, RUNNABLE -> ProcessInfo.RUNNING;
            case SLEEPING -> ProcessInfo.SLEEPING;
            case STOPPED -> ProcessInfo.STOPPED;
            case ZOMBIE -> ProcessInfo.ZOMBIE;
        };
        int ppid = p.parent == null ? 0 : p.parent.pid;
        String command = p.command == null ? "" : p.command;
        String[] argv = p.argv == null ? new String[0] : p.argv;
        return new ProcessInfo(p.pid, ppid, p.pgid, p.sid, state, p.cred.ruid(), p.cred.euid(), p.cred.rgid(),
                p.cred.egid(), p.shareGroup(), command, argv);
    }

    @Override
    public Faults faults() {
        return faults;
    }
}
