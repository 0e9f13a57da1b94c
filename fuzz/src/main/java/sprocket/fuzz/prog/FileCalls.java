package sprocket.fuzz.prog;

import static sprocket.api.sys.Fcntl.F_DUPFD;
import static sprocket.api.sys.Fcntl.F_GETFD;
import static sprocket.api.sys.Fcntl.F_GETFL;
import static sprocket.api.sys.Fcntl.F_GETLK;
import static sprocket.api.sys.Fcntl.F_SETFD;
import static sprocket.api.sys.Fcntl.F_SETFL;
import static sprocket.api.sys.Fcntl.F_SETLK;
import static sprocket.api.sys.Fcntl.F_SETLKW;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_EXCL;
import static sprocket.api.sys.Fcntl.O_NDELAY;
import static sprocket.api.sys.Fcntl.O_NOCTTY;
import static sprocket.api.sys.Fcntl.O_NOFOLLOW;
import static sprocket.api.sys.Fcntl.O_NONBLOCK;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_SYNC;
import static sprocket.api.sys.Fcntl.O_TRUNC;

import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Flock;
import sprocket.api.sys.Mount;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.fuzz.prog.Resources.Kind;

/** Files, directories, descriptors and limits: open(2) to umount(2). */
final class FileCalls {
    private final Executor x;

    FileCalls(Executor x) {
        this.x = x;
    }

