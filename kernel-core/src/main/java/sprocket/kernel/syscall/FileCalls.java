package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.fail;
import static sprocket.kernel.syscall.Errors.result;
import static sprocket.kernel.syscall.Errors.answer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.ToIntBiFunction;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.PipeResult;
import sprocket.api.fs.VnodeResult;
import sprocket.api.hw.Access;
import sprocket.api.hw.Machine;
import sprocket.api.hw.Mmu;
import sprocket.api.hw.PhysicalMemory;
import sprocket.api.ipc.Ipc;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Rlimit;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;

/** open(2), read(2), write(2), the descriptor calls, pipe(2), the directory calls. */
@Singleton
final class FileCalls {
    private final Engine engine;
    private final FileSystem fs;
    private final Ipc ipc;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final long copyWordCost;

    @Inject
    FileCalls(Engine engine, FileSystem fs, Ipc ipc, Machine machine) {
        this.engine = engine;
        this.fs = fs;
        this.ipc = ipc;
        this.mmu = machine.mmu();
        this.memory = machine.memory();
        this.copyWordCost = machine.costs().copyWord();
    }

    int open(Proc p, String path, int flags, int mode) {
        if (path == null) return fail(p, Errno.EFAULT);
        int fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) return fail(p, Errno.EMFILE);
        OpenResult r = fs.open(NameCalls.lookup(p), path, flags, mode);
        if (r.errno() != 0) return fail(p, r.errno());
        // Opening may have slept (a FIFO): a share group member may have had its table changed meanwhile.
        fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) {
            r.file().release();
            return fail(p, Errno.EMFILE);
        }
        p.fds.install(fd, r.file(), false);
        return fd;
    }

    int close(Proc p, int fd) {
        OpenFile f = p.fds.remove(fd);
        if (f == null) return fail(p, Errno.EBADF);
        f.release();
        return 0;
    }

    int read(Proc p, int fd, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int n = f.read(buf, off, len);
        return n < 0 ? fail(p, -n) : n;
    }

    int write(Proc p, int fd, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int n = f.write(buf, off, len);
        return n < 0 ? fail(p, -n) : n;
    }

    long read(Proc p, int fd, long addr, long len) {
        if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (!mapped(p, addr, len, Access.WRITE)) return fail(p, Errno.EFAULT);
        byte[] buf = new byte[(int) len];
        int n = f.read(buf, 0, buf.length);
        if (n < 0) return fail(p, -n);
        copyOut(p, buf, n, addr);
        return n;
    }

    long write(Proc p, int fd, long addr, long len) {
        if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (!mapped(p, addr, len, Access.READ)) return fail(p, Errno.EFAULT);
        byte[] buf = copyIn(p, addr, (int) len);
        int n = f.write(buf, 0, buf.length);
        return n < 0 ? fail(p, -n) : n;
    }

    /** Whether every page of the buffer can be reached for {@code access}, faulting pages in as the copy would. */
    private boolean mapped(Proc p, long addr, long len, Access access) {
        if (len == 0) return true;
        if (addr < 0 || addr + len < addr) return false;
        int page = memory.pageSize();
        for (long a = addr - Math.floorMod(addr, page); a < addr + len; a += page) {
            if (mmu.translate(p.cpu().id, a, access) == Mmu.FAULT) return false;
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
            long pa = mmu.translate(p.cpu().id, va, Access.READ);
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
            long pa = mmu.translate(p.cpu().id, va, Access.WRITE);
            memory.write(pa, buf, done, chunk);
            done += chunk;
        }
        engine.charge(copyWordCost * ((len + 3) / 4));
    }

    long lseek(Proc p, int fd, long offset, int whence) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (whence < Fcntl.SEEK_SET || whence > Fcntl.SEEK_END) return fail(p, Errno.EINVAL);
        return result(p, f.lseek(offset, whence));
    }

    int dup(Proc p, int fd) {
        return dupFrom(p, fd, 0);
    }

    private int dupFrom(Proc p, int fd, int lowest) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int nfd = p.fds.lowestFree(lowest, nofile(p));
        if (nfd < 0) return fail(p, Errno.EMFILE);
        f.hold();
        p.fds.install(nfd, f, false);
        return nfd;
    }

    int dup2(Proc p, int fd, int fd2) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (fd2 < 0 || fd2 >= FdTable.NOFILE) return fail(p, Errno.EBADF);
        if (fd == fd2) return fd2;
        OpenFile old = p.fds.remove(fd2);
        if (old != null) old.release();
        f.hold();
        p.fds.install(fd2, f, false);
        return fd2;
    }

    int fcntl(Proc p, int fd, int cmd, int arg) {
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
    }

    int pipe(Proc p, int[] fds) {
        if (fds == null || fds.length < 2) return fail(p, Errno.EFAULT);
        int r = p.fds.lowestFree(0, nofile(p));
        if (r < 0) return fail(p, Errno.EMFILE);
        PipeResult pr = ipc.pipe();
        if (pr.errno() != 0) return fail(p, pr.errno());
        p.fds.install(r, pr.readEnd(), false);
        int w = p.fds.lowestFree(0, nofile(p));
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
    }

    int fstat(Proc p, int fd) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        return answer(p, f.stat(), Errno.EIO);
    }

    int mkdir(Proc p, String path, int mode) {
        return nameCall(p, path, (at, name) -> fs.mkdir(at, name, mode));
    }

    int rmdir(Proc p, String path) {
        return nameCall(p, path, fs::rmdir);
    }

    int unlink(Proc p, String path) {
        return nameCall(p, path, fs::unlink);
    }

    /** A call that changes the name space at {@code path} and answers 0 or an errno (mkdir, rmdir, unlink). */
    private static int nameCall(Proc p, String path, ToIntBiFunction<Lookup, String> op) {
        if (path == null) return fail(p, Errno.EFAULT);
        int r = op.applyAsInt(NameCalls.lookup(p), path);
        return r != 0 ? fail(p, r) : 0;
    }

    int chdir(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        VnodeResult v = fs.lookup(NameCalls.lookup(p), path);
        if (v.errno() != 0) return fail(p, v.errno());
        if ((v.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return fail(p, Errno.ENOTDIR);
        int denied = fs.access(v.vnode(), p.cred.credentials(), Fcntl.X_OK);
        if (denied != 0) return fail(p, denied);
        p.cwd = v.vnode();
        return 0;
    }

    private static long nofile(Proc p) {
        return p.limits.cur(Rlimit.RLIMIT_NOFILE);
    }

    int fcntl(Proc p, int fd, int cmd, Flock[] lock) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (cmd != Fcntl.F_GETLK && cmd != Fcntl.F_SETLK && cmd != Fcntl.F_SETLKW) {
            return fail(p, Errno.EINVAL);
        }
        if (lock == null || lock.length == 0 || lock[0] == null) return fail(p, Errno.EFAULT);
        int r = f.lock(cmd, lock);
        return r < 0 ? fail(p, -r) : r;
    }

    int fchdir(Proc p, int fd) {
        OpenFile f = p.fds.get(fd);
        if (f == null || f.vnode() == null) return fail(p, Errno.EBADF);
        if ((f.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return fail(p, Errno.ENOTDIR);
        int denied = fs.access(f.vnode(), p.cred.credentials(), Fcntl.X_OK);
        if (denied != 0) return fail(p, denied);
        p.cwd = f.vnode();
        return 0;
    }

    int getdents(Proc p, int fd, Dirent[] buf) {
        OpenFile f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (buf == null) return fail(p, Errno.EFAULT);
        int n = f.getdents(buf);
        return n < 0 ? fail(p, -n) : n;
    }

    int getcwd(Proc p) {
        return answer(p, fs.path(p.root, p.cwd), Errno.ENOENT);
    }

    int umask(Proc p, int mask) {
        int old = p.cred.umask();
        p.cred = p.cred.withUmask(mask & 0777);
        return old;
    }
}
