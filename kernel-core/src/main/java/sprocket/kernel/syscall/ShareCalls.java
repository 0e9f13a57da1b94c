package sprocket.kernel.syscall;

import static sprocket.api.sys.Prctl.PR_MAXBLOCKCNT;
import static sprocket.api.sys.Prctl.PR_MINBLOCKCNT;
import static sprocket.kernel.signal.Signals.INIT_PID;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.sys.Clone;
import sprocket.api.sys.Layout;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.SprocEntry;
import sprocket.api.vm.AddressSpace;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.lifecycle.Fork;
import sprocket.kernel.proc.Cred;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.proc.Shaddr;
import sprocket.kernel.share.ProcBlock;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.stats.Stats;

/** sproc(2), sprocsp(2), prctl(2) and blockproc(2) with its relatives, as the IRIX manual pages give them. */
@Singleton
final class ShareCalls {
    /** sprocsp(2): "EINVAL: sp was null and len was less than 8192". */
    static final long MIN_SPROC_STACK = 8192;
    private final Engine engine;
    private final ProcTable table;
    private final Fork fork;
    private final UserEntry userEntry;
    private final ProcBlock blocking;
    private final ShareGroups shares;
    private final Stats.Count sprocs;

    @Inject
    ShareCalls(Engine engine, ProcTable table, Fork fork, UserEntry userEntry, ProcBlock blocking,
            ShareGroups shares, Stats stats) {
        this.engine = engine;
        this.table = table;
        this.fork = fork;
        this.userEntry = userEntry;
        this.blocking = blocking;
        this.shares = shares;
        this.sprocs = stats.counter("sprocs");
    }

    int sproc(Proc p, SprocEntry entry, int inh, long arg) {
        // sproc(2): "sproc is equivalent to calling sprocsp with the sp argument set to NULL and the len argument
        // set to the rlim_cur value of the resource limit RLIMIT_STACK".
        return create(p, entry, inh & ~Shaddr.SHARE_SIGHAND, arg, 0, p.limits.cur(Rlimit.RLIMIT_STACK));
    }

    int sprocsp(Proc p, SprocEntry entry, int inh, long arg, long sp, long len) {
        return create(p, entry, inh & ~Shaddr.SHARE_SIGHAND, arg, sp, len);
    }

    /** clone(2) mapped onto share groups: which flag becomes which share bit is docs/share-groups.md's table. */
    int clone(Proc p, ProcessEntry fn, long childStack, int flags) {
        int known = Clone.CSIGNAL | Clone.CLONE_VM | Clone.CLONE_FS | Clone.CLONE_FILES | Clone.CLONE_SIGHAND;
        // clone(2): "EINVAL: CLONE_SIGHAND was specified in the flags mask, but CLONE_VM was not."
        if ((flags & ~known) != 0 || (flags & Clone.CSIGNAL) != Signals.SIGCHLD
                || ((flags & Clone.CLONE_SIGHAND) != 0 && (flags & Clone.CLONE_VM) == 0)) {
            return fail(p, Errno.EINVAL);
        }
        if (fn == null) return fail(p, Errno.EFAULT);
        if ((flags & ~Clone.CSIGNAL) == 0) {
            // Nothing shared: a fork, in no share group, whatever stack was given.
            Proc child = fork.fork(p, fn, false);
            userEntry.start(child, p);
            return child.pid;
        }
        int inh = Prctl.PR_NOLIBC;
        if ((flags & Clone.CLONE_VM) != 0) inh |= Prctl.PR_SADDR;
        if ((flags & Clone.CLONE_FILES) != 0) inh |= Prctl.PR_SFDS;
        if ((flags & Clone.CLONE_FS) != 0) inh |= Prctl.PR_SDIR | Prctl.PR_SUMASK;
        if ((flags & Clone.CLONE_SIGHAND) != 0) inh |= Shaddr.SHARE_SIGHAND;
        return create(p, (s, arg, len) -> fn.run(s), inh, 0, childStack, p.limits.cur(Rlimit.RLIMIT_STACK));
    }

    private int create(Proc p, SprocEntry entry, int inh, long arg, long sp, long len) {
        if (entry == null) return fail(p, Errno.EFAULT);
        int r = member(p, entry, inh, arg, sp, len);
        // PR_BLOCK: "causes the calling process to be blocked before returning from a successful call".
        if ((inh & Prctl.PR_BLOCK) != 0) blocking.block(p);
        return r;
    }

