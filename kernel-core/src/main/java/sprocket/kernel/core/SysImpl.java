package sprocket.kernel.core;

import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.VnodeResult;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeResult;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.ProcessEntry;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;

import static sprocket.api.Signals.SIGALRM;
import static sprocket.api.Signals.SIGKILL;
import static sprocket.api.Signals.SIGSEGV;
import static sprocket.api.Signals.SIGSTOP;
import static sprocket.api.Signals.valid;

/**
 * The system call layer: every call enters the kernel (its cost, the kernel lock the configuration asks for),
 * does what its manual page says, and returns to user mode (where preemption and signals happen). A call acts for
 * the running process, whichever {@code Sys} reference made it.
 */
@Singleton
final class SysImpl implements Sys {
    /** uids above this are invalid (IRIX's MAXUID). */
    static final int MAXUID = 60002;
    static final int ARG_MAX = 5120;

    private final Engine engine;
    private final ProcTable table;
    private final Signals signals;
    private final Lazy<Lifecycle> lifecycle;
    private final Locks locks;
    private final FileSystem fs;
    private final Ipc ipc;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final KernelTunables tunables;
    private final long syscallCost;
    private final long memoryCost;
    private final long copyWordCost;
    private final long clockHz;
    private final Stats.CounterImpl syscalls;

    @Inject
    SysImpl(Engine engine, ProcTable table, Signals signals, Lazy<Lifecycle> lifecycle, Locks locks, FileSystem fs,
            Ipc ipc, KernelTunables tunables, Stats stats) {
        this.engine = engine;
        this.table = table;
        this.signals = signals;
        this.lifecycle = lifecycle;
        this.locks = locks;
        this.fs = fs;
        this.ipc = ipc;
        this.mmu = engine.machine.mmu();
        this.memory = engine.machine.memory();
        this.tunables = tunables;
        this.syscallCost = engine.costs.syscall();
        this.memoryCost = engine.costs.memoryAccess();
        this.copyWordCost = engine.costs.copyWord();
        this.clockHz = engine.machine.description().clockHz();
        this.syscalls = (Stats.CounterImpl) stats.counter("syscalls");
    }

    // ---- entering and leaving the kernel

    private Proc enter(Locks.Area area) {
        Proc p = engine.running;
        if (p == null) throw new IllegalStateException("a system call was made outside a simulated process");
        if (p.exiting) throw ProcessExit.INSTANCE;
        Cpu c = p.cpu;
        c.now += syscallCost;
        syscalls.value++;
        p.inKernel = true;
        KernelLock l = locks.lockFor(area);
        if (l != null) {
            c.now += l.acquire(c.id, c.now);
            p.heldLock = l;
        }
        return p;
    }

    private void leave(Proc p) {
        KernelLock l = p.heldLock;
        if (l != null) {
            p.cpu.now += l.release(p.cpu.id, p.cpu.now);
            p.heldLock = null;
        }
        p.inKernel = false;
        if (p.exiting) return;
        if (p.cpu.now >= p.cpu.limit) {
            engine.preemptionPoint(p);
        } else if ((p.pending & ~p.blocked) != 0) {
            signals.check(p);
        }
    }

    private static int fail(Proc p, int errno) {
        p.errno = errno;
        return -1;
    }

    /** A provider's negative-errno result: the value itself, or -1 with errno set. */
    private static long result(Proc p, long r) {
        if (r < 0) {
            p.errno = (int) -r;
            return -1;
        }
        return r;
    }

    private Proc user() {
        Proc p = engine.running;
        if (p == null) throw new IllegalStateException("memory was touched outside a simulated process");
        if (p.exiting) throw ProcessExit.INSTANCE;
        return p;
    }

    private static Lookup lookup(Proc p) {
        return new Lookup(p.cwd, p.root, Lifecycle.credentials(p));
    }

    // ---- errno

    @Override
    public int errno() {
        return user().errno;
    }

    @Override
    public void errno(int value) {
        user().errno = value;
    }

    // ---- processes

