package sprocket.kernel.proc;

import java.util.Arrays;
import sprocket.api.sys.Rlimit;

/**
 * A process's resource limits (getrlimit(2)): soft and hard values by resource. Immutable: setrlimit(2) makes a new
 * one, so a forked child shares its parent's until either changes one.
 */
public final class Limits {
    private final long[] cur;
    private final long[] max;

    private Limits(long[] cur, long[] max) {
        this.cur = cur;
        this.max = max;
    }

    /** No limit on anything. */
    public static Limits unlimited() {
        long[] all = new long[Rlimit.RLIM_NLIMITS];
        Arrays.fill(all, Rlimit.RLIM_INFINITY);
        return new Limits(all, all.clone());
    }

    /** The soft limit of {@code resource} (Rlimit.RLIMIT_*). */
    public long cur(int resource) {
        return cur[resource];
    }

    /** The hard limit of {@code resource}. */
    public long max(int resource) {
        return max[resource];
    }

    /** These limits with {@code resource} set to {@code soft} and {@code hard}. */
    public Limits with(int resource, long soft, long hard) {
        if (cur[resource] == soft && max[resource] == hard) return this;
        long[] c = cur.clone();
        long[] m = max.clone();
        c[resource] = soft;
        m[resource] = hard;
        return new Limits(c, m);
    }
}
