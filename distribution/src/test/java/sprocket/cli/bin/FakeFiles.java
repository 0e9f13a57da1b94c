package sprocket.cli.bin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import sprocket.api.Errno;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * The file tree of a fake machine: directories keep their entries in the order they were made (so a program that
 * lists them must sort), symbolic links are followed as namei(9) follows them, and a character special file
 * behaves as /dev/null. The current directory is always the root. Calls on a path in {@link #errors} fail with
 * that errno, as a permission or I/O failure would.
 */
final class FakeFiles {

    /** SVR4 sys/param.h MAXSYMLINKS: more links than this in one lookup is ELOOP. */
    private static final int MAXSYMLINKS = 20;
    static final int UMASK = 022;

    /** One inode. */
    static final class Node {
        final long ino;
        int mode;
        int nlink;
        int uid;
        int gid;
        int rdev;
        long mtime;
        byte[] data = new byte[0];
        int size;
        Node parent;
        /** A directory's entries, "." and ".." aside, in the order made. */
        final Map<String, Node> entries = new LinkedHashMap<>();
        String target;
        /** When non-zero, writes to this file fail with this errno (ENOSPC, EIO). */
        int writeErrno;

        Node(long ino, int mode) {
            this.ino = ino;
            this.mode = mode;
        }

        int type() {
            return mode & FileMode.S_IFMT;
        }

        String content() {
            return new String(data, 0, size, StandardCharsets.UTF_8);
        }

        Stat stat() {
            long sz = switch (type()) {
                case FileMode.S_IFDIR -> 32L + 16L * entries.size();
                case FileMode.S_IFLNK -> target.length();
                case FileMode.S_IFREG -> size;
                default -> 0;
            };
            return new Stat(1, ino, mode, nlink, uid, gid, rdev, sz, mtime, mtime, mtime);
        }

        void append(byte[] b, int off, int len, long at) {
            int end = (int) at + len;
            if (end > data.length) data = Arrays.copyOf(data, Math.max(end, data.length * 2));
            System.arraycopy(b, off, data, (int) at, len);
            size = Math.max(size, end);
        }
    }

    final Node root;
    final Map<String, Integer> errors = new LinkedHashMap<>();
    private long nextIno = 2;
    /** The clock new and changed files take their mtime from. */
    long now;
    /** The errno of the last failed lookup. */
    int errno;

    FakeFiles() {
        root = new Node(nextIno++, FileMode.S_IFDIR | 0755);
        root.nlink = 2;
        root.parent = root;
    }

    // ---- for tests to set up and inspect the tree

    /** Makes {@code path} a regular file holding {@code text}, making the directories above it. */
    Node file(String path, String text) {
        Node n = create(path, FileMode.S_IFREG | 0644);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        n.append(b, 0, b.length, 0);
        return n;
    }

    /** Makes the directory {@code path} and those above it. */
    Node dir(String path) {
        Node cur = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            Node next = cur.entries.get(part);
            if (next == null) {
                next = node(FileMode.S_IFDIR | 0755);
                // Its "." is one link; the entry in its parent, made by link, the other.
                next.nlink = 1;
                link(cur, part, next);
                cur.nlink++;
            }
            cur = next;
        }
        return cur;
    }

    /** Makes a symbolic link at {@code path} holding {@code target}. */
    Node symlink(String path, String target) {
        Node n = create(path, FileMode.S_IFLNK | 0777);
        n.target = target;
        return n;
    }

    /** Makes a character special file with device number {@code rdev}, read and written as /dev/null. */
    Node device(String path, int rdev) {
        Node n = create(path, FileMode.S_IFCHR | 0666);
        n.rdev = rdev;
        return n;
    }

    /** The node at {@code path}, not following a final symbolic link; null if there is none. */
    Node get(String path) {
        return lookup(path, false);
    }

    private Node create(String path, int mode) {
        int slash = path.lastIndexOf('/');
        Node dir = dir(slash <= 0 ? "/" : path.substring(0, slash));
        Node n = node(mode);
        link(dir, path.substring(slash + 1), n);
        return n;
    }

    // ---- for FakeSys

    Node node(int mode) {
        Node n = new Node(nextIno++, mode);
        n.mtime = now;
        return n;
    }

    void link(Node dir, String name, Node n) {
        dir.entries.put(name, n);
        n.nlink++;
        if (n.type() == FileMode.S_IFDIR) n.parent = dir;
        dir.mtime = now;
    }

    /** The errno a call on {@code path} was set up to fail with, or 0. */
    int injected(String path) {
        Integer e = errors.get(path);
        return e == null ? 0 : e;
    }

    /** namei: the node {@code path} names, following symbolic links (a final one only if {@code follow}); null with {@link #errno}. */
    Node lookup(String path, boolean follow) {
        int[] links = {0};
        return walk(root, path, follow, links);
    }

    /** The directory that would hold the last component of {@code path}; null with {@link #errno}. */
    Node parent(String path) {
        String p = strip(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) return root;
        return lookupDir(slash == 0 ? "/" : p.substring(0, slash));
    }

    /** The last component of {@code path}, trailing slashes aside. */
    static String last(String path) {
        String p = strip(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private Node lookupDir(String path) {
        Node d = lookup(path, true);
        if (d != null && d.type() != FileMode.S_IFDIR) {
            errno = Errno.ENOTDIR;
            return null;
        }
        return d;
    }

    private static String strip(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    private Node walk(Node start, String path, boolean follow, int[] links) {
        if (path.isEmpty()) {
            errno = Errno.ENOENT;
            return null;
        }
        Node cur = path.startsWith("/") ? root : start;
        String[] parts = path.split("/");
        int lastPart = parts.length - 1;
        while (lastPart >= 0 && parts[lastPart].isEmpty()) lastPart--;
        for (int i = 0; i <= lastPart; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) continue;
            if (cur.type() != FileMode.S_IFDIR) {
                errno = Errno.ENOTDIR;
                return null;
            }
            Node next = part.equals("..") ? cur.parent : cur.entries.get(part);
            if (next == null) {
                errno = Errno.ENOENT;
                return null;
            }
            if (next.type() == FileMode.S_IFLNK && (i < lastPart || follow)) {
                if (++links[0] > MAXSYMLINKS) {
                    errno = Errno.ELOOP;
                    return null;
                }
                next = walk(cur, next.target, true, links);
                if (next == null) return null;
            }
            cur = next;
        }
        return cur;
    }
}
