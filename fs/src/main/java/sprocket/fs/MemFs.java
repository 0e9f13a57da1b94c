package sprocket.fs;

import static sprocket.api.sys.Fcntl.O_ACCMODE;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_EXCL;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_TRUNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.R_OK;
import static sprocket.api.sys.Fcntl.W_OK;
import static sprocket.api.sys.Fcntl.X_OK;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.Lookup;
import sprocket.api.fs.OpenResult;
import sprocket.api.fs.Vnode;
import sprocket.api.fs.VnodeResult;
import sprocket.api.fs.PipeResult;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Mount;
import sprocket.api.sys.Stat;

/**
 * The memory file system mounted as "/": the name-space system calls (open, mkdir, mkfifo, rmdir, unlink, stat) over
 * {@link MemNode}s, and the system open file table; links, rename and attribute changes are in {@link Links},
 * {@link Rename} and {@link SetAttr}. At boot it mounts the process file system ({@link ProcFs}) on /proc and keeps
 * the {@link MountTable}; mount(2) and umount(2) ({@link MountCalls}) add and take away more, and namei crosses
 * between them. Every call does its work and then charges once.
 */
final class MemFs implements FileSystem {

    private static final Logger log = LoggerFactory.getLogger(MemFs.class);

    private static final int DIR_PERM = 0755;
    private static final int DEVICE_PERM = 0666;
    /** The directory /proc is mounted on; what it holds is hidden while covered. */
    private static final int PROC_PERM = 0555;
    /** Permission bits mkdir(2) and creat(2) take from their mode argument. */
    static final int PERM_BITS = 07777;
    private static final int ROOT_ID = Credentials.ROOT;

    private final FsContext context;
    private final KernelServices kernel;
    private final FileTable files;
    private final LockWaits lockWaits;
    private final Directory root;
    private final MountTable mounts = new MountTable();

    MemFs(FsContext context, int nfile) {
        this.context = context;
        this.kernel = context.kernel();
        this.files = new FileTable(nfile);
        this.lockWaits = new LockWaits(kernel);
        long now = seconds();
        Vfs vfs = new Vfs(mounts.newDev(), Mount.MEMFS, "memfs", 0, MountCalls.ROOT_INO);
        this.root = new Directory(vfs, vfs.newIno(), DIR_PERM, ROOT_ID, ROOT_ID, now);
        vfs.root = root;
        mounts.add(vfs);
        makeDirectory(root, "bin", DIR_PERM, ROOT_ID, ROOT_ID, now);
        Directory dev = makeDirectory(root, "dev", DIR_PERM, ROOT_ID, ROOT_ID, now);
        makeDirectory(root, "tmp", FileMode.S_ISVTX | 0777, ROOT_ID, ROOT_ID, now);
        CharDriver cons = new ConsoleDriver(context.console());
        enter(dev, "console", new CharDevice(vfs, vfs.newIno(), DEVICE_PERM, ROOT_ID, ROOT_ID, now, cons), now);
        enter(dev, "tty", new CharDevice(vfs, vfs.newIno(), DEVICE_PERM, ROOT_ID, ROOT_ID, now, cons), now);
        enter(dev, "null", new CharDevice(vfs, vfs.newIno(), DEVICE_PERM, ROOT_ID, ROOT_ID, now, new NullDriver()), now);
        enter(dev, "zero", new CharDevice(vfs, vfs.newIno(), DEVICE_PERM, ROOT_ID, ROOT_ID, now, new ZeroDriver()), now);
        Directory proc = makeDirectory(root, "proc", PROC_PERM, ROOT_ID, ROOT_ID, now);
        Vfs procVfs = new Vfs(mounts.newDev(), Mount.PROC, "proc", 0, MountCalls.ROOT_INO);
        new ProcFs(kernel, mounts, procVfs);
        MountCalls.cover(mounts, proc, procVfs);
        log.debug("memfs: root file system with {} open file table entries", nfile);
    }

    KernelServices kernel() {
        return kernel;
    }

    /** A new pipe from the IPC module, for a FIFO that needs one. */
    PipeResult newPipe() {
        return context.pipe();
    }

