package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.VnodeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * The calls that work on names rather than descriptors: stat, lstat, link, symlink, readlink, rename, chmod, chown,
 * access, chroot.
 */
@Singleton
final class NameCalls {
    private final SyscallFrame frame;
    private final FileSystem fs;

    @Inject
    NameCalls(SyscallFrame frame, FileSystem fs) {
        this.frame = frame;
        this.fs = fs;
    }

    private interface TwoNames {
        int apply(Lookup at, String a, String b);
    }

    /** A call on two paths answering 0 or an errno. */
    private int twoNames(String a, String b, TwoNames op) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (a == null || b == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = op.apply(SyscallFrame.lookup(p), a, b);
            return r != 0 ? SyscallFrame.fail(p, r) : 0;
        } finally {
            frame.leave(p);
        }
    }

    public int mkfifo(String path, int mode) {
        return twoNames(path, "", (at, a, b) -> fs.mkfifo(at, a, mode));
    }

    public int link(String existing, String newPath) {
        return twoNames(existing, newPath, fs::link);
    }

    public int symlink(String target, String path) {
        return twoNames(target, path, fs::symlink);
    }

    public int rename(String from, String to) {
        return twoNames(from, to, fs::rename);
    }

    public int chmod(String path, int mode) {
        return twoNames(path, "", (at, a, b) -> fs.chmod(at, a, mode));
    }

    public int chown(String path, int owner, int group) {
        return twoNames(path, "", (at, a, b) -> fs.chown(at, a, owner, group));
    }

    public String readlink(String path) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) {
                SyscallFrame.fail(p, Errno.EFAULT);
                return null;
            }
            int[] errno = new int[1];
            String target = fs.readlink(SyscallFrame.lookup(p), path, errno);
            if (target == null) SyscallFrame.fail(p, errno[0]);
            return target;
        } finally {
            frame.leave(p);
        }
    }

    public Stat stat(String path) {
        return stat(path, true);
    }

    public Stat lstat(String path) {
        return stat(path, false);
    }

    /** stat(2) ({@code follow}) or lstat(2): null with errno set on failure. */
    private Stat stat(String path, boolean follow) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) {
                SyscallFrame.fail(p, Errno.EFAULT);
                return null;
            }
            int[] errno = new int[1];
            Stat st = fs.stat(SyscallFrame.lookup(p), path, follow, errno);
            if (st == null) SyscallFrame.fail(p, errno[0]);
            return st;
        } finally {
            frame.leave(p);
        }
    }

    public int access(String path, int amode) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) return SyscallFrame.fail(p, Errno.EFAULT);
            if ((amode & ~(Fcntl.R_OK | Fcntl.W_OK | Fcntl.X_OK)) != 0) return SyscallFrame.fail(p, Errno.EINVAL);
            // access(2): "the real user ID is used in place of the effective user ID" (and the real group ID).
            Credentials real = new Credentials(p.ruid, p.ruid, p.rgid, p.rgid, p.umask);
            VnodeResult v = fs.lookup(new Lookup(p.cwd, p.root, real), path);
            if (v.errno() != 0) return SyscallFrame.fail(p, v.errno());
            if (amode == Fcntl.F_OK) return 0;
            int denied = fs.access(v.vnode(), real, amode);
            return denied != 0 ? SyscallFrame.fail(p, denied) : 0;
        } finally {
            frame.leave(p);
        }
    }

    public int chroot(String path) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (path == null) return SyscallFrame.fail(p, Errno.EFAULT);
            // chroot(2): "EPERM: the effective user ID is not super-user".
            if (p.euid != 0) return SyscallFrame.fail(p, Errno.EPERM);
            VnodeResult v = fs.lookup(SyscallFrame.lookup(p), path);
            if (v.errno() != 0) return SyscallFrame.fail(p, v.errno());
            if ((v.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return SyscallFrame.fail(p, Errno.ENOTDIR);
            p.root = v.vnode();
            return 0;
        } finally {
            frame.leave(p);
        }
    }
}
