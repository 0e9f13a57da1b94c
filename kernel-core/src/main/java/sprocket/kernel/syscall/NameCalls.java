package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.answer;
import static sprocket.kernel.syscall.Errors.fail;

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
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;

/**
 * The calls that work on names rather than descriptors: stat, lstat, mkfifo, link, symlink, readlink, rename,
 * chmod, chown, access, chroot, mount, umount.
 */
@Singleton
final class NameCalls {
    private final FileSystem fs;
    private final ProcTable table;

    @Inject
    NameCalls(FileSystem fs, ProcTable table) {
        this.fs = fs;
        this.table = table;
    }

    /** Where {@code p} resolves paths from, and as whom. */
    static Lookup lookup(Proc p) {
        return new Lookup(p.cwd, p.root, p.cred.credentials());
    }

    private interface TwoNames {
        int apply(Lookup at, String a, String b);
    }

    /** A call on two paths answering 0 or an errno. */
    private static int twoNames(Proc p, String a, String b, TwoNames op) {
        if (a == null || b == null) return fail(p, Errno.EFAULT);
        int r = op.apply(lookup(p), a, b);
        return r != 0 ? fail(p, r) : 0;
    }

    int mkfifo(Proc p, String path, int mode) {
        return twoNames(p, path, "", (at, a, b) -> fs.mkfifo(at, a, mode));
    }

    int link(Proc p, String existing, String newPath) {
        return twoNames(p, existing, newPath, fs::link);
    }

    int symlink(Proc p, String target, String path) {
        return twoNames(p, target, path, fs::symlink);
    }

    int rename(Proc p, String from, String to) {
        return twoNames(p, from, to, fs::rename);
    }

    int chmod(Proc p, String path, int mode) {
        return twoNames(p, path, "", (at, a, b) -> fs.chmod(at, a, mode));
    }

    int chown(Proc p, String path, int owner, int group) {
        return twoNames(p, path, "", (at, a, b) -> fs.chown(at, a, owner, group));
    }

    int readlink(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        int[] errno = new int[1];
        return answer(p, fs.readlink(lookup(p), path, errno), errno[0]);
    }

    /** stat(2) ({@code follow}) or lstat(2). */
    int stat(Proc p, String path, boolean follow) {
        if (path == null) return fail(p, Errno.EFAULT);
        int[] errno = new int[1];
        return answer(p, fs.stat(lookup(p), path, follow, errno), errno[0]);
    }

    int access(Proc p, String path, int amode) {
        if (path == null) return fail(p, Errno.EFAULT);
        if ((amode & ~(Fcntl.R_OK | Fcntl.W_OK | Fcntl.X_OK)) != 0) return fail(p, Errno.EINVAL);
        // access(2): "the real user ID is used in place of the effective user ID" (and the real group ID).
        Credentials real = p.cred.real();
        VnodeResult v = fs.lookup(new Lookup(p.cwd, p.root, real), path);
        if (v.errno() != 0) return fail(p, v.errno());
        if (amode == Fcntl.F_OK) return 0;
        int denied = fs.access(v.vnode(), real, amode);
        return denied != 0 ? fail(p, denied) : 0;
    }

    int chroot(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        // chroot(2): "EPERM: the effective user ID is not super-user".
        if (!p.cred.root()) return fail(p, Errno.EPERM);
        VnodeResult v = fs.lookup(lookup(p), path);
        if (v.errno() != 0) return fail(p, v.errno());
        if ((v.vnode().mode() & FileMode.S_IFMT) != FileMode.S_IFDIR) return fail(p, Errno.ENOTDIR);
        p.root = v.vnode();
        return 0;
    }

    /** mount(2): the file system checks the privilege, the type, the flags and the target. */
    int mount(Proc p, String source, String target, String fstype, int flags) {
        if (source == null || target == null || fstype == null) return fail(p, Errno.EFAULT);
        int r = fs.mount(lookup(p), source, target, fstype, flags);
        return r != 0 ? fail(p, r) : 0;
    }

    /** umount(2): the file system is told every directory a process stands in, which keep it busy (EBUSY). */
    int umount(Proc p, String target) {
        if (target == null) return fail(p, Errno.EFAULT);
        int r = fs.umount(lookup(p), target, directoriesInUse());
        return r != 0 ? fail(p, r) : 0;
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
                dirs.add(q.shaddr.copiedCwd());
                dirs.add(q.shaddr.copiedRoot());
            }
        }
        return dirs.toArray(new Vnode[0]);
    }
}
