package sprocket.kernel.config;

import java.util.List;
import sprocket.api.spi.Faults;
import sprocket.api.spi.Tunable;

/** The configuration keys the kernel itself reads (the providers declare their own). */
public final class KernelKeys {
    private KernelKeys() {
    }

    /** Who declares these keys, as {@code sprocket config keys} says it. */
    public static final String DECLARER = "kernel";

    /** Every kernel tunable, in the order `config check` lists them. */
    public static final List<Tunable> ALL = List.of(
            Tunable.integer("hw.cpus", 1, 1, 64, "number of CPUs"),
            Tunable.size("hw.memory", "32M", 1L << 20, 3L << 30, "physical memory (K, M, G suffixes)"),
            Tunable.integer("kernel.maxusers", 32, 1, 1_000_000,
                    "sizes the process table: max_nprocs = 10 + 16 * maxusers, maxuprc = max_nprocs - 5"),
            Tunable.integer("kernel.maxpid", 30_000, 100, 999_999, "MAXPID: the largest pid, capping max_nprocs"),
            Tunable.size("kernel.heap_budget", "0", 0, 1L << 42,
                    "host heap the processes and the machine's page tables may take, at the kernel's estimate per"
                            + " process; one more fork or sproc fails with EAGAIN, a fault needing one more page table"
                            + " gets SIGKILL. 0: 3/4 of the JVM's maximum heap less hw.memory"),
            Tunable.choice("kernel.lock", "fine", List.of("giant", "fine"),
                    "kernel locking: one big lock (early SMP Linux) or a lock per subsystem (IRIX)"),
            Tunable.integer("kernel.hz", 100, 10, 10_000, "clock interrupts per second"),
            Tunable.integer("kernel.quantum", 10_000, 100, 100_000_000,
                    "cycles a CPU may run ahead of the others before the engine switches CPUs (temporal decoupling)"),
            Tunable.integer("kernel.sharing_quantum", 1, 1, 100_000_000,
                    "the quantum while CPUs share cache lines (a slice saw an invalidation or a cache-to-cache"
                            + " transfer); it doubles back to kernel.quantum over slices that see none"),
            Tunable.size("kernel.stack", "1M", 16 * 1024, 256L << 20, "RLIMIT_STACK: how far a stack may grow"),
            Tunable.integer("kernel.nfile", 1000, 16, 1_000_000,
                    "entries in the system open file table (files, pipe ends, sockets); one open more fails with ENFILE"),
            Tunable.integer("kernel.ninode", 1000, 16, 1_000_000,
                    "entries in the in-core inode table (files held open, mapped, mounted or bound); opening one more"
                            + " file fails with ENFILE"),
            Tunable.integer("kernel.sched_watchdog", 10_000, 1, 3_600_000,
                    "milliseconds a runnable process may wait before the scheduler is deemed broken and ejected"),
            Tunable.choice("kernel.sched_isolation", "plugins", List.of("plugins", "all", "none"),
                    "which schedulers run their callbacks on a host thread of their own, under the host watchdog "
                            + "(plugins: those from plug-in jars or the class path)"),
            Tunable.integer("kernel.sched_host_limit", 2_000, 1, 3_600_000,
                    "host milliseconds one callback of an isolated scheduler may run before it is cut off and ejected"),
            Tunable.size("kernel.sched_host_memory", "64M", 1L << 20, 1L << 40,
                    "host heap one callback of an isolated scheduler may allocate before it is cut off and ejected"),
            Tunable.integer("kernel.time_limit", 0, 0, 1_000_000_000,
                    "simulated seconds a run may last: then every process is killed to end it (0: no limit)"),
            Tunable.choice("boot.home", "memfs", List.of("memfs", "root"),
                    "sprocket boot: /etc/rc mounts a memfs of its own on /home (memfs) or makes /home on the root (root)"),
            Tunable.choice("boot.mnt", "none", List.of("none", "memfs", "proc"),
                    "sprocket boot: what /etc/rc mounts on /mnt: nothing, a new memfs, or another view of /proc"),
            Tunable.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE,
                    "seed of every pseudo-random stream: the same seed gives the same run"),
            Tunable.integer("fault.rate", 0, 0, 1_000_000,
                    "fault injection: allocations in a million that fail at every site (0: none); docs/RELIABILITY.md"),
            Tunable.integer("fault.seed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                    "seed of fault injection's streams (0: the run's seed)"),
            site(Faults.FRAMES, "page frames (a call: ENOMEM or EAGAIN; a page fault: SIGKILL)"),
            site(Faults.PAGE_TABLES, "page directories and page tables (as for frames)"),
            site(Faults.PROCS, "process table slots (fork, vfork, sproc: EAGAIN)"),
            site(Faults.DESCRIPTORS, "a process's descriptors (EMFILE)"),
            site(Faults.FILES, "open file table entries (ENFILE)"),
            site(Faults.IPC, "System V IPC identifiers (ENOSPC)"),
            site(Faults.SOCKET_BUFFERS, "socket buffers (ENOBUFS)"),
            site(Faults.PIPE_BUFFERS, "pipe and FIFO buffers (ENFILE)"));

    /** A per-site override of fault.rate. */
    private static Tunable site(String name, String what) {
        return Tunable.integer("fault.site." + name, -1, -1, 1_000_000,
                "fault injection at " + what + ": allocations in a million that fail (-1: fault.rate)");
    }
}