    /** The processes asleep in F_SETLKW on this file system's files. */
    LockWaits lockWaits() {
        return lockWaits;
    }

    /** The file system's own root, where ".." of the top stays and where a path stops climbing. */
    Directory rootDirectory() {
        return root;
    }

    /** Simulated seconds since boot, for st_atime, st_mtime and st_ctime. */
    long seconds() {
        return kernel.now() / kernel.clockHz();
    }

    @Override
    public Vnode root() {
        return root;
    }

    @Override
    public OpenResult open(Lookup at, String path, int flags, int mode) {
        int access = flags & O_ACCMODE;
        if (access == O_ACCMODE) return OpenResult.error(Errno.EINVAL);
        // SVR4 copen takes the file table entry (falloc) before it looks at the path.
        if (files.full()) return OpenResult.error(Errno.ENFILE);
        Nameidata nd = new Nameidata();
        boolean create = (flags & O_CREAT) != 0;
        boolean exclusive = create && (flags & O_EXCL) != 0;
        // open(2) follows a final symbolic link, also to create its target, unless O_NOFOLLOW or O_CREAT|O_EXCL.
        boolean follow = (flags & Fcntl.O_NOFOLLOW) == 0 && !exclusive;
        int err = Namei.resolve(at, path, root, nd, create, follow);
        long cost = nd.components * Costs.COMPONENT;
        MemNode node = nd.node;
        long now = seconds();
        if (err == 0) {
            if (node instanceof SymbolicLink) {
                // open(2): O_CREAT|O_EXCL fails with EEXIST "regardless of the contents of the symbolic link";
                // O_NOFOLLOW: "ELOOP ... the final component of path is a symbolic link".
                err = exclusive ? Errno.EEXIST : Errno.ELOOP;
            } else if (node == null) {
                Credentials c = at.credentials();
                // A missing name with a trailing slash can only be a directory, which open(2) does not make.
                err = nd.trailingSlash ? Errno.EISDIR : mayEnter(nd, c);
                if (err == 0) {
                    // open(2): a file it creates is opened as asked even if its new mode forbids that access.
                    node = new RegularFile(nd.parent.vfs, nd.parent.vfs.newIno(), mode & PERM_BITS & ~c.umask(), c.euid(), groupFor(nd.parent, c), now);
                    enter(nd.parent, nd.name(), node, now);
                    cost += Costs.NODE;
                }
            } else if (exclusive) {
                err = Errno.EEXIST;
            } else if (node instanceof SocketNode) {
                // POSIX open(2): "EOPNOTSUPP The path argument names a socket."
                err = Errno.EOPNOTSUPP;
            } else {
                err = mayOpen(node, access, at.credentials());
                if (err == 0 && (flags & O_TRUNC) != 0 && access != O_RDONLY) node.truncate(now);
            }
        }
        if (err != 0) {
            kernel.charge(cost);
            return OpenResult.error(err);
        }
        files.allocate();
        node.hold();
        if (node instanceof Fifo fifo) return openFifo(fifo, flags, cost);
        FileEntry file = new FileEntry(this, node, flags);
        kernel.charge(cost + Costs.FILE_ENTRY);
        return OpenResult.of(file);
    }

    /**
     * open(2) of a FIFO, its table entry taken: the FIFO may sleep for the other side (the entry stays taken, as
     * SVR4's falloc came first); an error gives the entry back.
     */
    private OpenResult openFifo(Fifo fifo, int flags, long cost) {
        int err = fifo.open(flags);
        if (err != 0) {
            fifo.rele();
            files.free();
            kernel.charge(cost);
            return OpenResult.error(err);
        }
        kernel.charge(cost + Costs.FILE_ENTRY);
        return OpenResult.of(new FifoEnd(this, fifo, flags));
    }

