package sprocket.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.ConfigException;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;

/**
 * The nanosecond figures under JMH (bench/run.sh jmh): a null system call, a context switch and a load/store that
 * hits the TLB, in host nanoseconds per operation. Each invocation runs one benchmark program to its end on a kernel
 * booted for it (the boot is JMH setup, not timed), and counts the operations that program makes; {@link #emptyRun}
 * is the program start and exit that every invocation also pays, spread over its millions of operations. JMH forks
 * one JVM per benchmark and parameter, so one machine's classes never make another machine's call sites
 * megamorphic. The forks run on the class path, where the kernel is in the unnamed module.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djdk.virtualThreadScheduler.parallelism=1",
    "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class NanoBenchmarks {
    /** getpid(2) calls a run; 20 million take about 70 ms. */
    static final int CALLS = 20_000_000;
    /** sched_yield(2) calls of each of the two processes; every call is one switch on one CPU. */
    static final int YIELDS = 500_000;
    /** Loads and stores, alternating, to one resident page. */
    static final int ACCESSES = 50_000_000;

    /** A kernel booted afresh for each invocation, on configs/CONFIG.conf with one CPU. */
    @State(Scope.Thread)
    public static class Booted {
        /** The machine: irix-r2000 or linux-x86mps (bench/run.sh jmh -p config=linux-x86mps). */
        @Param({"irix-r2000"})
        public String config;

        /** The machine's caches on or off (hw.caches; bench/run.sh jmh -p caches=true,false tlbHit). */
        @Param({"true"})
        public String caches;

        private Catalog catalog;
        private KernelConfig kernelConfig;
        private Kernel kernel;

        @Setup(Level.Trial)
        public void discover() throws ConfigException {
            catalog = Catalog.discover(List.of());
            if (!catalog.problems().isEmpty()) throw new IllegalStateException("catalog: " + catalog.problems());
            kernelConfig = KernelConfig.load(Path.of("configs", config + ".conf"), List.of("hw.cpus=1", "hw.caches=" + caches),
                    catalog);
            // Continuations are what sprocket runs on; the virtual-thread fallback would be measured silently.
            if (!Kernel.coroutineKind().equals("continuation")) {
                throw new IllegalStateException("coroutines are " + Kernel.coroutineKind()
                        + ": jdk.internal.vm is not exported to the kernel");
            }
        }

        @Setup(Level.Invocation)
        public void boot() {
            kernel = Kernel.boot(kernelConfig, catalog, new BootOptions(OutputStream.nullOutputStream(), null, null));
        }

        int run(String program, long n) {
            int status = kernel.run(program, List.of(Long.toString(n))).exitStatus();
            if (status != 0) throw new IllegalStateException(program + " " + n + " exited " + status);
            return status;
        }
    }

    /** Figure 1: getpid(2), the cheapest system call, from a simulated process. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int nullSyscall(Booted k) {
        return k.run("bench-getpid", CALLS);
    }

    /** Figure 2: two processes on one CPU handing it to each other with sched_yield(2); per switch. */
    @Benchmark
    @OperationsPerInvocation(2 * YIELDS)
    public int contextSwitch(Booted k) {
        return k.run("bench-yield", YIELDS);
    }

    /** Figure 7: a load or store through the simulated MMU that hits the TLB and the cache. */
    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int tlbHit(Booted k) {
        return k.run("bench-touch", ACCESSES);
    }

    /** What each invocation above pays besides its operations: the program's start, exit and reaping. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int emptyRun(Booted k) {
        return k.run("bench-getpid", 0);
    }
}