    /**
     * sproc(2) and sprocsp(2) by the running process {@code parent}: a new member of its share group (formed now if
     * there is none), sharing {@code inh}'s resources as far as the parent does. Returns the child's pid; throws
     * ErrnoException, having undone what it did, checked in the manual's order of concern: EINVAL, EPERM, EAGAIN,
     * ENOMEM. The C library arena and its ENOSPC are the C library's (its sproc wrapper), so PR_NOLIBC asks nothing
     * of the kernel.
     */
    private int member(Proc parent, SprocEntry entry, int inh, long arg, long sp, long len) {
        if (sp == 0 && len < MIN_SPROC_STACK) throw ErrnoException.of(Errno.EINVAL);
        if ((parent.shmask & Prctl.PR_THREADS) != 0) throw ErrnoException.of(Errno.EPERM);
        Shaddr group = parent.shaddr();
        if (sp == 0 && len > procsizeMax(parent) - parent.space.virtualSize()) {
            throw ErrnoException.of(Errno.ENOMEM); // sproc(2): the group would grow past {PROCSIZE_MAX}
        }
        Proc child = table.allocate(parent.cred, parent.sys);
        boolean formed = group == null;
        if (formed) group = shares.form(parent);
        int mask = (inh & parent.shmask & Shaddr.SHAREABLE) | Prctl.PR_SPROC;
        Cpu cpu = parent.cpu();
        AddressSpace space = null;
        long top;
        shares.updateBegin(parent);
        try {
            space = (mask & Prctl.PR_SADDR) != 0 ? parent.space.share(cpu.id) : parent.space.fork(cpu.id);
            top = sp == 0 ? space.newStack(cpu.id, len, parent.limits.cur(Rlimit.RLIMIT_STACK)) : sp & ~7L;
        } catch (ErrnoException e) {
            if (space != null) space.destroy(cpu.id);
            table.free(child);
            if (formed) shares.leave(parent);
            throw e;
        } finally {
            shares.updateEnd(parent);
        }
        child.stackPointer = top;
        long stksize = len;
        fork.inherit(parent, child, space, sys -> entry.run(sys, arg, stksize));
        child.exitSignal = parent.exitSignal;
        shares.join(group, child, mask);
        sprocs.increment();
        userEntry.start(child, parent);
        return child.pid;
    }

    /**
     * {PROCSIZE_MAX}, the most a share group's space may reach: RLIMIT_VMEM, and never more than user space holds,
     * since RLIMIT_VMEM is unlimited by default and the margins new stacks claim would otherwise only be given up.
     */
    private static long procsizeMax(Proc p) {
        return Math.min(p.limits.cur(Rlimit.RLIMIT_VMEM), Layout.USER_END);
    }

    // ---- blockproc(2)

    static final int BLOCK = 0;
    static final int UNBLOCK = 1;
    static final int SET = 2;

    int procblk(Proc p, int action, int pid, int count, boolean all) {
        if (action == SET && (count > PR_MAXBLOCKCNT || count < PR_MINBLOCKCNT)) {
            return fail(p, Errno.EINVAL);
        }
        Proc q = pid == p.pid ? p : table.get(pid);
        if (q == null) return fail(p, Errno.ESRCH);
        int error = 0;
        if (all && q.shaddr() != null) {
            for (Proc m : q.shaddr().members) {
                int e = blk(p, m, action, count);
                if (e != 0) error = e;
            }
        } else {
            error = blk(p, q, action, count);
        }
        return error == 0 ? 0 : fail(p, error);
    }

    private int blk(Proc p, Proc q, int action, int count) {
        if (!q.alive()) return 0; // a member that is exiting: nothing to block
        if (q != p && !canBlock(p, q)) return Errno.EPERM;
        // init is never blocked, not even by root: a blocked init could never reap orphans nor end the system (as it
        // cannot be stopped or killed by a signal it does not catch). Its count is not anybody's to change.
        if (q.pid == INIT_PID) return Errno.EPERM;
        switch (action) {
            case BLOCK -> blocking.block(q);
            case UNBLOCK -> blocking.unblock(q, 1);
            default -> blocking.set(q, count);
        }
        return 0;
    }

