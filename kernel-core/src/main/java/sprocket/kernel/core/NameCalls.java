package sprocket.kernel.core;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.Vnode;
import sprocket.api.fs.VnodeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * The calls that work on names rather than descriptors: stat, lstat, link, symlink, readlink, rename, chmod, chown,
 * access, chroot, mount, umount.
 */
@Singleton
final class NameCalls {
    private final SyscallFrame frame;
    private final FileSystem fs;
    private final ProcTable table;

    @Inject
    NameCalls(SyscallFrame frame, FileSystem fs, ProcTable table) {
        this.frame = frame;
        this.fs = fs;
        this.table = table;
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

    /** mount(2): the file system checks the privilege, the type, the flags and the target. */
    public int mount(String source, String target, String fstype, int flags) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (source == null || target == null || fstype == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = fs.mount(SyscallFrame.lookup(p), source, target, fstype, flags);
            return r != 0 ? SyscallFrame.fail(p, r) : 0;
        } finally {
            frame.leave(p);
        }
    }

    /** umount(2): the file system is told every directory a process stands in, which keep it busy (EBUSY). */
    public int umount(String target) {
        Proc p = frame.enter(Locks.Area.FILE);
        try {
            if (target == null) return SyscallFrame.fail(p, Errno.EFAULT);
            int r = fs.umount(SyscallFrame.lookup(p), target, directoriesInUse());
            return r != 0 ? SyscallFrame.fail(p, r) : 0;
        } finally {
            frame.leave(p);
        }
    }

    /**
     * The current and root directories of every live process, and the copies share groups keep for members yet to
     * pick them up (a zombie has given its directories back).
     */
    private Vnode[] directoriesInUse() {
        List<Vnode> dirs = new ArrayList<>();
        for (Proc q : table.all()) {
            if (!q.alive()) continue;
            dirs.add(q.cwd);
            dirs.add(q.root);
            if (q.shaddr != null) {
                dirs.add(q.shaddr.cdir);
                dirs.add(q.shaddr.rdir);
            }
        }
        return dirs.toArray(new Vnode[0]);
    }
}
