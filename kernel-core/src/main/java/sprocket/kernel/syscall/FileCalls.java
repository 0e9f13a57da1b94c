package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.answer;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.hw.Access;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Rlimit;
import sprocket.kernel.proc.FdTable;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.uio.UserCopy;
import sprocket.kernel.vfs.File;
import sprocket.kernel.vfs.FileTable;
import sprocket.kernel.vfs.NameSpace;
import sprocket.kernel.vfs.Vnode;
import sprocket.kernel.vfs.VnOpen;

/**
 * open(2), read(2), write(2), the descriptor calls, pipe(2), the directory calls: the descriptors are the process's,
 * the open files and the names the file layer's ({@link sprocket.kernel.vfs}).
 */
@Singleton
final class FileCalls {
    private final NameSpace names;
    private final VnOpen vn;
    private final FileTable files;
    private final Ipc ipc;
    private final UserCopy copy;

    @Inject
    FileCalls(NameSpace names, VnOpen vn, FileTable files, Ipc ipc, UserCopy copy) {
        this.names = names;
        this.vn = vn;
        this.files = files;
        this.ipc = ipc;
        this.copy = copy;
    }

    int open(Proc p, String path, int flags, int mode) {
        if (path == null) return fail(p, Errno.EFAULT);
        int fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) return fail(p, Errno.EMFILE);
        File f = vn.open(p.nameContext(), path, flags, mode);
        // Opening may have slept (a FIFO): a share group member may have had its table changed meanwhile.
        fd = p.fds.lowestFree(0, nofile(p));
        if (fd < 0) {
            f.release();
            return fail(p, Errno.EMFILE);
        }
        p.fds.install(fd, f, false);
        return fd;
    }

    int close(Proc p, int fd) {
        File f = p.fds.remove(fd);
        if (f == null) return fail(p, Errno.EBADF);
        f.release();
        return 0;
    }

    int read(Proc p, int fd, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int n = f.read(buf, off, len);
        copy.moved(n);
        return n;
    }

    int write(Proc p, int fd, byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) return fail(p, Errno.EFAULT);
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int n = f.write(buf, off, len);
        copy.moved(n);
        return n;
    }

    long read(Proc p, int fd, long addr, long len) {
        if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (!copy.mapped(p.cpu().id, addr, len, Access.WRITE)) return fail(p, Errno.EFAULT);
        byte[] buf = new byte[(int) len];
        int n = f.read(buf, 0, buf.length);
        copy.copyout(p.cpu().id, buf, n, addr);
        return n;
    }

    long write(Proc p, int fd, long addr, long len) {
        if (len < 0 || len > Integer.MAX_VALUE) return fail(p, Errno.EINVAL);
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (!copy.mapped(p.cpu().id, addr, len, Access.READ)) return fail(p, Errno.EFAULT);
        byte[] buf = copy.copyin(p.cpu().id, addr, (int) len);
        return f.write(buf, 0, buf.length);
    }

    long lseek(Proc p, int fd, long offset, int whence) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (whence < Fcntl.SEEK_SET || whence > Fcntl.SEEK_END) return fail(p, Errno.EINVAL);
        return f.lseek(offset, whence);
    }

    int dup(Proc p, int fd) {
        return dupFrom(p, fd, 0);
    }

    private int dupFrom(Proc p, int fd, int lowest) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        int nfd = p.fds.lowestFree(lowest, nofile(p));
        if (nfd < 0) return fail(p, Errno.EMFILE);
        f.hold();
        p.fds.install(nfd, f, false);
        return nfd;
    }

    int dup2(Proc p, int fd, int fd2) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        // POSIX dup2: "[EBADF] ... fildes2 is negative or greater than or equal to {OPEN_MAX}", RLIMIT_NOFILE here.
        if (fd2 < 0 || fd2 >= nofile(p)) return fail(p, Errno.EBADF);
        if (fd == fd2) return fd2;
        File old = p.fds.remove(fd2);
        if (old != null) old.release();
        f.hold();
        p.fds.install(fd2, f, false);
        return fd2;
    }

    int fcntl(Proc p, int fd, int cmd, int arg) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        switch (cmd) {
            case Fcntl.F_DUPFD -> {
                // fcntl(2): "EINVAL: cmd is F_DUPFD and arg is negative or greater than or equal to the maximum
                // number of open file descriptors allowed each user", which RLIMIT_NOFILE sets.
                if (arg < 0 || arg >= nofile(p)) return fail(p, Errno.EINVAL);
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
        // pipe(2): "ENFILE The system file table is full": both ends' entries, before the pipe is made.
        files.reserve(2);
        PipeEnds ends = ipc.pipe();
        File readEnd = files.open(ends.readEnd(), Fcntl.O_RDONLY);
        File writeEnd = files.open(ends.writeEnd(), Fcntl.O_WRONLY);
        p.fds.install(r, readEnd, false);
        int w = p.fds.lowestFree(0, nofile(p));
        if (w < 0) {
            p.fds.remove(r);
            readEnd.release();
            writeEnd.release();
            return fail(p, Errno.EMFILE);
        }
        p.fds.install(w, writeEnd, false);
        fds[0] = r;
        fds[1] = w;
        return 0;
    }

    int fstat(Proc p, int fd) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        return answer(p, f.stat());
    }

    int mkdir(Proc p, String path, int mode) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.mkdir(p.nameContext(), path, mode);
        return 0;
    }

    int rmdir(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.rmdir(p.nameContext(), path);
        return 0;
    }

    int unlink(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.unlink(p.nameContext(), path);
        return 0;
    }

    int chdir(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        Vnode v = names.lookup(p.nameContext(), path, true);
        if (!v.isDirectory()) return fail(p, Errno.ENOTDIR);
        names.access(v, p.cred.credentials(), Fcntl.X_OK);
        p.cwd = v;
        return 0;
    }

    /** Descriptors the process may have: RLIMIT_NOFILE's current value, within the descriptor table. */
    static long nofile(Proc p) {
        return Math.min(p.limits.cur(Rlimit.RLIMIT_NOFILE), FdTable.NOFILE);
    }

    int fcntl(Proc p, int fd, int cmd, Flock[] lock) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (cmd != Fcntl.F_GETLK && cmd != Fcntl.F_SETLK && cmd != Fcntl.F_SETLKW) {
            return fail(p, Errno.EINVAL);
        }
        if (lock == null || lock.length == 0 || lock[0] == null) return fail(p, Errno.EFAULT);
        f.lock(cmd, lock, p.pid);
        return 0;
    }

    int fchdir(Proc p, int fd) {
        File f = p.fds.get(fd);
        if (f == null || f.vnode() == null) return fail(p, Errno.EBADF);
        Vnode v = f.vnode();
        if (!v.isDirectory()) return fail(p, Errno.ENOTDIR);
        names.access(v, p.cred.credentials(), Fcntl.X_OK);
        p.cwd = v;
        return 0;
    }

    int getdents(Proc p, int fd, Dirent[] buf) {
        File f = p.fds.get(fd);
        if (f == null) return fail(p, Errno.EBADF);
        if (buf == null) return fail(p, Errno.EFAULT);
        return f.getdents(buf);
    }

    int getcwd(Proc p) {
        return answer(p, names.getcwd(p.root, p.cwd));
    }

    int umask(Proc p, int mask) {
        int old = p.cred.umask();
        p.cred = p.cred.withUmask(mask & 0777);
        return old;
    }
}