    /**
     * IRIX's rule for blocking another process: the caller's real or effective uid matches the target's effective or
     * saved uid, or the caller is root. A target sharing ids is judged by its group's copy, which it may not have
     * picked up yet.
     */
    static boolean canBlock(Proc caller, Proc target) {
        Cred t = target.cred;
        if (target.shaddr() != null && (target.shmask & Prctl.PR_SID) != 0) t = target.shaddr().copiedCred();
        Cred c = caller.cred;
        return c.root() || c.euid() == t.euid() || c.ruid() == t.euid() || c.euid() == t.suid()
                || c.ruid() == t.suid();
    }

    // ---- prctl(2)

    long prctl(Proc p, int option, long arg) {
        return switch (option) {
            case Prctl.PR_MAXPROCS -> table.maxUprc;
            case Prctl.PR_MAXPPROCS -> Long.bitCount(p.affinity() & engine.allCpus());
            case Prctl.PR_ISBLOCKED -> isBlocked(p, arg);
            case Prctl.PR_GETSTACKSIZE -> p.limits.cur(Rlimit.RLIMIT_STACK);
            case Prctl.PR_SETSTACKSIZE -> setStackSize(p, arg);
            case Prctl.PR_UNBLKONEXEC -> unblockOnExec(p, arg);
            case Prctl.PR_SETEXITSIG -> setExitSignal(p, arg);
            case Prctl.PR_TERMCHILD -> {
                p.termChild = true;
                yield 0;
            }
            case Prctl.PR_GETSHMASK -> shareMask(p, arg);
            case Prctl.PR_GETNSHARE -> p.shaddr() == null ? 0 : p.shaddr().members.size();
            case Prctl.PR_INIT_THREADS -> initThreads(p);
            default -> throw ErrnoException.of(Errno.EINVAL);
        };
    }

    private long isBlocked(Proc p, long pid) {
        Proc q = pid == 0 || pid == p.pid ? p : table.get((int) pid);
        if (q == null) throw ErrnoException.of(Errno.ESRCH);
        if (q != p && !canBlock(p, q)) throw ErrnoException.of(Errno.EPERM);
        return ProcBlock.isBlocked(q) ? 1 : 0;
    }

    /** PR_SETSTACKSIZE sets both limits of RLIMIT_STACK, as IRIX's setrlimit does for it: raising needs root. */
    private static long setStackSize(Proc p, long value) {
        if (value < 0) throw ErrnoException.of(Errno.EINVAL);
        int s = Rlimit.RLIMIT_STACK;
        if (value > p.limits.max(s) && !p.cred.root()) throw ErrnoException.of(Errno.EPERM);
        p.limits = p.limits.with(s, value, value);
        return value;
    }

    private long unblockOnExec(Proc p, long pid) {
        if (pid == 0 || pid == p.pid) throw ErrnoException.of(Errno.EINVAL);
        Proc q = table.get((int) pid);
        if (q == null) throw ErrnoException.of(Errno.ESRCH);
        if (!canBlock(p, q)) throw ErrnoException.of(Errno.EPERM);
        if (p.unblockOnExec != 0) throw ErrnoException.of(Errno.EINVAL); // one unblock-on-exec process at a time
        p.unblockOnExec = q.pid;
        return 0;
    }

    /** PR_SETEXITSIG: in a share group the setting is every member's. */
    private static long setExitSignal(Proc p, long sig) {
        if (sig < 0 || sig >= Signals.NSIG) throw ErrnoException.of(Errno.EINVAL);
        if (p.shaddr() == null) {
            p.exitSignal = (int) sig;
        } else {
            for (Proc m : p.shaddr().members) m.exitSignal = (int) sig;
        }
        return 0;
    }

    private long shareMask(Proc p, long pid) {
        if (p.shaddr() == null) throw ErrnoException.of(Errno.EINVAL);
        if (pid == 0 || pid == p.pid) return p.shmask & Prctl.PR_SALL;
        Proc q = table.get((int) pid);
        if (q == null) throw ErrnoException.of(Errno.ESRCH);
        if (q.shaddr() == null) throw ErrnoException.of(Errno.EINVAL);
        if (!canBlock(p, q)) throw ErrnoException.of(Errno.EPERM);
        if (q.shaddr() != p.shaddr()) throw ErrnoException.of(Errno.EINVAL); // only a member of the caller's own group
        return q.shmask & p.shmask & Prctl.PR_SALL;
    }

    private static long initThreads(Proc p) {
        if ((p.shmask & Prctl.PR_SPROC) != 0) throw ErrnoException.of(Errno.EINVAL);
        p.shmask |= Prctl.PR_THREADS;
        return 0;
    }
}
