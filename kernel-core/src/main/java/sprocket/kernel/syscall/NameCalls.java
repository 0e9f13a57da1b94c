package sprocket.kernel.syscall;

import static sprocket.kernel.syscall.Errors.answer;
import static sprocket.kernel.syscall.Errors.fail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.Fcntl;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.ProcTable;
import sprocket.kernel.vfs.NameContext;
import sprocket.kernel.vfs.NameSpace;
import sprocket.kernel.vfs.Vnode;

/**
 * The calls that work on names rather than descriptors: stat, lstat, mkfifo, link, symlink, readlink, rename,
 * chmod, chown, access, chroot, mount, umount. The kernel's name space does the work for the calling process.
 */
@Singleton
final class NameCalls {
    private final NameSpace names;
    private final ProcTable table;

    @Inject
    NameCalls(NameSpace names, ProcTable table) {
        this.names = names;
        this.table = table;
    }

    int mkfifo(Proc p, String path, int mode) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.mkfifo(p.nameContext(), path, mode);
        return 0;
    }

    int link(Proc p, String existing, String newPath) {
        if (existing == null || newPath == null) return fail(p, Errno.EFAULT);
        names.link(p.nameContext(), existing, newPath);
        return 0;
    }

    int symlink(Proc p, String target, String path) {
        if (target == null || path == null) return fail(p, Errno.EFAULT);
        names.symlink(p.nameContext(), target, path);
        return 0;
    }

    int rename(Proc p, String from, String to) {
        if (from == null || to == null) return fail(p, Errno.EFAULT);
        names.rename(p.nameContext(), from, to);
        return 0;
    }

    int chmod(Proc p, String path, int mode) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.chmod(p.nameContext(), path, mode);
        return 0;
    }

    int chown(Proc p, String path, int owner, int group) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.chown(p.nameContext(), path, owner, group);
        return 0;
    }

    int lchown(Proc p, String path, int owner, int group) {
        if (path == null) return fail(p, Errno.EFAULT);
        names.lchown(p.nameContext(), path, owner, group);
        return 0;
    }

    /** utime(2): {@code times} the access and modification times, or null for now. */
    int utime(Proc p, String path, long[] times) {
        if (path == null) return fail(p, Errno.EFAULT);
        // utime(2): "EFAULT times is not NULL and points outside the process's allocated address space."
        if (times != null && times.length < 2) return fail(p, Errno.EFAULT);
        names.utime(p.nameContext(), path, times);
        return 0;
    }

    int readlink(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        return answer(p, names.readlink(p.nameContext(), path));
    }

    /** stat(2) ({@code follow}) or lstat(2). */
    int stat(Proc p, String path, boolean follow) {
        if (path == null) return fail(p, Errno.EFAULT);
        return answer(p, names.stat(p.nameContext(), path, follow));
    }

    int statvfs(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        return answer(p, names.statvfs(p.nameContext(), path));
    }

    int access(Proc p, String path, int amode) {
        if (path == null) return fail(p, Errno.EFAULT);
        if ((amode & ~(Fcntl.R_OK | Fcntl.W_OK | Fcntl.X_OK)) != 0) return fail(p, Errno.EINVAL);
        // access(2): "the real user ID is used in place of the effective user ID" (and the real group ID).
        Credentials real = p.cred.real();
        Vnode v = names.lookup(new NameContext(p.cwd, p.root, real), path, true);
        if (amode == Fcntl.F_OK) return 0;
        names.access(v, real, amode);
        return 0;
    }

    int chroot(Proc p, String path) {
        if (path == null) return fail(p, Errno.EFAULT);
        // chroot(2): "EPERM: the effective user ID is not super-user".
        if (!p.cred.root()) return fail(p, Errno.EPERM);
        Vnode v = names.lookup(p.nameContext(), path, true);
        if (!v.isDirectory()) return fail(p, Errno.ENOTDIR);
        p.root = v;
        return 0;
    }

    /** mount(2): the privilege, the type, the flags and the target are the name space's to check. */
    int mount(Proc p, String source, String target, String fstype, int flags) {
        if (source == null || target == null || fstype == null) return fail(p, Errno.EFAULT);
        names.mount(p.nameContext(), source, target, fstype, flags);
        return 0;
    }

    /** umount(2): every directory a process stands in keeps its file system busy (EBUSY). */
    int umount(Proc p, String target) {
        if (target == null) return fail(p, Errno.EFAULT);
        names.umount(p.nameContext(), target, directoriesInUse());
        return 0;
    }

    /**
     * The current and root directories of every live process, and the copies share groups keep for members yet to
     * pick them up (a zombie has given its directories back).
     */
    private List<Vnode> directoriesInUse() {
        List<Vnode> dirs = new ArrayList<>();
        for (Proc q : table.all()) {
            if (!q.alive()) continue;
            dirs.add(q.cwd);
            dirs.add(q.root);
            if (q.shaddr() != null) {
                if (q.shaddr().copiedCwd() != null) dirs.add(q.shaddr().copiedCwd());
                if (q.shaddr().copiedRoot() != null) dirs.add(q.shaddr().copiedRoot());
            }
        }
        return dirs;
    }
}
