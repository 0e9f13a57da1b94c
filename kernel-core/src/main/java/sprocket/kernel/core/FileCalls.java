package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.VnodeResult;
import sprocket.api.hw.Access;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.ipc.Ipc;
import sprocket.api.fs.PipeResult;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/** open(2), read(2), write(2), the descriptor calls, pipe(2) and the name-space calls. */
@Singleton
final class FileCalls {
    private final SyscallFrame frame;
    private final Engine engine;
    private final FileSystem fs;
    private final Ipc ipc;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final long copyWordCost;

    @Inject
    FileCalls(SyscallFrame frame, Engine engine, FileSystem fs, Ipc ipc) {
        this.frame = frame;
        this.engine = engine;
        this.fs = fs;
        this.ipc = ipc;
        this.mmu = engine.machine.mmu();
        this.memory = engine.machine.memory();
        this.copyWordCost = engine.costs.copyWord();
    }


    public int open(String path, int flags, int mode) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int fd = p.fds.lowestFree(0, nofile(p));
            if (fd < 0) return SyscallFrame.fail(p, Errno.EMFILE);
            OpenResult r = fs.open(SyscallFrame.lookup(p), path, flags, mode);
            if (r.errno() != 0) return SyscallFrame.fail(p, r.errno());
            // Opening may have slept (a FIFO): a share group member may have had its table changed meanwhile.
            fd = p.fds.lowestFree(0, nofile(p));
            if (fd < 0) {
                r.file().release();
                return SyscallFrame.fail(p, Errno.EMFILE);
            }
            p.fds.install(fd, r.file(), false);
            return fd;
        } finally {
            frame.leave(p);
        }
    }

    public int close(int fd) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.remove(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            f.release();
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int read(int fd, byte[] buf, int off, int len) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (buf == null || off < 0 || len < 0 || off > buf.length - len) return SyscallFrame.fail(p, Errno.EFAULT);
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            int n = f.read(buf, off, len);
            return n < 0 ? SyscallFrame.fail(p, -n) : n;
        } finally {
            frame.leave(p);
        }
    }

    public int write(int fd, byte[] buf, int off, int len) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (buf == null || off < 0 || len < 0 || off > buf.length - len) return SyscallFrame.fail(p, Errno.EFAULT);
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            int n = f.write(buf, off, len);
            return n < 0 ? SyscallFrame.fail(p, -n) : n;
        } finally {
            frame.leave(p);
        }
    }

    public long read(int fd, long addr, long len) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (len < 0 || len > Integer.MAX_VALUE) return SyscallFrame.fail(p, Errno.EINVAL);
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (!mapped(p, addr, len, Access.WRITE)) return SyscallFrame.fail(p, Errno.EFAULT);
            byte[] buf = new byte[(int) len];
            int n = f.read(buf, 0, buf.length);
            if (n < 0) return SyscallFrame.fail(p, -n);
            copyOut(p, buf, n, addr);
            return n;
        } finally {
            frame.leave(p);
        }
    }

    public long write(int fd, long addr, long len) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (len < 0 || len > Integer.MAX_VALUE) return SyscallFrame.fail(p, Errno.EINVAL);
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (!mapped(p, addr, len, Access.READ)) return SyscallFrame.fail(p, Errno.EFAULT);
            byte[] buf = copyIn(p, addr, (int) len);
            int n = f.write(buf, 0, buf.length);
            return n < 0 ? SyscallFrame.fail(p, -n) : n;
        } finally {
            frame.leave(p);
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

    public long lseek(int fd, long offset, int whence) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (whence < Fcntl.SEEK_SET || whence > Fcntl.SEEK_END) return SyscallFrame.fail(p, Errno.EINVAL);
            return SyscallFrame.result(p, f.lseek(offset, whence));
        } finally {
            frame.leave(p);
        }
    }

    public int dup(int fd) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            return dupFrom(p, fd, 0);
        } finally {
            frame.leave(p);
        }
    }

    private int dupFrom(Proc p, int fd, int lowest) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
        int nfd = p.fds.lowestFree(lowest, nofile(p));
        if (nfd < 0) return SyscallFrame.fail(p, Errno.EMFILE);
        f.hold();
        p.fds.install(nfd, f, false);
        return nfd;
    }

    public int dup2(int fd, int fd2) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (fd2 < 0 || fd2 >= FdTable.NOFILE) return SyscallFrame.fail(p, Errno.EBADF);
            if (fd == fd2) return fd2;
            OpenFile old = p.fds.remove(fd2);
            if (old != null) old.release();
            f.hold();
            p.fds.install(fd2, f, false);
            return fd2;
        } finally {
            frame.leave(p);
        }
    }

    public int fcntl(int fd, int cmd, int arg) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            switch (cmd) {
                case Fcntl.F_DUPFD -> {
                    if (arg < 0 || arg >= FdTable.NOFILE) return SyscallFrame.fail(p, Errno.EINVAL);
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
                    return SyscallFrame.fail(p, Errno.EINVAL);
                }
            }
        } finally {
            frame.leave(p);
        }
    }

    public int pipe(int[] fds) {
        Proc p = frame.enter(Locks.Area.IPC);
        try {
            if (fds == null || fds.length < 2) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = p.fds.lowestFree(0, nofile(p));
            if (r < 0) return SyscallFrame.fail(p, Errno.EMFILE);
            PipeResult pr = ipc.pipe();
            if (pr.errno() != 0) return SyscallFrame.fail(p, pr.errno());
            p.fds.install(r, pr.readEnd(), false);
            int w = p.fds.lowestFree(0, nofile(p));
            if (w < 0) {
                p.fds.remove(r);
                pr.readEnd().release();
                pr.writeEnd().release();
                return SyscallFrame.fail(p, Errno.EMFILE);
            }
            p.fds.install(w, pr.writeEnd(), false);
            fds[0] = r;
            fds[1] = w;
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public Stat fstat(int fd) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) {
                SyscallFrame.fail(p, Errno.EBADF);
                return null;
            }
            return f.stat();
        } finally {
            frame.leave(p);
        }
    }

    public int mkdir(String path, int mode) {
        return nameCall(path, (at, name) -> fs.mkdir(at, name, mode));
    }

    public int rmdir(String path) {
        return nameCall(path, fs::rmdir);
    }

    public int unlink(String path) {
        return nameCall(path, fs::unlink);
    }

    /** A call that changes the name space at {@code path} and answers 0 or an errno (mkdir, rmdir, unlink). */
    private int nameCall(String path, java.util.function.ToIntBiFunction<sprocket.api.fs.Lookup, String> op) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = op.applyAsInt(SyscallFrame.lookup(p), path);
            return r != 0 ? SyscallFrame.fail(p, r) : 0;
        } finally {
            frame.leave(p);
        }
    }

    public int chdir(String path) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) return SyscallFrame.fail(p, Errno.EFAULT);
            VnodeResult v = fs.lookup(SyscallFrame.lookup(p), path);
            if (v.errno() != 0) return SyscallFrame.fail(p, v.errno());
            if ((v.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return SyscallFrame.fail(p, Errno.ENOTDIR);
            int denied = fs.access(v.vnode(), Lifecycle.credentials(p), Fcntl.X_OK);
            if (denied != 0) return SyscallFrame.fail(p, denied);
            p.cwd = v.vnode();
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    private static long nofile(Proc p) {
        return p.rlimCur[sprocket.api.sys.Rlimit.RLIMIT_NOFILE];
    }

    public int fcntl(int fd, int cmd, sprocket.api.sys.Flock[] lock) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (cmd != Fcntl.F_GETLK && cmd != Fcntl.F_SETLK && cmd != Fcntl.F_SETLKW) {
                return SyscallFrame.fail(p, Errno.EINVAL);
            }
            if (lock == null || lock.length == 0 || lock[0] == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = f.lock(cmd, lock);
            return r < 0 ? SyscallFrame.fail(p, -r) : r;
        } finally {
            frame.leave(p);
        }
    }

    public int fchdir(int fd) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null || f.vnode() == null) return SyscallFrame.fail(p, Errno.EBADF);
            if ((f.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return SyscallFrame.fail(p, Errno.ENOTDIR);
            int denied = fs.access(f.vnode(), Lifecycle.credentials(p), Fcntl.X_OK);
            if (denied != 0) return SyscallFrame.fail(p, denied);
            p.cwd = f.vnode();
            return 0;
        } finally {
            frame.leave(p);
        }
    }

    public int getdents(int fd, sprocket.api.sys.Dirent[] buf) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            OpenFile f = p.fds.get(fd);
            if (f == null) return SyscallFrame.fail(p, Errno.EBADF);
            if (buf == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int n = f.getdents(buf);
            return n < 0 ? SyscallFrame.fail(p, -n) : n;
        } finally {
            frame.leave(p);
        }
    }

    public String getcwd() {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            String path = fs.path(p.root, p.cwd);
            if (path == null) SyscallFrame.fail(p, Errno.ENOENT);
            return path;
        } finally {
            frame.leave(p);
        }
    }

    public int umask(int mask) {
        Proc p = frame.enter(Locks.Area.NONE);
        try {
            int old = p.umask;
            p.umask = mask & 0777;
            return old;
        } finally {
            frame.leave(p);
        }
    }
}
