package sprocket.kernel.proc;

/**
 * What getrusage(2) reports beyond the thread's times: minor faults, and the sums of the reaped children (their
 * own and their children's). The children's sums are made on the first reap.
 */
public final class Usage {
    /** Order of {@link #children}: user and system time, faults, voluntary and involuntary switches, signals, TLB misses. */
    public static final int UTIME = 0;
    public static final int STIME = 1;
    public static final int MINFLT = 2;
    public static final int NVCSW = 3;
    public static final int NIVCSW = 4;
    public static final int NSIGNALS = 5;
    public static final int TLBMISS = 6;
    private static final int FIGURES = 7;

    public long minflt;
    private long[] children;

    /** The reaped children's sums, in the order above (zeros before the first reap). */
    public long[] children() {
        return children == null ? new long[FIGURES] : children.clone();
    }

    /** A child was reaped: {@code own} (its figures) and {@code theirs} (its children's) add to the sums. */
    public void addChild(long[] own, long[] theirs) {
        if (children == null) children = new long[FIGURES];
        for (int i = 0; i < FIGURES; i++) children[i] += own[i] + theirs[i];
    }
}
