package sprocket.kernel.core;

import java.util.random.RandomGenerator;
import sprocket.api.hw.Access;
import sprocket.api.hw.MachineContext;
import sprocket.api.spi.Counter;

/** The kernel as the machine sees it: interrupts go on the event queue, faults go to the faulting process's space. */
final class MachineContextImpl implements MachineContext {
    private final Engine engine;
    private final Stats stats;
    private final Randoms randoms;
    private final Stats.CounterImpl pageFaults;

    MachineContextImpl(Engine engine, Stats stats, Randoms randoms) {
        this.engine = engine;
        this.stats = stats;
        this.randoms = randoms;
        this.pageFaults = (Stats.CounterImpl) stats.counter("page_faults");
    }

    @Override
    public void post(int cpu, int vector, long atCycle) {
        engine.post(cpu, vector, atCycle);
    }

    @Override
    public boolean pageFault(int cpu, long vaddr, Access access) {
        Proc p = engine.cpus[cpu].current;
        if (p == null || p.space == null) return false;
        pageFaults.value++;
        p.minflt++;
        Cpu c = engine.cpus[cpu];
        c.now += engine.costs.pageFault();
        // The paper: "all share group processes must obtain this lock each time they page fault".
        Shaddr g = ShareGroups.sharesSpace(p) ? p.shaddr : null;
        if (g != null) g.scanBegin(c);
        int sig = p.space.fault(cpu, vaddr, access);
        if (g != null) g.scanEnd(c);
        p.faultSignal = sig;
        return sig == 0;
    }

    @Override
    public long now(int cpu) {
        return engine.cpus[cpu].now;
    }

    @Override
    public void charge(int cpu, long cycles) {
        engine.cpus[cpu].now += cycles;
    }

    @Override
    public Counter counter(String name) {
        return stats.counter(name);
    }

    @Override
    public RandomGenerator random(String stream) {
        return randoms.stream(stream);
    }
}
