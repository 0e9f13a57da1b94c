package sprocket.kernel.core;

import java.util.random.RandomGenerator;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/** The kernel's services to the memory, file-system and IPC providers, acting for the running process. */
final class KernelServicesImpl implements KernelServices {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final Settings settings;
    private java.util.function.IntFunction<Proc> procs = pid -> null;
    private ProcTable table;
    private Signals signals;

    KernelServicesImpl(Engine engine, Stats stats, Randoms randoms, Settings settings) {
        this.engine = engine;
        this.stats = stats;
        this.randoms = randoms;
        this.settings = settings;
    }

    /** Connects the parts created after the providers: the process table and signal delivery. */
    void connect(ProcTable table, Signals signals) {
        this.procs = table::get;
        this.table = table;
        this.signals = signals;
    }

    private Proc current() {
        Proc p = engine.running;
        if (p == null) throw new IllegalStateException("a kernel service that needs a process was called outside one");
        return p;
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
        return Lifecycle.credentials(current());
    }

    @Override
    public int pid() {
        return current().pid;
    }

    @Override
    public long fileSizeLimit() {
        return current().rlimCur[sprocket.api.sys.Rlimit.RLIMIT_FSIZE];
    }

    @Override
    public void signal(int pid, int sig) {
        Proc p = procs.apply(pid);
        if (p != null && signals != null) signals.post(p, sig);
    }

    @Override
    public void charge(long cycles) {
        engine.charge(cycles);
    }

    @Override
    public void prdaFilled(long physicalAddress) {
        Proc p = current();
        var memory = engine.machine.memory();
        long base = physicalAddress - sprocket.api.sys.Prctl.PRDA;
        memory.store(base + sprocket.api.sys.Prctl.T_PID, 4, p.pid);
        memory.store(base + sprocket.api.sys.Prctl.T_RPID, 4, p.pid);
        memory.store(base + sprocket.api.sys.Prctl.T_CPU, 4, p.cpu.id);
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public long clockHz() {
        return engine.machine.description().clockHz();
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
        if (table == null) return new ProcessInfo[0];
        ProcessInfo[] out = new ProcessInfo[table.size()];
        int i = 0;
        for (Proc p : table.all()) out[i++] = info(p);
        return out;
    }

    @Override
    public ProcessInfo process(int pid) {
        Proc p = procs.apply(pid);
        return p == null ? null : info(p);
    }

    /** A snapshot of {@code p} for /proc; the share group is 0 until share groups fill it in. */
    private static ProcessInfo info(Proc p) {
        char state = switch (p.state) {
            case RUNNING, RUNNABLE -> ProcessInfo.RUNNING;
            case SLEEPING -> ProcessInfo.SLEEPING;
            case STOPPED -> ProcessInfo.STOPPED;
            case ZOMBIE -> ProcessInfo.ZOMBIE;
        };
        int ppid = p.parent == null ? 0 : p.parent.pid;
        String command = p.command == null ? "" : p.command;
        String[] argv = p.argv == null ? new String[0] : p.argv;
        return new ProcessInfo(p.pid, ppid, p.pgid, p.sid, state, p.ruid, p.euid, p.rgid, p.egid, p.shareGroup(), command, argv);
    }
}
