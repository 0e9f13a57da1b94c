package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.random.RandomGenerator;
import sprocket.api.hw.Access;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineContext;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;
import sprocket.kernel.config.Randoms;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.engine.FaultInjection;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.stats.Stats;

/**
 * The kernel as the machine sees it: interrupts go on the engine's event queue, and a page fault goes to the
 * faulting process's address space (under its share group's shared read lock). The machine is handed this at boot.
 */
@Singleton
public final class Traps implements MachineContext {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final ShareGroups shares;
    private final long pageFaultCost;
    private final Stats.Count pageFaults;
    private final FaultInjection faults;
    private final ProcTable procs;

    @Inject
    Traps(Engine engine, Stats stats, Randoms randoms, ShareGroups shares, Machine machine,
            FaultInjection faults, ProcTable procs) {
        this.engine = engine;
        this.stats = stats;
        this.randoms = randoms;
        this.shares = shares;
        this.pageFaultCost = machine.costs().pageFault();
        this.pageFaults = stats.counter("page_faults");
        this.faults = faults;
        this.procs = procs;
    }

    @Override
    public void post(int cpu, int vector, long atCycle) {
        engine.post(cpu, vector, atCycle);
    }

    @Override
    public boolean pageFault(int cpu, long vaddr, Access access) {
        Cpu c = engine.cpu(cpu);
        if (!(c.current() instanceof Proc p) || p.space == null) return false;
        pageFaults.value++;
        p.usage.minflt++;
        c.now += pageFaultCost;
        Shaddr group = shares.scanBegin(p);
        int sig = p.space.fault(cpu, vaddr, access);
        if (group != null) shares.scanEnd(group, c);
        p.faultSignal = sig;
        return sig == 0;
    }

    @Override
    public long now(int cpu) {
        return engine.cpu(cpu).now;
    }

    @Override
    public void charge(int cpu, long cycles) {
        engine.cpu(cpu).now += cycles;
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
    public boolean hostRoom(long bytes) {
        return procs.hostRoom(bytes);
    }

    @Override
    public Faults faults() {
        return faults;
    }
}
