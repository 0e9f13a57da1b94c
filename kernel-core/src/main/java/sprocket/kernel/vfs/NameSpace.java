package sprocket.kernel.vfs;

import static sprocket.api.sys.Fcntl.R_OK;
import static sprocket.api.sys.Fcntl.W_OK;
import static sprocket.api.sys.Fcntl.X_OK;
import static sprocket.api.sys.Mount.PROC;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.Inode;
import sprocket.api.fs.MountEntry;
import sprocket.api.ipc.SocketFile;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Statvfs;
import sprocket.kernel.dev.Cdevsw;

/**
 * The kernel's name space: the mount table with the root file system and /proc mounted at boot, name lookup for the
 * system calls, status, access checks, getcwd, and the calls that change names, which live in {@link Names},
 * {@link Rename}, {@link SetAttr} and {@link Mounts}. Every call resolves, checks, changes, then charges once.
 */
@Singleton
public final class NameSpace {

    private static final int DIR_PERM = 0755;
    private static final int DEVICE_PERM = 0666;
    /** The directory /proc is mounted on; what it holds is hidden while covered. */
    private static final int PROC_PERM = 0555;
    private static final int ROOT_ID = Credentials.ROOT;

    private final KernelServices kernel;
    private final FileSystemTypes types;
    private final MountTable mounts = new MountTable();
    private final FsContext context;
    private final Mount rootMount;
    /** The socket nodes bound to sockets, by socket: looked up only, never walked. */
    private final Map<SocketFile, Vnode> boundSockets = new IdentityHashMap<>();
    private final InodeTable inodes;

    @Inject
    public NameSpace(FileSystemTypes types, KernelServices kernel, InodeTable inodes) {
        this.kernel = kernel;
        this.inodes = inodes;
        this.types = types;
        this.context = new FsContext() {
            @Override
            public KernelServices kernel() {
                return kernel;
            }

            @Override
            public List<MountEntry> mounts() {
                return mountEntries();
            }
        };
        String rootType = types.root().name();
        this.rootMount = new Mount(types.root().mount(context), mounts.newDev(), rootType, rootType, 0, inodes);
        mounts.add(rootMount);
        try {
            makeTree();
        } catch (ErrnoException e) {
            throw new IllegalStateException("a " + rootType + " file system cannot be the root: making /bin, /dev, /tmp"
                    + " and /proc in it failed with " + Errno.name(e.errno()), e);
        }
    }

    /**
     * The tree every boot starts with: "/" (0755, whatever the type gives a new root), /bin for the programs, /dev
     * with the console, /dev/tty, /dev/null and /dev/zero, /tmp (sticky, open to all), and /proc with the process
     * file system on it when that type is there.
     */
    private void makeTree() {
        Inode root = rootMount.root.inode;
        root.chmod(DIR_PERM);
        root.mkdir("bin", DIR_PERM, ROOT_ID, ROOT_ID);
        Inode dev = root.mkdir("dev", DIR_PERM, ROOT_ID, ROOT_ID);
        root.mkdir("tmp", FileMode.S_ISVTX | 0777, ROOT_ID, ROOT_ID);
        dev.create("console", FileMode.S_IFCHR | DEVICE_PERM, ROOT_ID, ROOT_ID, Cdevsw.CONSOLE);
        dev.create("tty", FileMode.S_IFCHR | DEVICE_PERM, ROOT_ID, ROOT_ID, Cdevsw.TTY);
        dev.create("null", FileMode.S_IFCHR | DEVICE_PERM, ROOT_ID, ROOT_ID, Cdevsw.NULL);
        dev.create("zero", FileMode.S_IFCHR | DEVICE_PERM, ROOT_ID, ROOT_ID, Cdevsw.ZERO);
        Inode proc = root.mkdir("proc", PROC_PERM, ROOT_ID, ROOT_ID);
        FileSystemProvider procfs = types.find(PROC);
        if (procfs != null) cover(rootMount.vnode(proc), newMount(procfs, procfs.name(), 0));
    }

    /** The root directory of the whole tree: init's current and root directory. */
    public Vnode root() {
        return rootMount.root;
    }

    MountTable mounts() {
        return mounts;
    }

    FileSystemTypes types() {
        return types;
    }

    /** A new file system of type {@code type}, not yet mounted anywhere. */
    Mount newMount(FileSystemProvider type, String special, int flags) {
        return new Mount(type.mount(context), mounts.newDev(), type.name(), special, flags, inodes);
    }

    /** Mounts {@code m} on the directory {@code dir}, which it holds, and enters it in the mount table. */
    void cover(Vnode dir, Mount m) {
        Vnode covered = dir.hold();
        covered.mountedHere = m;
        m.covered = covered;
        mounts.add(m);
    }

