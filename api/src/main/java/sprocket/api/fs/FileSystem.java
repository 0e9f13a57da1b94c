package sprocket.api.fs;

import sprocket.api.sys.Stat;

/**
 * The file system as the kernel calls it, inside system calls on the caller's coroutine. Calls that fail
 * return an errno (positive, in the result) and change nothing.
 */
public interface FileSystem {

    /** The root directory. */
    Vnode root();

    /** open(2): flags and mode as {@link sprocket.api.sys.Fcntl} gives them; the umask is applied here. */
    OpenResult open(Lookup at, String path, int flags, int mode);

    /** Resolves {@code path} to a vnode (chdir, chroot, exec); follows symbolic links. */
    VnodeResult lookup(Lookup at, String path);

    /** stat(2) ({@code follow}) or lstat(2); null with {@code errno[0]} set on failure. */
    Stat stat(Lookup at, String path, boolean follow, int[] errno);

    /** The status of a vnode already found. */
    Stat stat(Vnode vnode);

    /** access(2)-style check of {@code vnode} for the {@code R_OK|W_OK|X_OK} bits in {@code how}: 0 or an errno. */
    int access(Vnode vnode, sprocket.api.kernel.Credentials credentials, int how);

    /** mkdir(2): 0 or an errno. */
    int mkdir(Lookup at, String path, int mode);

    /** rmdir(2): 0 or an errno. */
    int rmdir(Lookup at, String path);

    /** unlink(2): 0 or an errno; an open file lives until its last close. */
    int unlink(Lookup at, String path);

    /** mkfifo(3C) / mknod(2) with S_IFIFO: a FIFO at {@code path} with {@code mode} less the umask; 0 or an errno. */
    int mkfifo(Lookup at, String path, int mode);

    /**
     * bind(2) of an AF_UNIX socket: a socket node (S_IFSOCK) at {@code path} with {@code mode} less the umask,
     * returned; EEXIST when the name exists, and creat's other errors. open(2) of the node fails (EOPNOTSUPP).
     */
    VnodeResult mksock(Lookup at, String path, int mode);

    /** link(2): 0 or an errno (EXDEV across file systems, EPERM for a directory, EEXIST, EMLINK...). */
    int link(Lookup at, String existing, String newPath);

    /** symlink(2): 0 or an errno. */
    int symlink(Lookup at, String target, String path);

    /** readlink(2): the link's contents, or null with {@code errno[0]} set (EINVAL when not a link). */
    String readlink(Lookup at, String path, int[] errno);

    /** rename(2): 0 or an errno (EINVAL moving a directory into itself, ENOTEMPTY, EISDIR, ENOTDIR...). */
    int rename(Lookup at, String from, String to);

    /** chmod(2): 0 or an errno (EPERM unless owner or root). */
    int chmod(Lookup at, String path, int mode);

    /** chown(2): 0 or an errno (EPERM unless root); -1 keeps that id. */
    int chown(Lookup at, String path, int uid, int gid);

    /** The absolute path of directory {@code dir} as seen from {@code root} (getcwd(3C)); null if unreachable. */
    String path(Vnode root, Vnode dir);

    /**
     * Creates (or replaces) a regular file owned by root with {@code contents} and {@code mode}, making the
     * directories on the way; the kernel installs /bin programs with it at boot. 0 or an errno.
     */
    int install(String path, byte[] contents, int mode);

    /** Entries of the system open file table in use: every open file not yet closed for the last time. */
    int openFiles();

    /**
     * mount(2): mounts a new file system of type {@code fstype} ({@link sprocket.api.sys.Mount}) on the directory
     * {@code target}, which then names its root; {@code source} is recorded in the mount table. 0 or an errno: EPERM
     * unless the caller is the super-user, EINVAL for a flag other than {@link sprocket.api.sys.Mount#MS_RDONLY},
     * ENODEV for a type this file system cannot make, the lookup's errors (ENOENT, EACCES...) and ENOTDIR for
     * {@code target}, EBUSY when it is a root already (of the whole tree or of a mounted file system). A file system
     * that makes no others (the default) answers ENODEV.
     */
    default int mount(Lookup at, String source, String target, String fstype, int flags) {
        return sprocket.api.Errno.ENODEV;
    }

    /**
     * umount(2): unmounts the file system whose root {@code target} names, giving back all it holds. 0 or an errno:
     * EPERM unless the super-user, the lookup's errors, EINVAL when {@code target} is not a mounted file system's
     * root, EBUSY while one of its files is open or mapped, another file system is mounted on it, or it holds one of
     * {@code inUse}: the kernel passes the current and root directories of every live process. A file system with
     * nothing mounted (the default) answers EINVAL.
     */
    default int umount(Lookup at, String target, Vnode[] inUse) {
        return sprocket.api.Errno.EINVAL;
    }
}