    void run(Op op, Args a) {
        Sys sys = x.sys;
        Resources res = x.res;
        switch (op) {
            case OPEN -> open(a);
            case CLOSE -> {
                int fd = a.fd();
                // The console stays open most of the time: a process with no descriptors learns little.
                if (fd <= 2 && a.chance(80)) return;
                if (sys.close(fd) == 0) res.fds.remove(fd);
            }
            case READ -> {
                byte[] buf = a.buffer(512);
                int off = a.offset(buf);
                sys.read(a.fd(), buf, off, a.length(buf, off));
            }
            case WRITE -> {
                byte[] buf = a.buffer(512);
                int off = a.offset(buf);
                sys.write(a.fd(), buf, off, a.length(buf, off));
            }
            case READ_MEM -> sys.read(a.fd(), a.addr(1, 1, sys.cpu().stackPointer()), a.llen(x.page * 2L));
            case WRITE_MEM -> sys.write(a.fd(), a.addr(1, 1, sys.cpu().stackPointer()), a.llen(x.page * 2L));
            case LSEEK -> sys.lseek(a.fd(), a.chance(80) ? a.llen(8192) : a.nextLong(), a.oneOf(0, 1, 2, 3, -1, 7));
            case DUP -> keep(a.fd(), sys.dup(a.fd()));
            case DUP2 -> {
                int from = a.fd();
                int to = a.chance(70) ? a.below(24) : a.fd();
                if (to <= 2 && a.chance(70)) return;
                keep(from, sys.dup2(from, to));
            }
            case FCNTL -> fcntl(a);
            case FCNTL_LOCK -> {
                Flock l = new Flock(a.oneOf(Flock.F_RDLCK, Flock.F_WRLCK, Flock.F_UNLCK, 0, 9),
                        a.oneOf(0, 1, 2, 5), a.chance(85) ? a.below(200) : a.nextLong(), a.llen(100), a.below(500));
                Flock[] lock = a.chance(95) ? new Flock[] {l} : a.chance(50) ? null : new Flock[0];
                sys.fcntl(a.fd(Kind.FILE), a.oneOf(F_GETLK, F_SETLK, F_SETLK, F_SETLKW, 99), lock);
            }
            case FSTAT -> sys.fstat(a.fd());
            case STAT -> sys.stat(a.path());
            case LSTAT -> sys.lstat(a.path());
            case MKDIR -> sys.mkdir(a.chance(80) ? a.newPath() : a.path(), a.mode());
            case RMDIR -> sys.rmdir(a.path());
            case UNLINK -> sys.unlink(a.chance(70) ? a.newPath() : a.path());
            case CHDIR -> sys.chdir(a.path());
            case FCHDIR -> sys.fchdir(a.fd(Kind.DIR));
            case GETCWD -> sys.getcwd();
            case MKFIFO -> sys.mkfifo(a.chance(80) ? a.newPath() : a.path(), a.mode());
            case LINK -> sys.link(a.path(), a.newPath());
            case SYMLINK -> sys.symlink(a.path(), a.newPath());
            case READLINK -> sys.readlink(a.path());
            case RENAME -> sys.rename(a.newPath(), a.chance(80) ? a.newPath() : a.path());
            case CHMOD -> sys.chmod(a.path(), a.mode());
            case CHOWN -> sys.chown(a.path(), a.id(), a.id());
            case ACCESS -> sys.access(a.path(), a.oneOf(0, 1, 2, 4, 7, -1, 8));
            case UMASK -> sys.umask(a.chance(80) ? a.oneOf(022, 077, 0, 0777) : a.nextLong() > 0 ? -1 : 1 << 20);
            case GETDENTS -> {
                int n = a.oneOf(0, 1, 4, 16);
                sys.getdents(a.fd(Kind.DIR), a.chance(95) ? new Dirent[n] : null);
            }
            case MOUNT -> sys.mount(a.chance(50) ? "fz" : null, a.chance(70) ? a.oneOf(java.util.List.of("/tmp/d0",
                    "/tmp/d1", "/tmp/d1/d")) : a.path(), a.chance(90) ? (a.chance(60) ? Mount.MEMFS : Mount.PROC)
                    : "nfs", a.chance(80) ? a.oneOf(0, Mount.MS_RDONLY) : a.flags(1, 2, 4));
            case UMOUNT -> sys.umount(a.chance(70) ? a.oneOf(java.util.List.of("/tmp/d0", "/tmp/d1", "/tmp/d1/d"))
                    : a.path());
            case CHROOT -> sys.chroot(a.chance(60) ? "/" : a.path());
            case RLIMIT -> rlimit(a);
            case ULIMIT -> sys.ulimit(a.oneOf(1, 2, 3, -1), a.llen(1 << 20));
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    private void open(Args a) {
        Sys sys = x.sys;
        String path = a.chance(60) ? a.newPath() : a.path();
        int flags = a.oneOf(0, 1, 2, 2, 3) | a.flags(O_CREAT, O_TRUNC, O_EXCL, O_APPEND, O_NONBLOCK, O_NDELAY, O_SYNC,
                O_NOFOLLOW, O_NOCTTY);
        // Opening a FIFO waits for the other side: most opens of one do not, so that the process goes on.
        if (path != null && path.startsWith("/tmp/p") && a.chance(80)) flags |= a.chance(50) ? O_NONBLOCK : O_RDWR;
        int fd = sys.open(path, flags, a.mode());
        if (fd >= 0) x.res.fd(fd, kind(fd));
    }

    /** What {@code fd} is, by fstat(2). */
    private Kind kind(int fd) {
        Stat st = x.sys.fstat(fd);
        if (st == null) return Kind.INHERITED;
        return switch (st.mode() & FileMode.S_IFMT) {
            case FileMode.S_IFDIR -> Kind.DIR;
            case FileMode.S_IFCHR -> Kind.DEVICE;
            case FileMode.S_IFIFO -> Kind.FIFO;
            case FileMode.S_IFREG -> Kind.FILE;
            default -> Kind.INHERITED;
        };
    }

    /** A new descriptor {@code fd} refers to what {@code from} did. */
    private void keep(int from, int fd) {
        if (fd < 0) return;
        Kind k = x.res.fds.get(from);
        x.res.fd(fd, k == null ? Kind.INHERITED : k);
    }

    private void fcntl(Args a) {
        Sys sys = x.sys;
        int fd = a.fd();
        int cmd = a.oneOf(F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD, a.below(32), -1);
        int arg = switch (cmd) {
            case F_DUPFD -> a.chance(80) ? a.below(40) : a.oneOf(-1, 199, 200, 1000, Integer.MAX_VALUE);
            case F_SETFD -> a.oneOf(0, 1, 3, -1);
            case F_SETFL -> a.flags(O_APPEND, O_NONBLOCK, O_NDELAY, O_SYNC, O_RDWR);
            default -> (int) a.nextLong();
        };
        int r = sys.fcntl(fd, cmd, arg);
        if (cmd == F_DUPFD) keep(fd, r);
    }

    private void rlimit(Args a) {
        Sys sys = x.sys;
        int resource = a.chance(90) ? a.below(Rlimit.RLIM_NLIMITS) : a.oneOf(-1, 7, 100);
        Rlimit[] out = new Rlimit[1];
        if (a.chance(50)) {
            sys.getrlimit(resource, a.chance(95) ? out : null);
            return;
        }
        long cur = a.chance(20) ? Rlimit.RLIM_INFINITY : a.llen(resource == Rlimit.RLIMIT_NOFILE ? 64 : 1 << 22);
        long max = a.chance(50) ? Rlimit.RLIM_INFINITY : a.chance(70) ? cur : a.llen(1 << 22);
        // A lowered descriptor limit below the console would shut the process out of its own descriptors.
        if (resource == Rlimit.RLIMIT_NOFILE && cur < 3 && a.chance(90)) cur = 3 + a.below(40);
        sys.setrlimit(resource, a.chance(97) ? new Rlimit(cur, max) : null);
    }
}
