package sprocket.kernel.vfs;

import static sprocket.api.sys.Mount.MS_RDONLY;

import java.util.List;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FileSystemProvider;

/**
 * mount(2) and umount(2): mounting makes a new file system of the type named and lets its root cover a directory
 * (SVR4 smount sets the covered vnode's v_vfsmountedhere, and the new vfs remembers the vnode it covers); unmounting
 * uncovers the directory and has the file system give back everything it held. Each call resolves, checks, changes,
 * then charges once.
 */
final class Mounts {

    private Mounts() {
    }

    static void mount(NameSpace ns, NameContext at, String source, String target, String fstype, int flags) {
        // SVR4 mount(2): "EPERM The effective user ID is not super-user."
        if (!at.credentials().root()) throw ErrnoException.of(Errno.EPERM);
        // A flag this kernel does not know is refused, not ignored (as umount2(2): "EINVAL ... an invalid flag value").
        if ((flags & ~MS_RDONLY) != 0) throw ErrnoException.of(Errno.EINVAL);
        // Linux mount(2): "ENODEV filesystemtype not configured in the kernel."
        FileSystemProvider type = ns.types().find(fstype);
        if (type == null) throw ErrnoException.of(Errno.ENODEV);
        Nameidata nd = new Nameidata();
        try {
            Namei.lookup(at, target, nd, true);
            mayCover(nd.vp);
            ns.cover(nd.vp, ns.newMount(type, source, flags));
            ns.charge(VfsCosts.NODE);
        } finally {
            ns.charge(nd.components * VfsCosts.COMPONENT);
        }
    }

    /** Whether a file system may be mounted on {@code v}. */
    private static void mayCover(Vnode v) {
        // Linux mount(2): "ENOTDIR target, or a prefix of source, is not a directory."
        if (!v.isDirectory()) throw ErrnoException.of(Errno.ENOTDIR);
        // SVR4 mount(2): "EBUSY dir is currently mounted on ... or is otherwise busy": the root of "/" or of a
        // mounted file system, or a covered directory reached as "." by a process whose current directory it is.
        if (v.isMountRoot() || v.mount.vnode(v.inode).mountedHere != null) throw ErrnoException.of(Errno.EBUSY);
        // A directory whose names its file system makes (procfs) is made afresh at every lookup: no place to keep
        // a mount, as there is none for a new name (Solaris prcreate's EACCES).
        if (v.inode.readOnly()) throw ErrnoException.of(Errno.EACCES);
        // A removed directory is no place in the name space: Linux's lookup of it says ENOENT.
        if (v.inode.nlink() == 0) throw ErrnoException.of(Errno.ENOENT);
    }

    static void umount(NameSpace ns, NameContext at, String target, List<Vnode> inUse) {
        // SVR4 umount(2): "EPERM The process's effective user ID is not super-user."
        if (!at.credentials().root()) throw ErrnoException.of(Errno.EPERM);
        Nameidata nd = new Nameidata();
        try {
            Namei.lookup(at, target, nd, true);
            Mount m = nd.vp.mount;
            mayUncover(ns.mounts(), nd.vp, inUse);
            Vnode covered = m.covered;
            covered.mountedHere = null;
            m.covered = null;
            ns.mounts().remove(m);
            covered.rele();
            m.root.rele();
            m.fs.unmount();
            ns.charge(VfsCosts.NODE);
        } finally {
            ns.charge(nd.components * VfsCosts.COMPONENT);
        }
    }

    /** Whether the file system whose root {@code v} is may be unmounted now. */
    private static void mayUncover(MountTable mounts, Vnode v, List<Vnode> inUse) {
        Mount m = v.mount;
        // Linux umount(2): "EINVAL target is not a mount point."
        if (!v.isMountRoot()) throw ErrnoException.of(Errno.EINVAL);
        // Linux umount(2): "EBUSY target could not be unmounted because it is busy." The root file system always is:
        // it holds init's root directory; a file system is while one of its files is open, mapped or bound to a
        // socket (any reference but the mount's own on its root)...
        if (m.covered == null || m.references != 1) throw ErrnoException.of(Errno.EBUSY);
        // ...while another file system is mounted on one of its directories...
        if (mounts.covers(m)) throw ErrnoException.of(Errno.EBUSY);
        // ...and while a process has its current or root directory on it (SVR4: "someone's current working directory").
        for (Vnode d : inUse) {
            if (d.mount == m) throw ErrnoException.of(Errno.EBUSY);
        }
    }
}
