package sprocket.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;

/**
 * Figure 7 in thread CPU time: a kernel's load or store that hits the TLB (and, with the caches on, the L1), through
 * the whole path a program's access takes (UserCpu, the MMU, the memory system). Each run boots a kernel and runs
 * {@code bench-touch N}, and an empty {@code bench-touch 0} beside it; ns/access = (CPU(N) - CPU(0)) / N. Thread CPU
 * time, since the engine and every process run on this thread: on a host shared with other work, the waits for a
 * core drop out (the wall-time harness and JMH measure them too).
 *
 * <pre>
 * TlbHitFigure CONFIG [N] [KEY=VALUE...] [loads]   CONFIG irix-r2000 or linux-x86mps; N accesses (default
 *                                           50,000,000); 2 warm-up and 5 timed runs; e.g. hw.caches=false for the
 *                                           baseline; loads: loads only (bench-touch N loads)
 * </pre>
 */
public final class TlbHitFigure {

    private TlbHitFigure() {
    }

    public static void main(String[] argv) throws ConfigException {
        String config = argv.length > 0 ? argv[0] : "irix-r2000";
        long n = argv.length > 1 ? Long.parseLong(argv[1].replace("_", "")) : 50_000_000L;
        List<String> overrides = new ArrayList<>(List.of("hw.cpus=1"));
        boolean loads = false;
        for (String a : List.of(argv).subList(Math.min(2, argv.length), argv.length)) {
            if (a.equals("loads")) {
                loads = true;
            } else {
                overrides.add(a);
            }
        }
        Catalog catalog = Catalog.discover(List.of());
        KernelConfig kernelConfig = KernelConfig.load(Path.of("configs", config + ".conf"), overrides, catalog);
        if (!Kernel.coroutineKind().equals("continuation")) {
            throw new IllegalStateException("coroutines are " + Kernel.coroutineKind()
                    + ": processes would run on other threads and their CPU time would be missed");
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] perAccess = new double[7];
        long cycles = 0;
        for (int run = 0; run < perAccess.length; run++) {
            long empty = cpuTime(cpu, kernelConfig, catalog, 0, loads)[0];
            long[] full = cpuTime(cpu, kernelConfig, catalog, n, loads);
            perAccess[run] = (full[0] - empty) / (double) n;
            cycles = full[1];
        }
        double[] timed = Arrays.copyOfRange(perAccess, 2, perAccess.length);
        Arrays.sort(timed);
        System.out.printf(Locale.ROOT, "%-12s %s%s: median %.2f ns, min %.2f ns of thread CPU time per access (%d"
                + " simulated cycles for %d accesses)%n", config, String.join(" ", overrides), loads ? ", loads only" : "", timed[timed.length / 2],
                timed[0], cycles, n);
    }

    /** {thread CPU nanoseconds, simulated cycles} of one boot-free run of bench-touch {@code n}. */
    private static long[] cpuTime(ThreadMXBean cpu, KernelConfig config, Catalog catalog, long n, boolean loads) {
        Kernel kernel = Kernel.boot(config, catalog, new BootOptions(OutputStream.nullOutputStream(), null, null));
        long start = cpu.getCurrentThreadCpuTime();
        RunResult r = kernel.run("bench-touch", loads ? List.of(Long.toString(n), "loads") : List.of(Long.toString(n)));
        long spent = cpu.getCurrentThreadCpuTime() - start;
        if (r.exitStatus() != 0) throw new IllegalStateException("bench-touch " + n + " exited " + r.exitStatus());
        return new long[] {spent, r.stats().simulatedCycles()};
    }
}
