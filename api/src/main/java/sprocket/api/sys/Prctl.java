package sprocket.api.sys;

/** IRIX sys/prctl.h operations; the share-group ones arrive with sproc(2). */
public final class Prctl {
    /** The most processes the caller's user may have (maxuprc). */
    public static final int PR_MAXPROCS = 1;
    /** The number of CPUs the caller may run on. */
    public static final int PR_MAXPPROCS = 5;

    private Prctl() {
    }
}
