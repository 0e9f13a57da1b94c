package sprocket.api.sys;

/** getrlimit(2)'s {@code struct rlimit}: the soft limit {@code cur} and the hard limit {@code max}. */
public record Rlimit(long cur, long max) {
    public static final int RLIMIT_CPU = 0;
    public static final int RLIMIT_FSIZE = 1;
    public static final int RLIMIT_DATA = 2;
    public static final int RLIMIT_STACK = 3;
    public static final int RLIMIT_CORE = 4;
    public static final int RLIMIT_NOFILE = 5;
    public static final int RLIMIT_VMEM = 6;
    public static final int RLIM_NLIMITS = 7;
    /** No limit. */
    public static final long RLIM_INFINITY = Long.MAX_VALUE;

    /** ulimit(2) commands; sizes in 512-byte blocks. */
    public static final int UL_GETFSIZE = 1;
    public static final int UL_SETFSIZE = 2;
}
