package sprocket.api.kernel;

import java.util.random.RandomGenerator;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Faults;
import sprocket.api.spi.Settings;

/**
 * The kernel's services to the memory, file-system and IPC providers. Every method is called from inside a
 * system call, on the calling process's own coroutine, unless its Javadoc says otherwise.
 */
public interface KernelServices {

    /**
     * Puts the calling process to sleep on {@code channel} until {@link #wakeup} names the same channel (by
     * identity). Returns 0 when woken, or {@link sprocket.api.Errno#EINTR} if {@code interruptible} and a
     * signal arrived first; the caller then undoes what it started and fails the call with EINTR. Callers
     * loop, re-checking their condition, since a wake-up is a hint, as in every Unix kernel.
     */
    int sleep(Object channel, boolean interruptible);

    /** Makes every process sleeping on {@code channel} runnable. Callable from anywhere in the kernel. */
    void wakeup(Object channel);

    /** The calling process's credentials and file-creation mask. */
    Credentials credentials();

    /** The calling process's pid. */
    int pid();

    /**
     * The calling process's RLIMIT_FSIZE soft limit in bytes ({@link sprocket.api.sys.Rlimit#RLIM_INFINITY} when
     * none). A write that would go past it writes up to the limit; one at or past it sends SIGXFSZ and fails with
     * EFBIG.
     */
    long fileSizeLimit();

    /** Sends {@code sig} to the process {@code pid}, without permission checks (the kernel's own signals, such as SIGPIPE). */
    void signal(int pid, int sig);

    /** Advances the calling CPU's clock by {@code cycles} of kernel work. */
    void charge(long cycles);

    /**
     * The memory manager gave the calling process's PRDA page (at {@link sprocket.api.sys.Prctl#PRDA}) its first
     * frame, at {@code physicalAddress}: the kernel writes the system part (prda_sys: t_pid, t_rpid, t_cpu)
     * into it before the process sees it, as IRIX does on the PRDA's first fault.
     */
    void prdaFilled(long physicalAddress);

    /** The calling CPU's clock, in cycles. */
    long now();

    /** The machine's clock rate, to turn cycles into time. */
    long clockHz();

    /**
     * The time of day in seconds since the epoch, as time(2) gives it: the clock since boot (which starts at the
     * epoch) moved by stime(2); a file's times are stamped with it.
     */
    default long time() {
        return now() / clockHz();
    }

    /**
     * The clock of the time of day, in cycles since the epoch: {@link #now} moved by stime(2). A provider stamps a
     * time it reports later with it (shm_atime, a pipe's st_mtime) and divides by {@link #clockHz} when it reports
     * it, so the report shows the date that was set when the time was stamped.
     */
    default long timeOfDayCycles() {
        return now();
    }

    /** A run statistic by name (created on first use). */
    Counter counter(String name);

    /** A pseudo-random stream derived from the run's seed and {@code stream}, so runs repeat exactly. */
    RandomGenerator random(String stream);

    /** The configuration, for the provider's own tunables. */
    Settings settings();

    /**
     * Every process in the process table, live or zombie (a zombie stays until its parent reaps it), in pid order;
     * /proc lists them. Callable from inside any system call.
     */
    ProcessInfo[] processes();

    /** The process {@code pid} (a zombie included), or null when there is none. */
    ProcessInfo process(int pid);

    /**
     * Fault injection: whether an allocation at a site ({@link Faults#SITES}) should fail now. A provider asks just
     * before each allocation it makes at such a site and fails as for an exhausted resource when told to.
     */
    default Faults faults() {
        return Faults.NONE;
    }

    /** The load averages and the counts /proc/loadavg shows. */
    LoadAverage loadAverage();

    /**
     * Each CPU's clock ticks by what it was doing when they came, as /proc/stat shows them: {@code [cpu][0..4]} are
     * user, nice, system, idle and I/O wait.
     */
    long[][] cpuTicks();

    /**
     * The process, in-core inode and open file tables: entries in use, sizes and overflow counts, as /proc/sysinfo
     * shows them for sar(1) -v.
     */
    SystemTables tables();
}
