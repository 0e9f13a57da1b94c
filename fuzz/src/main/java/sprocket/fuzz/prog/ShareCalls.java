package sprocket.fuzz.prog;

import sprocket.api.Signals;
import sprocket.api.sys.Clone;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.libc.Arena;
import sprocket.libc.Sproc;
import sprocket.libc.Ulock;
import sprocket.libc.Ulocks;
import sprocket.libc.Usema;

/** Share groups and the IRIX arenas: sproc(2), sprocsp(2), clone(2), blockproc(2), and the us* routines of libc. */
final class ShareCalls {
    private final Executor x;

    ShareCalls(Executor x) {
        this.x = x;
    }

    void run(Call c, Args a, String path) {
        Sys sys = x.sys;
        Resources res = x.res;
        switch (c.op()) {
            case SPROC, SPROCSP -> sproc(c, a, path);
            case CLONE -> {
                Resources copy = res.copy();
                int status = a.below(256);
                int flags = a.chance(90) ? a.flags(Clone.CLONE_VM, Clone.CLONE_FS, Clone.CLONE_FILES, Clone.CLONE_SIGHAND)
                        | Signals.SIGCHLD : (int) a.nextLong();
                long stack = a.chance(85) ? 0 : a.addr(8, 8, sys.cpu().stackPointer());
                int pid = sys.clone(s -> {
                    x.child(s, copy).process(c.body(), path + ".");
                    return status;
                }, stack, flags);
                if (pid > 0) res.children.add(pid);
            }
            case BLOCKPROC -> {
                int self = sys.getpid();
                int pid = a.pid(self, sys.getppid());
                switch (a.below(6)) {
                    // A process blocking itself (or its whole group) for good is rarer than the rest.
                    case 0 -> sys.blockproc(pid == self && a.chance(90) ? a.pid(-1, -1) : pid);
                    case 1 -> sys.unblockproc(pid);
                    case 2 -> sys.setblockproccnt(pid, a.chance(85) ? a.below(5) - 1 : a.oneOf(-10_001, 10_001));
                    case 3 -> sys.unblockprocall(pid);
                    case 4 -> sys.setblockproccntall(pid, a.chance(85) ? a.below(3) : a.oneOf(-1, 10_001));
                    default -> {
                        int p = a.pid(-1, -1);
                        if (p != self || a.chance(10)) sys.blockprocall(p);
                    }
                }
            }
            case USINIT -> {
                if (a.chance(25)) {
                    Arena.usconfig(sys, a.oneOf(Ulocks.CONF_INITUSERS, Ulocks.CONF_INITSIZE, Ulocks.CONF_GETUSERS,
                            Ulocks.CONF_GETSIZE, 0, 99), a.chance(80) ? a.oneOf(8L, 4096L, 65_536L, 16L) : a.nextLong());
                    return;
                }
                long arena = Arena.usinit(sys, a.chance(50) ? Arena.DEV_ZERO : a.chance(80) ? "/tmp/m0" : a.path());
                if (arena != 0 && arena != -1) {
                    res.arenas.add(arena);
                    res.map(arena, 4096);
                }
            }
            case USLOCK -> {
                long lock = handle(a, res.locks, 4);
                switch (a.below(5)) {
                    case 0 -> {
                        long l = Ulock.usnewlock(sys, handle(a, res.arenas, 8));
                        if (l != 0) res.locks.add(l);
                    }
                    case 1 -> Ulock.uscsetlock(sys, lock, a.chance(90) ? 1 + a.below(100) : a.oneOf(0, -1));
                    case 2 -> Ulock.usunsetlock(sys, lock);
                    case 3 -> Ulock.ustestlock(sys, lock);
                    // ussetlock waits for good on a lock left taken: rarely, and only on a lock the process made.
                    default -> {
                        if (!res.locks.isEmpty() && a.chance(30)) Ulock.ussetlock(sys, lock);
                    }
                }
            }
            case USSEMA -> {
                long sema = handle(a, res.semas, 8);
                switch (a.below(4)) {
                    case 0 -> {
                        long s = Usema.usnewsema(sys, handle(a, res.arenas, 8), a.chance(85) ? a.below(3)
                                : a.oneOf(-1, 30_001));
                        if (s != 0) res.semas.add(s);
                    }
                    case 1 -> Usema.uscpsema(sys, sema);
                    case 2 -> Usema.usvsema(sys, sema);
                    default -> {
                        if (a.chance(40)) Usema.uspsema(sys, sema);
                    }
                }
            }
            default -> throw new IllegalArgumentException(c.op().name());
        }
    }

    /**
     * A handle for a us* routine: one of {@code known} mostly; else an address on the stack (not an arena, lock or
     * semaphore: EINVAL, or what the routine makes of the bytes there), rarely an unmapped one (SIGSEGV, as in C).
     */
    private long handle(Args a, java.util.List<Long> known, int align) {
        if (!known.isEmpty() && a.chance(85)) return a.oneOf(known);
        return a.addr(align, align, x.sys.cpu().stackPointer(), 90);
    }

    private void sproc(Call c, Args a, String path) {
        Sys sys = x.sys;
        Resources copy = x.res.copy();
        int status = a.below(256);
        int inh = a.chance(90) ? a.flags(Prctl.PR_SADDR, Prctl.PR_SFDS, Prctl.PR_SDIR, Prctl.PR_SUMASK,
                Prctl.PR_SULIMIT, Prctl.PR_SID) : (int) a.nextLong();
        if (a.chance(50)) inh |= Prctl.PR_SADDR;
        if (a.chance(8)) inh |= Prctl.PR_BLOCK;
        if (a.chance(30)) inh |= Prctl.PR_NOLIBC;
        long arg = a.nextLong();
        boolean library = a.chance(50);
        sprocket.api.sys.SprocEntry entry = (s, ar, len) -> {
            x.child(s, copy).process(c.body(), path + ".");
            return status;
        };
        int pid;
        if (c.op() == Op.SPROC) {
            pid = library ? Sproc.sproc(sys, entry, inh, arg) : sys.sproc(entry, inh, arg);
        } else {
            long sp = a.chance(70) ? 0 : a.addr(8, 8, sys.cpu().stackPointer());
            long len = a.chance(80) ? 8192L * (1 + a.below(16)) : a.oneOf(0L, -1L, 4096L, 256L << 20, Long.MAX_VALUE);
            pid = library ? Sproc.sprocsp(sys, entry, inh, arg, sp, len) : sys.sprocsp(entry, inh, arg, sp, len);
        }
        if (pid > 0) x.res.children.add(pid);
    }
}