    void charge(long cycles) {
        kernel.charge(cycles);
    }

    // ---- looking names up

    /** Resolves {@code path} to an existing file (chdir, chroot, exec), charging the components searched. */
    public Vnode lookup(NameContext at, String path, boolean follow) {
        Nameidata nd = new Nameidata();
        try {
            Namei.lookup(at, path, nd, follow);
            return nd.vp;
        } finally {
            charge(nd.components * VfsCosts.COMPONENT);
        }
    }

    /** stat(2) ({@code follow}) or lstat(2). */
    public Stat stat(NameContext at, String path, boolean follow) {
        return stat(lookup(at, path, follow));
    }

    /**
     * statvfs(2): the file system {@code path} is on, as it counts itself, with the mount's device number as its id,
     * the type mount(2) was given, and ST_RDONLY for a read-only mount.
     */
    public Statvfs statvfs(NameContext at, String path) {
        Vnode v = lookup(at, path, true);
        Statvfs s = v.mount.fs.statvfs();
        int flag = v.mount.readOnly() ? Statvfs.ST_RDONLY : 0;
        return new Statvfs(s.bsize(), s.frsize(), s.blocks(), s.bfree(), s.bavail(), s.files(), s.ffree(),
                s.favail(), v.mount.dev, v.mount.type, flag, s.namemax());
    }

    /** The status of a file already found. */
    public Stat stat(Vnode v) {
        return v.stat();
    }

    /**
     * access(2)-style check of {@code v} for the {@code R_OK|W_OK|X_OK} bits in {@code how}: EINVAL for other bits,
     * EROFS for writing a file of a read-only file system (access(2): "EROFS Write access is requested for a file on a
     * read-only file system"; a device or FIFO there is still written), EACCES.
     */
    public void access(Vnode v, Credentials credentials, int how) {
        if ((how & ~(R_OK | W_OK | X_OK)) != 0) throw ErrnoException.of(Errno.EINVAL);
        if ((how & W_OK) != 0 && writesReadOnly(v)) throw ErrnoException.of(Errno.EROFS);
        if (!Permission.permits(v, credentials, how)) throw ErrnoException.of(Errno.EACCES);
    }

    /** Whether writing {@code v} would change a read-only file system: its devices and FIFOs are written all the same. */
    static boolean writesReadOnly(Vnode v) {
        int type = v.type();
        return v.mount.readOnly() && type != FileMode.S_IFCHR && type != FileMode.S_IFIFO;
    }

    /**
     * getcwd(3C): climbs ".." from {@code dir} to {@code top} (the process's root), crossing mount points and naming
     * each directory by finding it in its parent. Throws ENOENT when {@code dir} was removed or lies outside
     * {@code top}.
     */
    public String getcwd(Vnode top, Vnode dir) {
        if (!dir.isDirectory() || dir.inode.nlink() == 0) throw ErrnoException.of(Errno.ENOENT);
        List<String> names = new ArrayList<>();
        int steps = 0;
        Vnode d = dir;
        try {
            while (!d.same(top)) {
                if (d.same(rootMount.root)) throw ErrnoException.of(Errno.ENOENT);
                Vnode named = coveredBy(d);
                Vnode parent = Namei.dotdot(named);
                names.add(nameIn(parent, named));
                d = parent;
                steps++;
            }
        } finally {
            charge(steps * VfsCosts.COMPONENT);
        }
        return joined(names);
    }

    /** The directory {@code d} stands for in its parent: itself, or at a mounted root the directory it covers. */
    private static Vnode coveredBy(Vnode d) {
        Vnode v = d;
        while (v.isMountRoot() && v.mount.covered != null) v = v.mount.covered;
        return v;
    }

    /** The name {@code child} has in directory {@code parent}, found by reading the directory as getcwd(3C) does. */
    private static String nameIn(Vnode parent, Vnode child) {
        long ino = child.ino();
        String[] found = new String[1];
        parent.inode.readdir(new DirContext() {
            private long offset = 2;

            @Override
            public long offset() {
                return offset;
            }

            @Override
            public boolean emit(long entryIno, String name, int type, long next) {
                if (entryIno != ino) {
                    offset = next;
                    return true;
                }
                found[0] = name;
                return false;
            }

            @Override
            public Object cursor() {
                return null;
            }

            @Override
            public void cursor(Object state) {
            }
        });
        if (found[0] == null) throw ErrnoException.of(Errno.ENOENT);
        return found[0];
    }

