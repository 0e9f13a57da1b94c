package sprocket.api.sys;

/** sysconf(3C) names, with IRIX's values. */
public final class Sysconf {
    public static final int _SC_ARG_MAX = 1;
    public static final int _SC_CHILD_MAX = 2;
    public static final int _SC_CLK_TCK = 3;
    public static final int _SC_NGROUPS_MAX = 4;
    public static final int _SC_OPEN_MAX = 5;
    public static final int _SC_PAGESIZE = 11;
    public static final int _SC_NPROC_CONF = 14;
    public static final int _SC_NPROC_ONLN = 15;

    /** NGROUPS_MAX: the most supplementary groups a process may have (IRIX's, and POSIX's minimum of 8 doubled). */
    public static final int NGROUPS_MAX = 16;

    private Sysconf() {
    }
}
