package sprocket.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import sprocket.api.hw.HardwareProvider;
import sprocket.api.hw.Machine;
import sprocket.api.hw.MachineConfig;
import sprocket.api.hw.MemorySystem;
import sprocket.api.spi.Settings;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.KernelConfig;

/**
 * The host cost of the memory system's hit path alone: {@code MemorySystem.load} (and on x86 {@code store}, which
 * hits a Modified line) on one line, over and over, on each machine built from a configuration with its default
 * caches. What a kernel load or store that hits the TLB and the L1 adds to the no-cache path (BENCHMARKS.md,
 * figure 7). The R2000's store is left out: write-through, every store is a bus transaction, never a hit.
 *
 * <pre>
 * CacheHitFigure MACHINE [N] [KEY=VALUE...]   MACHINE r2000 or x86mps; N accesses per run (default 200,000,000),
 *                                             2 warm-up and 5 timed runs; e.g. hw.caches=false for the baseline
 * </pre>
 *
 * One machine per JVM, as in a run: the call site then sees one memory system, as the kernel's does.
 */
public final class CacheHitFigure {

    private CacheHitFigure() {
    }

    public static void main(String[] argv) throws ConfigException {
        String hw = argv.length > 0 ? argv[0] : "x86mps";
        long n = argv.length > 1 ? Long.parseLong(argv[1].replace("_", "")) : 200_000_000L;
        List<String> overrides = new java.util.ArrayList<>(List.of("hw=" + hw, "hw.cpus=2"));
        overrides.addAll(List.of(argv).subList(Math.min(2, argv.length), argv.length));
        Catalog catalog = Catalog.discover(List.of());
        {
            KernelConfig config = KernelConfig.load(Path.of("configs/irix-r2000.conf"), overrides, catalog);
            Settings s = config.settings();
            HardwareProvider provider = ServiceLoader.load(HardwareProvider.class).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(hw)).findFirst().orElseThrow();
            Machine machine = provider.build(new MachineConfig(s.getInt("hw.cpus"), s.getSize("hw.memory"), s));
            MemorySystem memory = machine.memorySystem();
            boolean stores = hw.equals("x86mps");
            memory.load(0, 0, 0x100000, 8);
            memory.store(0, 0, 0x100000, 8);
            // Thread CPU time, not wall time: on a host shared with other work the thread's waits for a core drop out.
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] times = new long[7];
            long sink = 0;
            for (int run = 0; run < times.length; run++) {
                long start = cpu.getCurrentThreadCpuTime();
                sink += loop(memory, n, stores);
                times[run] = cpu.getCurrentThreadCpuTime() - start;
            }
            long[] timed = java.util.Arrays.copyOfRange(times, 2, times.length);
            java.util.Arrays.sort(timed);
            System.out.printf(Locale.ROOT, "%-7s %s %s: median %.2f ns, min %.2f ns of thread CPU time per access (%d cycles)%n",
                    hw, String.join(" ", overrides.subList(2, overrides.size())), stores ? "load/store hit" : "load hit",
                    timed[timed.length / 2] / (double) n, timed[0] / (double) n, sink);
        }
    }

    /** {@code n} accesses to one doubleword's line, alternating loads and (when {@code stores}) stores. */
    private static long loop(MemorySystem memory, long n, boolean stores) {
        long cycles = 0;
        for (long i = 0; i < n; i++) {
            long pa = 0x100000 + ((i & 3) << 3);
            cycles += stores && (i & 1) != 0 ? memory.store(0, cycles, pa, 8) : memory.load(0, cycles, pa, 8);
        }
        return cycles;
    }
}