    /** "/a/b" from ["b", "a"], "/" from none. */
    private static String joined(List<String> reversed) {
        if (reversed.isEmpty()) return "/";
        StringBuilder sb = new StringBuilder();
        for (int i = reversed.size() - 1; i >= 0; i--) sb.append('/').append(reversed.get(i));
        return sb.toString();
    }

    /** The absolute path of directory {@code dir} from the root of the whole tree, as it is named now. */
    String pathOf(Vnode dir) {
        List<String> names = new ArrayList<>();
        Vnode d = dir;
        while (!d.same(rootMount.root)) {
            Vnode named = coveredBy(d);
            Vnode parent = Namei.dotdot(named);
            names.add(nameIn(parent, named));
            d = parent;
        }
        return joined(names);
    }

    /** The mount table as a process file system shows it: each file system's special, mount point, type and flags. */
    List<MountEntry> mountEntries() {
        List<MountEntry> out = new ArrayList<>();
        for (Mount m : mounts.all()) {
            out.add(new MountEntry(m.special, m.covered == null ? "/" : pathOf(m.covered), m.type, m.flags));
        }
        return out;
    }

    // ---- the calls that change names (each in its own class)

    public void mkdir(NameContext at, String path, int mode) {
        Names.mkdir(this, at, path, mode);
    }

    public void rmdir(NameContext at, String path) {
        Names.rmdir(this, at, path);
    }

    public void unlink(NameContext at, String path) {
        Names.unlink(this, at, path);
    }

    public void mkfifo(NameContext at, String path, int mode) {
        Names.mknod(this, at, path, FileMode.S_IFIFO, mode);
    }

    /**
     * bind(2) of an AF_UNIX socket: a socket node at {@code path} naming {@code socket}, held while it does (4.3BSD's
     * unp_bind keeps the vnode and sets its v_socket).
     */
    public void bindSocket(NameContext at, String path, int mode, SocketFile socket) {
        Vnode v = Names.mknod(this, at, path, FileMode.S_IFSOCK, mode).hold();
        v.socket = socket;
        boundSockets.put(socket, v);
    }

    /**
     * connect(2) and sendto(2) of an AF_UNIX socket: the socket bound at {@code path}. unix(7): "ECONNREFUSED ... if
     * the target pathname is not a socket"; "Connecting to a stream socket object requires write permission on that
     * socket" (EACCES).
     */
    public SocketFile findSocket(NameContext at, String path) {
        Vnode v = lookup(at, path, true);
        if (v.type() != FileMode.S_IFSOCK) throw ErrnoException.of(Errno.ECONNREFUSED);
        if (writesReadOnly(v) || !Permission.permits(v, at.credentials(), W_OK)) throw ErrnoException.of(Errno.EACCES);
        if (v.socket == null) throw ErrnoException.of(Errno.ECONNREFUSED);
        return v.socket;
    }

    /** {@code socket} closed: the node it was bound to, if any, names no socket any more and is let go. */
    public void unbindSocket(SocketFile socket) {
        Vnode v = boundSockets.remove(socket);
        if (v == null) return;
        v.socket = null;
        v.rele();
    }

    public void link(NameContext at, String existing, String newPath) {
        Names.link(this, at, existing, newPath);
    }

    public void symlink(NameContext at, String target, String path) {
        Names.symlink(this, at, target, path);
    }

    public String readlink(NameContext at, String path) {
        return Names.readlink(this, at, path);
    }

    public void rename(NameContext at, String from, String to) {
        Rename.rename(this, at, from, to);
    }

    public void chmod(NameContext at, String path, int mode) {
        SetAttr.chmod(this, at, path, mode);
    }

    public void chown(NameContext at, String path, int uid, int gid) {
        SetAttr.chown(this, at, path, uid, gid, true);
    }

    public void lchown(NameContext at, String path, int uid, int gid) {
        SetAttr.chown(this, at, path, uid, gid, false);
    }

    public void utime(NameContext at, String path, long[] times) {
        SetAttr.utime(this, at, path, times);
    }

    public void mount(NameContext at, String source, String target, String fstype, int flags) {
        Mounts.mount(this, at, source, target, fstype, flags);
    }

    /** umount(2); {@code inUse} are the current and root directories of every live process, which keep it busy. */
    public void umount(NameContext at, String target, List<Vnode> inUse) {
        Mounts.umount(this, at, target, inUse);
    }

    /**
     * Creates (or replaces) a regular file owned by root with {@code contents} and {@code mode}, making the
     * directories on the way; the kernel installs /bin programs with it at boot. Boot-time work of the kernel's, not
     * a system call: it charges nothing and needs no permission.
     */
    public void install(String path, byte[] contents, int mode) {
        Names.install(this, path, contents, mode);
    }
}
