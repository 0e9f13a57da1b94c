package sprocket.api.sys;

/**
 * IRIX {@code <sys/prctl.h>}: prctl(2) options, the sproc(2) share mask and flags, blockproc(2) limits and the layout
 * of the process data area (PRDA), with IRIX's values.
 */
public final class Prctl {
    // ---- prctl(2) options
    /** The most processes the caller's user may have (maxuprc). */
    public static final int PR_MAXPROCS = 1;
    /** Whether process {@code arg} (0: the caller) is blocked (blockproc(2)): 1 or 0. */
    public static final int PR_ISBLOCKED = 2;
    /** Sets the caller's maximum stack size (RLIMIT_STACK's soft value); returns the new size. */
    public static final int PR_SETSTACKSIZE = 3;
    /** The caller's maximum stack size. */
    public static final int PR_GETSTACKSIZE = 4;
    /** The number of CPUs the caller may run on. */
    public static final int PR_MAXPPROCS = 5;
    /** Process {@code arg} is unblocked (unblockproc(2)) when the caller execs or exits. */
    public static final int PR_UNBLKONEXEC = 6;
    /** The signal every other member of the caller's share group gets when a member exits (0: none). */
    public static final int PR_SETEXITSIG = 8;
    /** The caller's children get SIGHUP when the caller exits. */
    public static final int PR_TERMCHILD = 12;
    /**
     * The share mask of process {@code arg} (0: the caller) ANDed with the caller's; EINVAL when either is outside a
     * share group or they are in different ones.
     */
    public static final int PR_GETSHMASK = 13;
    /** The number of processes in the caller's share group (0 outside any). */
    public static final int PR_GETNSHARE = 14;
    /** Prepares the caller for POSIX threads (the threads library calls it); sproc(2) then fails with EPERM. */
    public static final int PR_INIT_THREADS = 20;

    // ---- sproc(2) share mask
    /** Set in a share group member's mask: it was made by sproc(2). */
    public static final int PR_SPROC = 0x01;
    /** The open file table is kept synchronized. */
    public static final int PR_SFDS = 0x02;
    /** The current and root directories are kept synchronized. */
    public static final int PR_SDIR = 0x04;
    /** The file creation mask is kept synchronized. */
    public static final int PR_SUMASK = 0x08;
    /** The file size limit is kept synchronized. */
    public static final int PR_SULIMIT = 0x10;
    /** The real and effective user and group ids are kept synchronized. */
    public static final int PR_SID = 0x20;
    /** The whole virtual space but the PRDA is shared. */
    public static final int PR_SADDR = 0x40;
    /** Everything that can be shared. */
    public static final int PR_SALL = 0x7f;
    /** Set in the mask of a process using POSIX threads (PR_INIT_THREADS). */
    public static final int PR_THREADS = 0x80;

    // ---- sproc(2) flags
    /** The flag bits of sproc's {@code inh}. */
    public static final int PR_FLAGMASK = 0xff000000;
    /** The caller blocks (blockproc(2)) after a successful sproc. */
    public static final int PR_BLOCK = 0x01000000;
    /** The child does not join the C library arena: a flag for the C library's sproc, which the kernel ignores. */
    public static final int PR_NOLIBC = 0x02000000;

    // ---- blockproc(2)
    /** The largest block count setblockproccnt(2) accepts. */
    public static final int PR_MAXBLOCKCNT = 10000;
    /** The smallest block count setblockproccnt(2) accepts. */
    public static final int PR_MINBLOCKCNT = -10000;

    // ---- the process data area
    /** The fixed virtual address of every process's PRDA, one page private to the process. */
    public static final long PRDA = 0x0020_0000L;
    /** prda_sys.t_pid: the process's pid, filled in by the kernel. */
    public static final long T_PID = PRDA + 0xe00;
    /** prda_sys.t_rpid: the pid again (IRIX's thread id field). */
    public static final long T_RPID = PRDA + 0xe40;
    /** prda_sys.t_cpu: the CPU the process ran on when the PRDA was filled. */
    public static final long T_CPU = PRDA + 0xe68;
    /** The C library's part of the PRDA (prda_lib, 256 bytes): the per-process errno of a share group member lives here. */
    public static final long PRDA_LIB = PRDA + 0xe80;
    /** The part left to the program (usr_prda, 128 bytes). */
    public static final long PRDA_USR = PRDA + 0xf80;

    private Prctl() {
    }
}
