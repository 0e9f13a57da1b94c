package sprocket.libc;

import sprocket.api.Errno;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.SprocEntry;
import sprocket.api.sys.Sys;
import sprocket.api.sys.UserCpu;

/**
 * sproc(2) and sprocsp(2) as the C library gives them: the system call, plus the C library arena. sproc(2): "a
 * special arena is set up [see usinit(3P)] to hold the locks and semaphores required. Unless the PR_NOLIBC flag is
 * present, the parent will initialize and each child will join the C library arena. Arenas have a configurable
 * maximum number of processes that can join, that is set when the arena is first created."
 *
 * <p>The arena is a {@code /dev/zero} usinit(3P) arena made at the group's first such sproc with the caller's
 * usconfig(3P) values; its address is kept with the C library's other variables ({@link LibcData}). Its first
 * allocation is the member table, one pid per user it admits: the creator, then each child, whose slot the parent
 * reserves (with its own pid) before the system call and fills with the child's pid after. A slot whose process has
 * left the group (exit, exec) is taken back when the table is full, found by prctl(2) PR_GETSHMASK, which fails for a
 * process outside the caller's group, as IRIX's library learns from the file lock a departed member no longer holds.
 * A caller in the table pays no system call to find its arena; others ask prctl whether the table's processes are
 * in their group.
 */
public final class Sproc {
    /** sprocsp(2): "EINVAL: sp was null and len was less than 8192". */
    static final long MIN_STACK = 8192;

    private Sproc() {
    }

    /**
     * sproc(2): {@link Sys#sproc} with the C library arena. Besides the system call's errors: ENOSPC "If the size of
     * the share group exceeds the number of users specified via usconfig(3P) (8 by default). Any changes via
     * usconfig(3P) must be done BEFORE the first sproc is performed." (unless {@code inh} has PR_NOLIBC), and "the
     * possible errors from usinit(3P)" when the arena is made.
     */
    public static int sproc(Sys sys, SprocEntry entry, int inh, long arg) {
        if ((inh & Prctl.PR_NOLIBC) != 0) return sys.sproc(entry, inh, arg);
        long slot = join(sys);
        return slot == 0 ? -1 : filled(sys, slot, sys.sproc(entry, inh, arg));
    }

    /** sprocsp(2): {@link Sys#sprocsp} with the C library arena, as {@link #sproc}. */
    public static int sprocsp(Sys sys, SprocEntry entry, int inh, long arg, long sp, long len) {
        if ((inh & Prctl.PR_NOLIBC) != 0) return sys.sprocsp(entry, inh, arg, sp, len);
        // The call's own first check: a call that cannot succeed makes no arena.
        if (sp == 0 && len < MIN_STACK) return (int) Arena.fail(sys, Errno.EINVAL, -1);
        long slot = join(sys);
        return slot == 0 ? -1 : filled(sys, slot, sys.sprocsp(entry, inh, arg, sp, len));
    }

    /** Puts the child's pid in its reserved slot, or frees the slot when the call failed; returns {@code pid}. */
    private static int filled(Sys sys, long slot, int pid) {
        int errno = sys.errno();
        sys.cpu().store32(slot, pid > 0 ? pid : 0);
        if (pid < 0) sys.errno(errno);
        return pid;
    }

    /**
     * Reserves a slot of the caller's group's C library arena for a new member, making the arena first if the group
     * has none: the slot's address, or 0 with errno set (ENOSPC when the arena has its most users, or usinit's).
     */
    private static long join(Sys sys) {
        UserCpu cpu = sys.cpu();
        int me = sys.getpid();
        long arena = cpu.load64(LibcData.LIBC_ARENA);
        if (!ours(sys, arena, me)) {
            arena = create(sys, me);
            if (arena == 0) return 0;
        }
        int max = cpu.load32(arena + Arena.H_MAX);
        long table = arena + Arena.LINE;
        Ulock.ussetlock(sys, arena + Arena.H_LOCK);
        long slot = free(sys, table, max, me);
        if (slot != 0) cpu.store32(slot, me);
        Ulock.usunsetlock(sys, arena + Arena.H_LOCK);
        return slot != 0 ? slot : Arena.fail(sys, Errno.ENOSPC, 0);
    }

    /**
     * Whether {@code arena} is the C library arena of the caller's group: the caller is in its member table (it made or
     * joined it), or a process in the table is in the caller's group (the caller is a member made with PR_NOLIBC, or
     * one whose slot its parent has not filled in yet). An address inherited across fork(2) names the arena of a group
     * the caller is not in, and fails both.
     */
    private static boolean ours(Sys sys, long arena, int me) {
        if (!Arena.isArena(sys, arena)) return false;
        UserCpu cpu = sys.cpu();
        int max = cpu.load32(arena + Arena.H_MAX);
        if (max < 1 || max > Ulocks.MAX_USERS) return false;
        long table = arena + Arena.LINE;
        for (int i = 0; i < max; i++) {
            if (cpu.load32(table + 4L * i) == me) return true;
        }
        if (sys.prctl(Prctl.PR_GETNSHARE) <= 0) return false;
        for (int i = 0; i < max; i++) {
            int pid = cpu.load32(table + 4L * i);
            if (pid > 0 && sys.prctl(Prctl.PR_GETSHMASK, pid) != -1) return true;
        }
        return false;
    }

    /** A free slot of the member table, taking back those of processes that left the group if there is none. */
    private static long free(Sys sys, long table, int max, int me) {
        UserCpu cpu = sys.cpu();
        for (int i = 0; i < max; i++) {
            if (cpu.load32(table + 4L * i) == 0) return table + 4L * i;
        }
        long found = 0;
        for (int i = 0; i < max; i++) {
            long slot = table + 4L * i;
            int pid = cpu.load32(slot);
            if (pid != me && sys.prctl(Prctl.PR_GETSHMASK, pid) == -1) {
                cpu.store32(slot, 0);
                if (found == 0) found = slot;
            }
        }
        return found;
    }

    /** Makes the group's C library arena, with the caller as its first user, and remembers it; 0 on failure. */
    private static long create(Sys sys, int me) {
        long arena = Arena.usinit(sys, Arena.DEV_ZERO);
        if (arena == 0) return 0;
        int max = sys.cpu().load32(arena + Arena.H_MAX);
        long table = Arena.allocate(sys, arena, 4L * max, false);
        if (table != arena + Arena.LINE) {
            // The arena is too small for its own member table (CONF_INITSIZE against CONF_INITUSERS).
            int errno = table == 0 ? sys.errno() : Errno.EINVAL;
            sys.munmap(arena, sys.cpu().load32(arena + Arena.H_SIZE));
            return Arena.fail(sys, errno, 0);
        }
        sys.cpu().store32(table, me);
        sys.cpu().store64(LibcData.LIBC_ARENA, arena);
        return arena;
    }
}
