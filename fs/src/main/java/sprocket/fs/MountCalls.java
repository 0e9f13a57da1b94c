package sprocket.fs;

import java.util.ArrayDeque;
import sprocket.api.Errno;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.Vnode;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Mount;

/**
 * mount(2) and umount(2) on the name space: mounting makes a new file system and lets its root cover a directory
 * (SVR4 smount sets the covered vnode's v_vfsmountedhere, and the new vfs remembers the vnode it covers);
 * unmounting uncovers the directory and frees every node the file system held, as tmpfs does. Each call resolves,
 * checks, changes, then charges once.
 */
final class MountCalls {

    /** The root's i-number in every file system, as in s5 and UFS. */
    static final long ROOT_INO = 2;
    /** tmpfs(5): the root directory of a new tmpfs is "mode=1777" unless told otherwise. */
    private static final int TMPFS_ROOT_PERM = FileMode.S_ISVTX | 0777;

    private MountCalls() {
    }

    /** Mounts {@code vfs}, its root made, on {@code covered} and enters it in the mount table. */
    static void cover(MountTable mounts, Directory covered, Vfs vfs) {
        covered.mounted = vfs.root;
        vfs.covered = covered;
        mounts.add(vfs);
    }

    static int mount(MemFs fs, Lookup at, String source, String target, String fstype, int flags) {
        // SVR4 mount(2): "EPERM The effective user ID is not super-user."
        if (!at.credentials().root()) return Errno.EPERM;
        // A flag this kernel does not know is refused, not ignored (as umount2(2): "EINVAL ... an invalid flag value").
        if ((flags & ~Mount.MS_RDONLY) != 0) return Errno.EINVAL;
        // Linux mount(2): "ENODEV filesystemtype not configured in the kernel."
        if (!fstype.equals(Mount.MEMFS) && !fstype.equals(Mount.PROC)) return Errno.ENODEV;
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, target, fs.rootDirectory(), nd, true);
        long cost = nd.components * Costs.COMPONENT;
        if (err == 0) err = mayCover(nd.node);
        if (err == 0) {
            MountTable mounts = fs.mounts();
            Vfs vfs = new Vfs(mounts.newDev(), fstype, source, flags, ROOT_INO);
            if (fstype.equals(Mount.MEMFS)) {
                vfs.root = new Directory(vfs, vfs.newIno(), TMPFS_ROOT_PERM, Credentials.ROOT, Credentials.ROOT,
                        fs.seconds());
            } else {
                new ProcFs(fs.kernel(), mounts, vfs);
            }
            cover(mounts, (Directory) nd.node, vfs);
            cost += Costs.NODE;
        }
        fs.kernel().charge(cost);
        return err;
    }

    /** Whether a file system may be mounted on {@code node}: 0 or an errno. */
    private static int mayCover(MemNode node) {
        // Linux mount(2): "ENOTDIR target, or a prefix of source, is not a directory."
        if (node.type() != FileMode.S_IFDIR) return Errno.ENOTDIR;
        // SVR4 mount(2): "EBUSY dir is currently mounted on ... or is otherwise busy": the root of "/" or of a
        // mounted file system, or a covered directory reached as "." by a process whose current directory it is.
        if (node.vfs.root == node || node instanceof Directory d && d.mounted != null) return Errno.EBUSY;
        // A procfs directory is made afresh at every lookup: there is nowhere to keep a mount, as there is nowhere
        // to keep a new name (Solaris prcreate's EACCES).
        if (!(node instanceof Directory dir)) return Errno.EACCES;
        // A removed directory is no place in the name space: Linux's lookup of it says ENOENT.
        return dir.removed() ? Errno.ENOENT : 0;
    }

    static int umount(MemFs fs, Lookup at, String target, Vnode[] inUse) {
        // SVR4 umount(2): "EPERM The process's effective user ID is not super-user."
        if (!at.credentials().root()) return Errno.EPERM;
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, target, fs.rootDirectory(), nd, true);
        long cost = nd.components * Costs.COMPONENT;
        if (err == 0) err = mayUncover(fs.mounts(), nd.node, inUse);
        if (err == 0) {
            Vfs vfs = nd.node.vfs;
            vfs.covered.mounted = null;
            fs.mounts().remove(vfs);
            cost += Costs.NODE + release(vfs, fs.seconds()) * Costs.FREE;
        }
        fs.kernel().charge(cost);
        return err;
    }

    /** Whether the file system whose root {@code node} is may be unmounted now: 0 or an errno. */
    private static int mayUncover(MountTable mounts, MemNode node, Vnode[] inUse) {
        Vfs vfs = node.vfs;
        // Linux umount(2): "EINVAL target is not a mount point."
        if (vfs.root != node) return Errno.EINVAL;
        // Linux umount(2): "EBUSY target could not be unmounted because it is busy." The root file system always is:
        // it holds init's root directory; a file system is while one of its files is open or mapped...
        if (vfs.covered == null || vfs.references != 0) return Errno.EBUSY;
        // ...while another file system is mounted on one of its directories...
        for (Vfs other : mounts.all()) {
            if (other.covered != null && other.covered.vfs == vfs) return Errno.EBUSY;
        }
        // ...and while a process has its current or root directory on it (SVR4: "someone's current working directory").
        for (Vnode v : inUse) {
            if (v instanceof MemNode n && n.vfs == vfs) return Errno.EBUSY;
        }
        return 0;
    }

    /**
     * Frees an unmounted file system: every name is removed, so every node's storage goes (nothing holds one: umount
     * checked). Returns the names removed; the process file system stores none.
     */
    private static int release(Vfs vfs, long now) {
        if (!(vfs.root instanceof Directory top)) return 0;
        ArrayDeque<Directory> dirs = new ArrayDeque<>();
        dirs.push(top);
        int removed = 0;
        while (!dirs.isEmpty()) {
            Directory d = dirs.pop();
            for (int i = d.count() - 1; i >= 0; i--) {
                MemNode child = d.nodeAt(i);
                d.remove(d.nameAt(i), now);
                if (child instanceof Directory sub) {
                    dirs.push(sub);
                } else {
                    child.unlinked(now);
                }
                removed++;
            }
            d.nlink = 0;
        }
        return removed;
    }
}