    @Override
    public int fork(ProcessEntry child) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (child == null) return fail(p, Errno.EINVAL);
            int r = lifecycle.get().fork(p, child);
            return r < 0 ? fail(p, -r) : r;
        } finally {
            leave(p);
        }
    }

    @Override
    public int execve(String path, String[] argv, String[] envp) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (path == null || argv == null) return fail(p, Errno.EFAULT);
            int size = 0;
            for (String a : argv) size += a == null ? 0 : a.length() + 1;
            if (envp != null) for (String e : envp) size += e == null ? 0 : e.length() + 1;
            if (size > ARG_MAX) return fail(p, Errno.E2BIG);
            VnodeResult v = fs.lookup(lookup(p), path);
            if (v.errno() != 0) return fail(p, v.errno());
            Stat st = fs.stat(v.vnode());
            if (st.type() != FileMode.S_IFREG) return fail(p, Errno.EACCES);
            int denied = fs.access(v.vnode(), Lifecycle.credentials(p), Fcntl.X_OK);
            if (denied != 0) return fail(p, denied);
            OpenResult o = fs.open(lookup(p), path, Fcntl.O_RDONLY, 0);
            if (o.errno() != 0) return fail(p, o.errno());
            byte[] head = new byte[128];
            int n = o.file().read(head, 0, head.length);
            o.file().release();
            String name = n > 0 ? Programs.parse(head, n) : null;
            if (name == null) return fail(p, Errno.ENOEXEC);
            int r = lifecycle.get().exec(p, name, argv.clone(), envp == null ? new String[0] : envp.clone());
            if (r < 0) return fail(p, -r);
        } finally {
            leave(p);
        }
        throw ExecUnwind.INSTANCE;
    }

    @Override
    public String[] environ() {
        return user().envp.clone();
    }

    @Override
    public void exit(int status) {
        Proc p = enter(Locks.Area.PROC);
        try {
            lifecycle.get().exit(p, sprocket.api.sys.Wait.exited(status));
        } finally {
            leave(p);
        }
    }

    @Override
    public int waitpid(int pid, int[] status, int options) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if ((options & ~(sprocket.api.sys.Wait.WNOHANG | sprocket.api.sys.Wait.WUNTRACED)) != 0) {
                return fail(p, Errno.EINVAL);
            }
            int r = lifecycle.get().waitpid(p, pid, status, options);
            return r < 0 ? fail(p, -r) : r;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getpid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.pid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getppid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.parent == null ? 0 : p.parent.pid;
        } finally {
            leave(p);
        }
    }

    // ---- process groups and sessions (setpgid(2), setsid(2))

    @Override
    public int setpgid(int pid, int pgid) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (pgid < 0 || pid < 0) return fail(p, Errno.EINVAL);
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null || !t.alive() || (t != p && t.parent != p)) return fail(p, Errno.ESRCH);
            if (t != p && t.execed) return fail(p, Errno.EACCES);
            if (t.sid == t.pid) return fail(p, Errno.EPERM);
            if (t != p && t.sid != p.sid) return fail(p, Errno.EPERM);
            int g = pgid == 0 ? t.pid : pgid;
            if (g != t.pid && !groupInSession(g, t.sid)) return fail(p, Errno.EPERM);
            t.pgid = g;
            return 0;
        } finally {
            leave(p);
        }
    }

    private boolean groupInSession(int pgid, int sid) {
        for (Proc q : table.all()) {
            if (q.alive() && q.pgid == pgid && q.sid == sid) return true;
        }
        return false;
    }

    @Override
    public int getpgrp() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.pgid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getpgid(int pid) {
        Proc p = enter(Locks.Area.PROC);
        try {
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null) return fail(p, Errno.ESRCH);
            return t.pgid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int setsid() {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (p.pgid == p.pid) return fail(p, Errno.EPERM);
            for (Proc q : table.all()) {
                if (q != p && q.alive() && q.pgid == p.pid) return fail(p, Errno.EPERM);
            }
            p.sid = p.pid;
            p.pgid = p.pid;
            return p.sid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getsid(int pid) {
        Proc p = enter(Locks.Area.PROC);
        try {
            Proc t = pid == 0 ? p : table.get(pid);
            if (t == null) return fail(p, Errno.ESRCH);
            return t.sid;
        } finally {
            leave(p);
        }
    }

    // ---- credentials (setuid(2))

    @Override
    public int getuid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.ruid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int geteuid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.euid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getgid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.rgid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int getegid() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.egid;
        } finally {
            leave(p);
        }
    }

    @Override
    public int setuid(int uid) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (uid < 0 || uid > MAXUID) return fail(p, Errno.EINVAL);
            if (p.euid == 0) {
                // setuid(2): "If the effective user ID of the calling process is super-user, the real user ID,
                // effective user ID, and saved set-user ID are set to uid."
                table.changeUid(p, p.ruid, uid);
                p.ruid = uid;
                p.euid = uid;
                p.suid = uid;
            } else if (uid == p.ruid || uid == p.suid) {
                p.euid = uid;
            } else {
                return fail(p, Errno.EPERM);
            }
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int setgid(int gid) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (gid < 0 || gid > MAXUID) return fail(p, Errno.EINVAL);
            if (p.euid == 0) {
                p.rgid = gid;
                p.egid = gid;
                p.sgid = gid;
            } else if (gid == p.rgid || gid == p.sgid) {
                p.egid = gid;
            } else {
                return fail(p, Errno.EPERM);
            }
            return 0;
        } finally {
            leave(p);
        }
    }

    // ---- signals

    @Override
    public int kill(int pid, int sig) {
        Proc p = enter(Locks.Area.PROC);
        try {
            if (sig != 0 && !valid(sig)) return fail(p, Errno.EINVAL);
            if (pid > 0) {
                Proc t = table.get(pid);
                if (t == null) return fail(p, Errno.ESRCH);
                if (!Signals.maySignal(p, t)) return fail(p, Errno.EPERM);
                if (sig != 0) signals.post(t, sig);
                return 0;
            }
            int group = pid == 0 ? p.pgid : -pid;
            boolean found = false;
            boolean permitted = false;
            for (Proc t : table.all().toArray(new Proc[0])) {
                if (!t.alive()) continue;
                if (pid == -1) {
                    // kill(2): -1 means every process but the system's own (init) that the sender may signal.
                    if (t.pid == Lifecycle.INIT_PID) continue;
                } else if (t.pgid != group) {
                    continue;
                }
                found = true;
                if (!Signals.maySignal(p, t)) continue;
                permitted = true;
                if (sig != 0) signals.post(t, sig);
            }
            if (!found) return fail(p, Errno.ESRCH);
            if (!permitted) return fail(p, Errno.EPERM);
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public SignalHandler signal(int sig, SignalHandler handler) {
        Sigaction[] old = new Sigaction[1];
        if (sigaction(sig, Sigaction.of(handler), old) < 0) return null;
        return old[0].handler();
    }

    @Override
    public int sigaction(int sig, Sigaction act, Sigaction[] old) {
        Proc p = enter(Locks.Area.NONE);
        try {
            if (!valid(sig)) return fail(p, Errno.EINVAL);
            if (act != null && act.handler() == null) return fail(p, Errno.EFAULT);
            if (act != null && (sig == SIGKILL || sig == SIGSTOP) && act.handler() != SignalHandler.DEFAULT) {
                return fail(p, Errno.EINVAL);
            }
            if (old != null && old.length > 0) old[0] = p.actions[sig];
            if (act != null) {
                p.actions[sig] = act;
                // signal(2): setting a signal to SIG_IGN discards a pending instance of it.
                if (act.handler() == SignalHandler.IGNORE) p.pending &= ~sprocket.api.Signals.bit(sig);
            }
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int sigprocmask(int how, int set, int[] old) {
        Proc p = enter(Locks.Area.NONE);
        try {
            if (old != null && old.length > 0) old[0] = p.blocked;
            switch (how) {
                case Sigaction.SIG_BLOCK -> p.blocked |= set;
                case Sigaction.SIG_UNBLOCK -> p.blocked &= ~set;
                case Sigaction.SIG_SETMASK -> p.blocked = set;
                case Sigaction.SIG_NOP -> { }
                default -> {
                    return fail(p, Errno.EINVAL);
                }
            }
            p.blocked &= ~(Signals.UNMASKABLE | 1);
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int sigpending() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.pending & p.blocked;
        } finally {
            leave(p);
        }
    }

    @Override
    public int pause() {
        Proc p = enter(Locks.Area.NONE);
        try {
            Object forever = new Object();
            while (engine.sleep(forever, true) == 0) {
                // only a signal ends a pause
            }
            return fail(p, Errno.EINTR);
        } finally {
            leave(p);
        }
    }

    @Override
    public int alarm(int seconds) {
        Proc p = enter(Locks.Area.NONE);
        try {
            long now = p.cpu.now;
            int left = 0;
            if (p.alarm != null && !p.alarm.cancelled) {
                left = (int) Math.max(1, ceilDiv(p.alarm.time - now, clockHz));
                engine.events.cancel(p.alarm);
            }
            p.alarm = null;
            if (seconds > 0) {
                p.alarm = engine.callout(now + seconds * clockHz, () -> {
                    p.alarm = null;
                    signals.post(p, SIGALRM);
                });
            }
            return left;
        } finally {
            leave(p);
        }
    }

    @Override
    public int sleep(int seconds) {
        if (seconds <= 0) return 0;
        Proc p = enter(Locks.Area.NONE);
        try {
            long end = p.cpu.now + seconds * clockHz;
            long left = timedSleep(p, end);
            return (int) ceilDiv(left, clockHz);
        } finally {
            leave(p);
        }
    }

    @Override
    public int nanosleep(long nanoseconds) {
        Proc p = enter(Locks.Area.NONE);
        try {
            if (nanoseconds < 0 || nanoseconds >= 1_000_000_000_000_000L) return fail(p, Errno.EINVAL);
            long cycles = Math.multiplyHigh(nanoseconds, clockHz) == 0
                    ? nanoseconds * clockHz / 1_000_000_000L : nanoseconds / 1_000_000_000L * clockHz;
            long left = timedSleep(p, p.cpu.now + cycles);
            return left > 0 ? fail(p, Errno.EINTR) : 0;
        } finally {
            leave(p);
        }
    }

    /** Sleeps until {@code end} or a signal; returns the cycles left unslept. */
    private long timedSleep(Proc p, long end) {
        Object channel = new Object();
        Event timer = engine.callout(end, () -> engine.wakeup(channel));
        int r = engine.sleep(channel, true);
        if (r == 0) return 0;
        engine.events.cancel(timer);
        return Math.max(0, end - p.cpu.now);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    // ---- files

    @Override
    public int open(String path, int flags, int mode) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) return fail(p, Errno.EFAULT);
            int fd = p.fds.lowestFree(0);
            if (fd < 0) return fail(p, Errno.EMFILE);
            OpenResult r = fs.open(lookup(p), path, flags, mode);
            if (r.errno() != 0) return fail(p, r.errno());
            p.fds.install(fd, r.file(), false);
            return fd;
        } finally {
            leave(p);
        }
    }

    @Override
    public int close(int fd) {
        Proc p = enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.remove(fd);
            if (f == null) return fail(p, Errno.EBADF);
            f.release();
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int read(int fd, byte[] buf, int off, int len) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            int n = f.read(buf, off, len);
            return n < 0 ? fail(p, -n) : n;
        } finally {
            leave(p);
        }
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            int n = f.write(buf, off, len);
            return n < 0 ? fail(p, -n) : n;
        } finally {
            leave(p);
        }
    }

    @Override
    public long read(int fd, long addr, long len) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            if (!mapped(p, addr, len, Access.WRITE)) return fail(p, Errno.EFAULT);
            byte[] buf = new byte[(int) len];
            int n = f.read(buf, 0, buf.length);
            if (n < 0) return fail(p, -n);
            copyOut(p, buf, n, addr);
            return n;
        } finally {
            leave(p);
        }
    }

    @Override
    public long write(int fd, long addr, long len) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            if (!mapped(p, addr, len, Access.READ)) return fail(p, Errno.EFAULT);
            byte[] buf = copyIn(p, addr, (int) len);
            int n = f.write(buf, 0, buf.length);
            return n < 0 ? fail(p, -n) : n;
        } finally {
            leave(p);
        }
    }

    /** Whether every page of the buffer can be reached for {@code access}, faulting pages in as the copy would. */
    private boolean mapped(Proc p, long addr, long len, Access access) {
        if (len == 0) return true;
        if (addr < 0 || addr + len < addr) return false;
        int page = memory.pageSize();
        for (long a = addr - Math.floorMod(addr, page); a < addr + len; a += page) {
            if (mmu.translate(p.cpu.id, a, access) == Mmu.FAULT) return false;
        }
        return true;
    }

    private byte[] copyIn(Proc p, long addr, int len) {
        byte[] buf = new byte[len];
        int page = memory.pageSize();
        int done = 0;
        while (done < len) {
            long va = addr + done;
            int chunk = (int) Math.min(len - done, page - Math.floorMod(va, page));
            long pa = mmu.translate(p.cpu.id, va, Access.READ);
            memory.read(pa, buf, done, chunk);
            done += chunk;
        }
        engine.charge(copyWordCost * ((len + 3) / 4));
        return buf;
    }

    private void copyOut(Proc p, byte[] buf, int len, long addr) {
        int page = memory.pageSize();
        int done = 0;
        while (done < len) {
            long va = addr + done;
            int chunk = (int) Math.min(len - done, page - Math.floorMod(va, page));
            long pa = mmu.translate(p.cpu.id, va, Access.WRITE);
            memory.write(pa, buf, done, chunk);
            done += chunk;
        }
        engine.charge(copyWordCost * ((len + 3) / 4));
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        Proc p = enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            if (whence < Fcntl.SEEK_SET || whence > Fcntl.SEEK_END) return fail(p, Errno.EINVAL);
            return result(p, f.lseek(offset, whence));
        } finally {
            leave(p);
        }
    }

    @Override
    public int dup(int fd) {
        Proc p = enter(Locks.Area.FILE);
        try {
            return dupFrom(p, fd, 0);
        } finally {
            leave(p);
        }
    }

    private int dupFrom(Proc p, int fd, int lowest) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int nfd = p.fds.lowestFree(lowest);
        if (nfd < 0) return fail(p, Errno.EMFILE);
        f.hold();
        p.fds.install(nfd, f, false);
        return nfd;
    }

    @Override
    public int dup2(int fd, int fd2) {
        Proc p = enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            if (fd2 < 0 || fd2 >= FdTable.NOFILE) return fail(p, Errno.EBADF);
            if (fd == fd2) return fd2;
            OpenFile old = p.fds.remove(fd2);
            if (old != null) old.release();
            f.hold();
            p.fds.install(fd2, f, false);
            return fd2;
        } finally {
            leave(p);
        }
    }

    @Override
    public int fcntl(int fd, int cmd, int arg) {
        Proc p = enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return fail(p, Errno.EBADF);
            switch (cmd) {
                case Fcntl.F_DUPFD -> {
                    if (arg < 0 || arg >= FdTable.NOFILE) return fail(p, Errno.EINVAL);
                    return dupFrom(p, fd, arg);
                }
                case Fcntl.F_GETFD -> {
                    return p.fds.closeOnExec(fd) ? Fcntl.FD_CLOEXEC : 0;
                }
                case Fcntl.F_SETFD -> {
                    p.fds.closeOnExec(fd, (arg & Fcntl.FD_CLOEXEC) != 0);
                    return 0;
                }
                case Fcntl.F_GETFL -> {
                    return f.flags();
                }
                case Fcntl.F_SETFL -> {
                    f.setFlags(arg);
                    return 0;
                }
                default -> {
                    return fail(p, Errno.EINVAL);
                }
            }
        } finally {
            leave(p);
        }
    }

    @Override
    public int pipe(int[] fds) {
        Proc p = enter(Locks.Area.IPC);
        try {
            if (fds == null || fds.length < 2) return fail(p, Errno.EFAULT);
            int r = p.fds.lowestFree(0);
            if (r < 0) return fail(p, Errno.EMFILE);
            PipeResult pr = ipc.pipe();
            if (pr.errno() != 0) return fail(p, pr.errno());
            p.fds.install(r, pr.readEnd(), false);
            int w = p.fds.lowestFree(0);
            if (w < 0) {
                p.fds.remove(r);
                pr.readEnd().release();
                pr.writeEnd().release();
                return fail(p, Errno.EMFILE);
            }
            p.fds.install(w, pr.writeEnd(), false);
            fds[0] = r;
            fds[1] = w;
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public Stat stat(String path) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) {
                fail(p, Errno.EFAULT);
                return null;
            }
            int[] errno = new int[1];
            Stat st = fs.stat(lookup(p), path, true, errno);
            if (st == null) fail(p, errno[0]);
            return st;
        } finally {
            leave(p);
        }
    }

    @Override
    public Stat fstat(int fd) {
        Proc p = enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) {
                fail(p, Errno.EBADF);
                return null;
            }
            return f.stat();
        } finally {
            leave(p);
        }
    }

    @Override
    public int mkdir(String path, int mode) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) return fail(p, Errno.EFAULT);
            int r = fs.mkdir(lookup(p), path, mode);
            return r != 0 ? fail(p, r) : 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int rmdir(String path) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) return fail(p, Errno.EFAULT);
            int r = fs.rmdir(lookup(p), path);
            return r != 0 ? fail(p, r) : 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int unlink(String path) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) return fail(p, Errno.EFAULT);
            int r = fs.unlink(lookup(p), path);
            return r != 0 ? fail(p, r) : 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int chdir(String path) {
        Proc p = enter(Locks.Area.FILE);
        try {
            if (path == null) return fail(p, Errno.EFAULT);
            VnodeResult v = fs.lookup(lookup(p), path);
            if (v.errno() != 0) return fail(p, v.errno());
            if ((v.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return fail(p, Errno.ENOTDIR);
            int denied = fs.access(v.vnode(), Lifecycle.credentials(p), Fcntl.X_OK);
            if (denied != 0) return fail(p, denied);
            p.cwd = v.vnode();
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public String getcwd() {
        Proc p = enter(Locks.Area.FILE);
        try {
            String path = fs.path(p.root, p.cwd);
            if (path == null) fail(p, Errno.ENOENT);
            return path;
        } finally {
            leave(p);
        }
    }

    @Override
    public int umask(int mask) {
        Proc p = enter(Locks.Area.NONE);
        try {
            int old = p.umask;
            p.umask = mask & 0777;
            return old;
        } finally {
            leave(p);
        }
    }

    // ---- memory

    @Override
    public long sbrk(long increment) {
        Proc p = enter(Locks.Area.VM);
        try {
            return result(p, p.space.sbrk(p.cpu.id, increment));
        } finally {
            leave(p);
        }
    }

    @Override
    public int brk(long addr) {
        Proc p = enter(Locks.Area.VM);
        try {
            long r = p.space.sbrk(p.cpu.id, addr - p.space.brk());
            return r < 0 ? fail(p, (int) -r) : 0;
        } finally {
            leave(p);
        }
    }

    /** Translates for a user access; a fault the kernel cannot mend is SIGSEGV, after which the access retries. */
    private long translate(Proc p, long va, Access access) {
        long pa = mmu.translate(p.cpu.id, va, access);
        if (pa == Mmu.FAULT) {
            if (p.outOfMemory) lifecycle.get().exit(p, sprocket.api.sys.Wait.signaled(SIGKILL, false));
            signals.fault(p, SIGSEGV, false);
            pa = mmu.translate(p.cpu.id, va, access);
            if (pa == Mmu.FAULT) signals.fault(p, SIGSEGV, true);
        }
        return pa;
    }

    private long load(long va, int width, Access access) {
        Proc p = user();
        long pa = translate(p, va, access);
        long v = memory.load(pa, width);
        engine.userCharge(p, memoryCost);
        return v;
    }

    private void store(long va, int width, long value) {
        Proc p = user();
        long pa = translate(p, va, Access.WRITE);
        memory.store(pa, width, value);
        engine.userCharge(p, memoryCost);
    }

    @Override
    public byte load8(long addr) {
        return (byte) load(addr, 1, Access.READ);
    }

    @Override
    public short load16(long addr) {
        return (short) load(addr, 2, Access.READ);
    }

    @Override
    public int load32(long addr) {
        return (int) load(addr, 4, Access.READ);
    }

    @Override
    public long load64(long addr) {
        return load(addr, 8, Access.READ);
    }

    @Override
    public double loadDouble(long addr) {
        return Double.longBitsToDouble(load(addr, 8, Access.READ));
    }

    @Override
    public void store8(long addr, byte value) {
        store(addr, 1, value);
    }

    @Override
    public void store16(long addr, short value) {
        store(addr, 2, value);
    }

    @Override
    public void store32(long addr, int value) {
        store(addr, 4, value);
    }

    @Override
    public void store64(long addr, long value) {
        store(addr, 8, value);
    }

    @Override
    public void storeDouble(long addr, double value) {
        store(addr, 8, Double.doubleToRawLongBits(value));
    }

    // ---- time and CPU

    @Override
    public void burn(long cycles) {
        Proc p = user();
        if (cycles > 0) engine.burn(p, cycles);
    }

    @Override
    public long cycles() {
        Proc p = user();
        return p.cpu.now;
    }

    @Override
    public long nanotime() {
        Proc p = user();
        long now = p.cpu.now;
        return now / clockHz * 1_000_000_000L + (now % clockHz) * 1_000_000_000L / clockHz;
    }

    @Override
    public long time() {
        Proc p = enter(Locks.Area.NONE);
        try {
            return p.cpu.now / clockHz;
        } finally {
            leave(p);
        }
    }

    @Override
    public int sched_yield() {
        Proc p = enter(Locks.Area.NONE);
        try {
            KernelLock l = p.heldLock;
            if (l != null) {
                p.cpu.now += l.release(p.cpu.id, p.cpu.now);
                p.heldLock = null;
            }
            engine.yieldCpu(p);
            return 0;
        } finally {
            leave(p);
        }
    }

    @Override
    public int nice(int incr) {
        Proc p = enter(Locks.Area.SCHED);
        try {
            if (incr < 0 && p.euid != 0) return fail(p, Errno.EPERM);
            p.nice = Math.max(-20, Math.min(19, p.nice + incr));
            engine.scheduler.priorityChanged(p);
            return p.nice;
        } finally {
            leave(p);
        }
    }

    @Override
    public long sysconf(int name) {
        Proc p = enter(Locks.Area.NONE);
        try {
            return switch (name) {
                case Sysconf._SC_ARG_MAX -> ARG_MAX;
                case Sysconf._SC_CHILD_MAX -> table.maxUprc;
                case Sysconf._SC_CLK_TCK -> tunables.hz;
                case Sysconf._SC_NGROUPS_MAX -> 16;
                case Sysconf._SC_OPEN_MAX -> FdTable.NOFILE;
                case Sysconf._SC_PAGESIZE -> memory.pageSize();
                case Sysconf._SC_NPROC_CONF, Sysconf._SC_NPROC_ONLN -> engine.cpus.length;
                default -> fail(p, Errno.EINVAL);
            };
        } finally {
            leave(p);
        }
    }
}
