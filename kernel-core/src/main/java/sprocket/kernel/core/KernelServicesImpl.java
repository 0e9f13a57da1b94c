package sprocket.kernel.core;

import java.util.random.RandomGenerator;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;

/** The kernel's services to the memory, file-system and IPC providers, acting for the running process. */
final class KernelServicesImpl implements KernelServices {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final Settings settings;
    private java.util.function.IntFunction<Proc> procs = pid -> null;
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
}
