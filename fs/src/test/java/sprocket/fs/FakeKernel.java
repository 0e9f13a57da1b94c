package sprocket.fs;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.MountEntry;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.kernel.ProcessInfo;
import sprocket.api.spi.Counter;
import sprocket.api.spi.Settings;
import sprocket.api.sys.Rlimit;

/**
 * What a file system sees of the kernel, by hand: a clock that charges advance, settings from a map, a caller's pid,
 * a process table a test fills, and a mount table. A file system never sleeps, so a sleep fails the test.
 */
public final class FakeKernel implements KernelServices {

    public static final long HZ = 1_000_000;

    public long now;
    public long charged;
    public int pid = 1;
    public final Map<String, String> settings = new TreeMap<>();
    public final TreeMap<Integer, ProcessInfo> processes = new TreeMap<>();
    public List<MountEntry> mounts = List.of();

    public FakeKernel() {
        settings.put("hw.memory", Long.toString(32L << 20));
        settings.put("fs.memfs.size", "0");
    }

    /** The context a file system is made with: this kernel and its mount table. */
    public FsContext context() {
        return new FsContext() {
            @Override
            public KernelServices kernel() {
                return FakeKernel.this;
            }

            @Override
            public List<MountEntry> mounts() {
                return mounts;
            }
        };
    }

    @Override
    public int sleep(Object channel, boolean interruptible) {
        throw new AssertionError("a file system slept on " + channel);
    }

    @Override
    public void wakeup(Object channel) {
    }

    @Override
    public Credentials credentials() {
        return new Credentials(0, 0, 0, 0, 022);
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public long fileSizeLimit() {
        return Rlimit.RLIM_INFINITY;
    }

    @Override
    public void signal(int pid, int sig) {
        throw new AssertionError("a file system sent signal " + sig);
    }

    @Override
    public void charge(long cycles) {
        charged += cycles;
        now += cycles;
    }

    @Override
    public void prdaFilled(long physicalAddress) {
        throw new AssertionError("only the memory manager fills a PRDA");
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long clockHz() {
        return HZ;
    }

    @Override
    public Counter counter(String name) {
        long[] cell = new long[1];
        return new Counter() {
            @Override
            public void add(long n) {
                cell[0] += n;
            }

            @Override
            public long get() {
                return cell[0];
            }
        };
    }

    @Override
    public RandomGenerator random(String stream) {
        return new SplittableRandom(stream.length());
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public String get(String key) {
                String v = settings.get(key);
                if (v == null) throw new IllegalArgumentException("undeclared key " + key);
                return v;
            }

            @Override
            public long getLong(String key) {
                return Long.parseLong(get(key));
            }

            @Override
            public long getSize(String key) {
                return getLong(key);
            }

            @Override
            public boolean getBool(String key) {
                return Boolean.parseBoolean(get(key));
            }

            @Override
            public long seed() {
                return 1;
            }
        };
    }

    @Override
    public ProcessInfo[] processes() {
        return processes.values().toArray(new ProcessInfo[0]);
    }

    @Override
    public ProcessInfo process(int pid) {
        return processes.get(pid);
    }

    /** What /proc/loadavg shows; a test sets it. */
    sprocket.api.kernel.LoadAverage load = new sprocket.api.kernel.LoadAverage(0, 0, 0, 0, 0, 0);

    @Override
    public sprocket.api.kernel.LoadAverage loadAverage() {
        return load;
    }

    /** What /proc/stat shows; a test sets it. */
    long[][] ticks = new long[1][5];

    @Override
    public long[][] cpuTicks() {
        return ticks;
    }

    /** What /proc/sysinfo shows; a test sets it. */
    public sprocket.api.kernel.SystemTables tables = new sprocket.api.kernel.SystemTables(
            new sprocket.api.kernel.TableStatus(0, 0, 0), new sprocket.api.kernel.TableStatus(0, 0, 0),
            new sprocket.api.kernel.TableStatus(0, 0, 0));

    @Override
    public sprocket.api.kernel.SystemTables tables() {
        return tables;
    }
}
