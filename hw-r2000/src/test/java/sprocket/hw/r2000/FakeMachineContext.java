package sprocket.hw.r2000;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import sprocket.api.hw.Access;
import sprocket.api.hw.MachineContext;
import sprocket.api.spi.Counter;

/** The kernel as the machine sees it, reduced to clocks, a record of what was posted and faulted, and counters. */
final class FakeMachineContext implements MachineContext {

    record Post(int cpu, int vector, long atCycle) {
    }

    record Fault(int cpu, long vaddr, Access access) {
    }

    /** What the kernel's page-fault handler does; the default refuses every fault, as for a bad address. */
    interface FaultHandler {
        boolean handle(int cpu, long vaddr, Access access);
    }

    static final class SimpleCounter implements Counter {
        private long value;

        @Override
        public void add(long n) {
            value += n;
        }

        @Override
        public long get() {
            return value;
        }
    }

    final long[] clock;
    final List<Post> posts = new ArrayList<>();
    final List<Fault> faults = new ArrayList<>();
    private final Map<String, SimpleCounter> counters = new LinkedHashMap<>();
    FaultHandler onFault = (cpu, vaddr, access) -> false;

    FakeMachineContext(int cpus) {
        this.clock = new long[cpus];
    }

    /** No caches: every access flat, so a test of the TLB sees only the TLB's and the pmap's own costs. */
    static final PowerSeriesCaches NO_CACHES = new PowerSeriesCaches(false, 64 << 10, 16, 1, 256 << 10, 16, 1);
    /** A page-table entry rewritten with the caches off: its load, its store and the instructions between. */
    static final long PTE_WRITE = 2 * R2000Costs.standard().memoryAccess() + R2000Costs.PTE_UPDATE;

    /** A machine of {@code cpus} CPUs and 4 MiB without caches, attached to a fresh fake kernel. */
    static R2000Machine attachedMachine(int cpus, FakeMachineContext context) {
        return attachedMachine(cpus, context, NO_CACHES);
    }

    /** A machine of {@code cpus} CPUs and 4 MiB with {@code caches}, attached to a fresh fake kernel. */
    static R2000Machine attachedMachine(int cpus, FakeMachineContext context, PowerSeriesCaches caches) {
        R2000Machine machine = new R2000Machine(cpus, 4L << 20, caches);
        machine.attach(context);
        return machine;
    }

    long count(String name) {
        SimpleCounter c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    @Override
    public void post(int cpu, int vector, long atCycle) {
        posts.add(new Post(cpu, vector, atCycle));
    }

    @Override
    public boolean pageFault(int cpu, long vaddr, Access access) {
        faults.add(new Fault(cpu, vaddr, access));
        return onFault.handle(cpu, vaddr, access);
    }

    @Override
    public long now(int cpu) {
        return clock[cpu];
    }

    @Override
    public void charge(int cpu, long cycles) {
        clock[cpu] += cycles;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.hashCode());
    }
}
