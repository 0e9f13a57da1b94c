package sprocket.hw.x86mps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sprocket.api.hw.Access;
import sprocket.api.hw.MachineContext;
import sprocket.api.spi.Counter;

/** A kernel as small as a machine test needs: clocks, posted interrupts, counters and a page-fault handler. */
final class FakeContext implements MachineContext {

    record Post(int cpu, int vector, long atCycle) {
    }

    record Fault(int cpu, long vaddr, Access access, long cr2, int errorCode) {
    }

    /** What the kernel's handler does with a fault; answers whether the access should be retried. */
    interface Handler {
        boolean handle(int cpu, long vaddr, Access access);
    }

    private static final class Count implements Counter {
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

    final long[] clocks;
    final List<Post> posts = new ArrayList<>();
    final List<Fault> faults = new ArrayList<>();
    private final Map<String, Count> counters = new TreeMap<>();
    X86MpsMachine machine;
    Handler handler = (cpu, vaddr, access) -> false;

    FakeContext(int cpus) {
        this.clocks = new long[cpus];
    }

    /** A machine of {@code cpus} CPUs and {@code mib} MiB, attached to a fresh fake kernel. */
    static FakeContext boot(int cpus, int mib) {
        return boot(cpus, mib, PentiumCaches.standard());
    }

    /** As {@link #boot(int, int)}, with the memory system {@code caches}. */
    static FakeContext boot(int cpus, int mib, PentiumCaches caches) {
        FakeContext context = new FakeContext(cpus);
        context.machine = new X86MpsMachine(cpus, (long) mib << 20, caches);
        context.machine.attach(context);
        return context;
    }

    @Override
    public void post(int cpu, int vector, long atCycle) {
        posts.add(new Post(cpu, vector, atCycle));
    }

    @Override
    public boolean pageFault(int cpu, long vaddr, Access access) {
        Cpu c = machine.cpu(cpu);
        faults.add(new Fault(cpu, vaddr, access, c.cr2, c.errorCode));
        return handler.handle(cpu, vaddr, access);
    }

    @Override
    public long now(int cpu) {
        return clocks[cpu];
    }

    @Override
    public void charge(int cpu, long cycles) {
        clocks[cpu] += cycles;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new Count());
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.hashCode());
    }

    long count(String name) {
        return counter(name).get();
    }
}