    /**
     * open(2) of an existing node: EISDIR for writing a directory, EROFS for writing a file of a read-only file system
     * (a device or FIFO on it is still written: SVR4 vn_open's ISROFILE), else the permission the access mode needs.
     */
    private static int mayOpen(MemNode node, int access, Credentials c) {
        if (node.type() == FileMode.S_IFDIR && access != O_RDONLY) return Errno.EISDIR;
        // open(2): "EROFS The named file resides on a read-only file system and either O_WRONLY, O_RDWR ... is set".
        if (access != O_RDONLY && node.vfs.readOnly() && !(node instanceof CharDevice) && !(node instanceof Fifo)) {
            return Errno.EROFS;
        }
        int how = access == O_RDONLY ? R_OK : access == O_WRONLY ? W_OK : R_OK | W_OK;
        return Permission.permits(node, c, how) ? 0 : Errno.EACCES;
    }

    /** Whether a new entry may go where namei left {@code nd}: 0 or an errno. */
    static int mayEnter(Nameidata nd, Credentials c) {
        if (nd.fixedNames()) return Errno.EACCES;
        if (nd.parent.removed()) return Errno.ENOENT;
        // mkdir(2), creat(2), link(2)...: "EROFS The directory in which the entry ... would be placed ... resides on a
        // read-only file system."
        if (nd.parent.vfs.readOnly()) return Errno.EROFS;
        return Permission.permits(nd.parent, c, W_OK) ? 0 : Errno.EACCES;
    }

    /** SVR4: a new node takes the directory's group when the directory is set-group-ID, else the caller's. */
    static int groupFor(Directory parent, Credentials c) {
        return (parent.mode & FileMode.S_ISGID) != 0 ? parent.gid : c.egid();
    }

