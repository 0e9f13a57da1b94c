package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_EXCL;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_TRUNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.R_OK;
import static sprocket.api.sys.Fcntl.W_OK;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.ipc.Ipc;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.kernel.dev.Cdevsw;
import sprocket.kernel.dev.CharDriver;

/**
 * open(2) (SVR4's copen and vn_open): the open-file entry first (ENFILE before the path is looked at), then the path,
 * creating a regular file for O_CREAT, the checks, and what the file's type needs: a device's driver from the cdevsw
 * (ENXIO when there is none), a FIFO's waiting rules with a pipe from the IPC module behind it.
 */
@Singleton
public final class VnOpen {

    private final FileTable files;
    private final Cdevsw cdevsw;
    private final Ipc ipc;
    private final KernelServices kernel;

    @Inject
    public VnOpen(FileTable files, Cdevsw cdevsw, Ipc ipc, KernelServices kernel) {
        this.files = files;
        this.cdevsw = cdevsw;
        this.ipc = ipc;
        this.kernel = kernel;
    }

    /** open(2): flags and mode as {@link Fcntl} gives them; the umask is applied to a file it creates. */
    public File open(NameContext at, String path, int flags, int mode) {
        int access = flags & O_ACCMODE;
        if (access == O_ACCMODE) throw ErrnoException.of(Errno.EINVAL);
        // SVR4 copen takes the file table entry (falloc) before it looks at the path.
        files.reserve(1);
        Nameidata nd = new Nameidata();
        boolean create = (flags & O_CREAT) != 0;
        boolean exclusive = create && (flags & O_EXCL) != 0;
        // open(2) follows a final symbolic link, also to create its target, unless O_NOFOLLOW or O_CREAT|O_EXCL.
        boolean follow = (flags & Fcntl.O_NOFOLLOW) == 0 && !exclusive;
        long cost = 0;
        Vnode v;
        try {
            try {
                Namei.resolve(at, path, nd, create, follow);
            } finally {
                cost = nd.components * VfsCosts.COMPONENT;
            }
            v = nd.vp;
            // SVR4's iget: a file not yet in core needs an inode table entry (ENFILE, an overflow, when none is free).
            Vnode on = v != null ? v : nd.dvp;
            if (on != null && (v == null || !v.held())) on.mount.inodes.reserve();
            Credentials c = at.credentials();
            if (v != null && v.type() == FileMode.S_IFLNK) {
                // open(2): O_CREAT|O_EXCL fails with EEXIST "regardless of the contents of the symbolic link";
                // O_NOFOLLOW: "ELOOP ... the final component of path is a symbolic link".
                throw ErrnoException.of(exclusive ? Errno.EEXIST : Errno.ELOOP);
            } else if (v == null) {
                // A missing name with a trailing slash can only be a directory, which open(2) does not make.
                if (nd.trailingSlash) throw ErrnoException.of(Errno.EISDIR);
                Names.mayEnter(nd, c);
                // open(2): a file it creates is opened as asked even if its new mode forbids that access.
                Inode made = nd.dvp.inode.create(nd.name(), FileMode.S_IFREG | (mode & Names.PERM_BITS & ~c.umask()),
                        c.euid(), Permission.groupFor(nd.dvp, c), 0);
                v = nd.dvp.mount.vnode(made);
                cost += VfsCosts.NODE;
            } else if (exclusive) {
                throw ErrnoException.of(Errno.EEXIST);
            } else if (v.type() == FileMode.S_IFSOCK) {
                // POSIX open(2): "EOPNOTSUPP The path argument names a socket."
                throw ErrnoException.of(Errno.EOPNOTSUPP);
            } else {
                mayOpen(v, access, c);
                if ((flags & O_TRUNC) != 0 && access != O_RDONLY && v.type() == FileMode.S_IFREG) v.inode.truncate(0);
            }
        } catch (ErrnoException e) {
            kernel.charge(cost);
            throw e;
        }
        Vnode held = v.hold();
        CharDriver driver = null;
        if (held.type() == FileMode.S_IFCHR) {
            driver = cdevsw.driver(held.inode.getattr(0).rdev());
            if (driver == null) {
                held.rele();
                kernel.charge(cost);
                // open(2): "ENXIO The named file is a character special ... file, and the device associated with this
                // special file does not exist."
                throw ErrnoException.of(Errno.ENXIO);
            }
        }
        File f = files.open(held, flags, driver);
        if (driver != null) {
            try {
                // d_open: a terminal may become the caller's controlling terminal here.
                driver.open(Cdevsw.minor(held.inode.getattr(0).rdev()), flags);
            } catch (ErrnoException e) {
                f.abandon();
                kernel.charge(cost);
                throw e;
            }
        }
        if (held.type() == FileMode.S_IFIFO) {
            if (held.fifo == null) held.fifo = new Fifo(kernel, ipc);
            try {
                // The FIFO may sleep for the other side, its entry taken (SVR4's falloc came first).
                held.fifo.open(flags);
            } catch (ErrnoException e) {
                f.abandon();
                kernel.charge(cost);
                throw e;
            }
        }
        kernel.charge(cost + VfsCosts.FILE_ENTRY);
        return f;
    }

    /**
     * open(2) of an existing file: EISDIR for writing a directory, EROFS for writing a file of a read-only file system
     * (a device or FIFO on it is still written: SVR4 vn_open's ISROFILE), else the permission the access mode needs.
     */
    private static void mayOpen(Vnode v, int access, Credentials c) {
        if (v.isDirectory() && access != O_RDONLY) throw ErrnoException.of(Errno.EISDIR);
        // open(2): "EROFS The named file resides on a read-only file system and either O_WRONLY, O_RDWR ... is set".
        if (access != O_RDONLY && NameSpace.writesReadOnly(v)) throw ErrnoException.of(Errno.EROFS);
        int how = access == O_RDONLY ? R_OK : access == O_WRONLY ? W_OK : R_OK | W_OK;
        if (!Permission.permits(v, c, how)) throw ErrnoException.of(Errno.EACCES);
    }
}