    @Override
    public VnodeResult lookup(Lookup at, String path) {
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, path, root, nd, true);
        kernel.charge(nd.components * Costs.COMPONENT);
        return err == 0 ? VnodeResult.of(nd.node) : VnodeResult.error(err);
    }

    @Override
    public Stat stat(Lookup at, String path, boolean follow, int[] errno) {
        Nameidata nd = new Nameidata();
        int err = Namei.lookup(at, path, root, nd, follow);
        kernel.charge(nd.components * Costs.COMPONENT);
        if (err != 0) {
            errno[0] = err;
            return null;
        }
        return nd.node.stat();
    }

    @Override
    public Stat stat(Vnode vnode) {
        return ((MemNode) vnode).stat();
    }

    @Override
    public int access(Vnode vnode, Credentials credentials, int how) {
        if ((how & ~(R_OK | W_OK | X_OK)) != 0) return Errno.EINVAL;
        MemNode node = (MemNode) vnode;
        // access(2): "EROFS Write access is requested for a file on a read-only file system" (devices and FIFOs aside).
        if ((how & W_OK) != 0 && node.vfs.readOnly() && !(node instanceof CharDevice) && !(node instanceof Fifo)) {
            return Errno.EROFS;
        }
        return Permission.permits((MemNode) vnode, credentials, how) ? 0 : Errno.EACCES;
    }

    @Override
    public int mkdir(Lookup at, String path, int mode) {
        Nameidata nd = new Nameidata();
        int err = Namei.resolve(at, path, root, nd, true, false);
        long cost = nd.components * Costs.COMPONENT;
        if (err == 0 && nd.exists()) err = Errno.EEXIST;
        Credentials c = at.credentials();
        if (err == 0) err = mayEnter(nd, c);
        // mkdir(2): "EMLINK The maximum number of links to the parent directory would exceed LINK_MAX."
        if (err == 0 && nd.parent.nlink >= Links.LINK_MAX) err = Errno.EMLINK;
        if (err == 0) {
            // mkdir(2): the mode's permission bits and sticky bit, "modified by the file mode creation mask".
            int perm = mode & (0777 | FileMode.S_ISVTX) & ~c.umask();
            if ((nd.parent.mode & FileMode.S_ISGID) != 0) perm |= FileMode.S_ISGID;
            makeDirectory(nd.parent, nd.name(), perm, c.euid(), groupFor(nd.parent, c), seconds());
            cost += Costs.NODE;
        }
        kernel.charge(cost);
        return err;
    }

    @Override
    public int rmdir(Lookup at, String path) {
        Nameidata nd = new Nameidata();
        int err = Namei.resolve(at, path, root, nd, true, false);
        kernel.charge(nd.components * Costs.COMPONENT);
        if (err != 0) return err;
        if (nd.fixedNames()) return nd.node == null ? Errno.ENOENT : Errno.EACCES;
        // rmdir(2): "EBUSY The directory to be removed is the mount point for a mounted file system."
        if (nd.parent == null || nd.mountPoint()) return Errno.EBUSY;
        // rmdir(2): "EROFS The directory entry to be removed is part of a read-only file system."
        if (nd.parent.vfs.readOnly()) return Errno.EROFS;
        if (nd.node == null) return Errno.ENOENT;
        if (nd.lastIs(".")) return Errno.EINVAL;
        if (!(nd.node instanceof Directory dir)) return Errno.ENOTDIR;
        if (dir == root || dir == at.root()) return Errno.EBUSY;
        // IRIX rmdir(2): "EINVAL The directory to be removed is the current directory."
        if (dir == at.cwd()) return Errno.EINVAL;
        Directory parent = dir.parent;
        Credentials c = at.credentials();
        if (!Permission.permits(parent, c, W_OK | X_OK) || !Permission.mayRemove(parent, dir, c)) return Errno.EACCES;
        if (!dir.empty()) return Errno.ENOTEMPTY;
        long now = seconds();
        parent.remove(dir.name, now);
        parent.nlink--;
        dir.nlink = 0;
        dir.ctime = now;
        return 0;
    }

    @Override
    public int unlink(Lookup at, String path) {
        Nameidata nd = new Nameidata();
        int err = Namei.resolve(at, path, root, nd, true, false);
        kernel.charge(nd.components * Costs.COMPONENT);
        if (err != 0) return err;
        if (nd.fixedNames()) return nd.node == null ? Errno.ENOENT : Errno.EACCES;
        if (nd.parent == null) return Errno.EPERM;
        // unlink(2): "EROFS The directory entry to be unlinked is part of a read-only file system."
        if (nd.parent.vfs.readOnly()) return Errno.EROFS;
        MemNode node = nd.node;
        if (node == null) return Errno.ENOENT;
        Credentials c = at.credentials();
        if (!Permission.permits(nd.parent, c, W_OK) || !Permission.mayRemove(nd.parent, node, c)) return Errno.EACCES;
        // unlink(2): "EPERM The named file is a directory and the effective user ID is not super-user"; we refuse root too.
        if (node.type() == FileMode.S_IFDIR) return Errno.EPERM;
        long now = seconds();
        nd.parent.remove(nd.name(), now);
        node.unlinked(now);
        return 0;
    }

    @Override
    public int mkfifo(Lookup at, String path, int mode) {
        return Fifo.make(this, at, path, mode);
    }

    @Override
    public VnodeResult mksock(Lookup at, String path, int mode) {
        return SocketNode.make(this, at, path, mode);
    }

    @Override
    public int link(Lookup at, String existing, String newPath) {
        return Links.link(this, at, existing, newPath);
    }

    @Override
    public int symlink(Lookup at, String target, String path) {
        return Links.symlink(this, at, target, path);
    }

    @Override
    public String readlink(Lookup at, String path, int[] errno) {
        return Links.readlink(this, at, path, errno);
    }

    @Override
    public int rename(Lookup at, String from, String to) {
        return Rename.rename(this, at, from, to);
    }

    @Override
    public int chmod(Lookup at, String path, int mode) {
        return SetAttr.chmod(this, at, path, mode);
    }

    @Override
    public int chown(Lookup at, String path, int uid, int gid) {
        return SetAttr.chown(this, at, path, uid, gid);
    }

    /** getcwd(3C): climbs ".." from {@code dir} to {@code rootDir}, crossing mount points, naming each directory. */
    @Override
    public String path(Vnode rootDir, Vnode dir) {
        if (!(dir instanceof MemNode d) || d.type() != FileMode.S_IFDIR || d instanceof Directory m && m.removed()) {
            return null;
        }
        MemNode top = (MemNode) rootDir;
        List<String> names = new ArrayList<>();
        int steps = 0;
        while (!d.same(top)) {
            if (d == root) {
                kernel.charge(steps * Costs.COMPONENT);
                return null;
            }
            names.add(d.entryName());
            d = d.dotdot();
            steps++;
        }
        kernel.charge(steps * Costs.COMPONENT);
        if (names.isEmpty()) return "/";
        StringBuilder sb = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) sb.append('/').append(names.get(i));
        return sb.toString();
    }

    /** The mount table, for /proc/mounts, mount(2) and the tests. */
    MountTable mounts() {
        return mounts;
    }

    @Override
    public int mount(Lookup at, String source, String target, String fstype, int flags) {
        return MountCalls.mount(this, at, source, target, fstype, flags);
    }

    @Override
    public int umount(Lookup at, String target, Vnode[] inUse) {
        return MountCalls.umount(this, at, target, inUse);
    }

    /** Boot-time work of the kernel's, not a system call: it charges nothing and needs no permission. */
    @Override
    public int install(String path, byte[] contents, int mode) {
        int n = path.length();
        if (n == 0) return Errno.ENOENT;
        if (n + 1 > Namei.PATH_MAX) return Errno.ENAMETOOLONG;
        // Check every name first, so a failure leaves no directories made on the way.
        for (int i = 0; i < n; ) {
            int j = path.indexOf('/', i);
            if (j < 0) j = n;
            if (j - i > Namei.NAME_MAX) return Errno.ENAMETOOLONG;
            i = j + 1;
        }
        List<String> names = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty() && !s.equals(".")) names.add(s);
        }
        if (names.isEmpty()) return Errno.EISDIR;
        // An installed path names where a file goes, from "/"; ".." would make that ambiguous.
        if (names.contains("..")) return Errno.EINVAL;
        long now = seconds();
        Directory dir = root;
        for (int k = 0; k < names.size() - 1; k++) {
            MemNode next = dir.find(names.get(k));
            if (next == null) {
                next = makeDirectory(dir, names.get(k), DIR_PERM, ROOT_ID, ROOT_ID, now);
            } else if (!(next instanceof Directory d)) {
                return Errno.ENOTDIR;
            } else if (d.mounted != null) {
                // Another file system is mounted there, and it takes no installs: the kernel makes /proc's files.
                return Errno.EACCES;
            }
            dir = (Directory) next;
        }
        String last = names.get(names.size() - 1);
        MemNode old = dir.find(last);
        if (old instanceof Directory) return Errno.EISDIR;
        if (old instanceof RegularFile file) {
            file.replace(contents, now);
            file.mode = FileMode.S_IFREG | (mode & PERM_BITS);
            file.uid = ROOT_ID;
            file.gid = ROOT_ID;
            return 0;
        }
        if (old != null) {
            dir.remove(last, now);
            old.unlinked(now);
        }
        RegularFile file = new RegularFile(dir.vfs, dir.vfs.newIno(), mode & PERM_BITS, ROOT_ID, ROOT_ID, now);
        file.replace(contents, now);
        enter(dir, last, file, now);
        return 0;
    }

    @Override
    public int openFiles() {
        return files.inUse();
    }

    /** The last descriptor of an open file was closed: its table entry is free again. */
    void closed() {
        files.free();
    }

    Stat stat(MemNode node) {
        return node.stat();
    }

    /** Makes directory {@code name} in {@code parent}: two links (its entry and its "."), and one more for the parent's "..". */
    private Directory makeDirectory(Directory parent, String name, int perm, int uid, int gid, long now) {
        Directory d = new Directory(parent.vfs, parent.vfs.newIno(), perm, uid, gid, now, parent, name);
        parent.add(name, d, now);
        d.nlink = 2;
        parent.nlink++;
        return d;
    }

    /** Enters a non-directory node in {@code dir}: one link more. */
    static void enter(Directory dir, String name, MemNode node, long now) {
        dir.add(name, node, now);
        node.nlink++;
        node.ctime = now;
    }
}
