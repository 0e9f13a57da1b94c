package sprocket.fs;

import sprocket.api.Errno;
import sprocket.api.sys.FileMode;

/**
 * A directory: entries kept sorted by name in two parallel arrays, so a lookup is a binary search over the
 * path's own characters and allocates nothing. "." and ".." are not stored; namei resolves them from
 * {@link #parent}.
 */
final class Directory extends MemNode {

    /** What one entry occupies in st_size: an s5 directory entry, a 2-byte i-number and a 14-byte name. */
    private static final int ENTRY_BYTES = 16;

    private String[] names = new String[4];
    private MemNode[] nodes = new MemNode[4];
    private int count;

    /**
     * The directory ".." names; a file system root's parent is itself (its ".." is {@link #dotdot}'s to find).
     * rename(2) moves a directory to another.
     */
    Directory parent;
    /** This directory's name in its parent (a directory has exactly one), for getcwd; rename(2) changes it. */
    String name;
    /** The root of the file system mounted on this directory, or null (SVR4 v_vfsmountedhere). */
    MemNode mounted;

    /**
     * A file system root: "." and ".." are its two links, and ".." is itself, or, once the file system is mounted
     * on a directory, that directory's ".." (SVR4 lookuppn: ".." at a mounted root is looked up in the covered vnode).
     */
    Directory(Vfs vfs, long ino, int perm, int uid, int gid, long now) {
        super(vfs, ino, FileMode.S_IFDIR | perm, uid, gid, now);
        this.parent = this;
        this.name = "";
        this.nlink = 2;
    }

    /** A directory not yet entered in {@code parent}; {@link #add} and the ".." link count are the caller's. */
    Directory(Vfs vfs, long ino, int perm, int uid, int gid, long now, Directory parent, String name) {
        super(vfs, ino, FileMode.S_IFDIR | perm, uid, gid, now);
        this.parent = parent;
        this.name = name;
    }

    /** The node named by {@code path.substring(from, to)}, or null. */
    @Override
    MemNode find(String path, int from, int to) {
        int i = search(path, from, to);
        return i >= 0 ? nodes[i] : null;
    }

    MemNode find(String name) {
        return find(name, 0, name.length());
    }

    /** Enters {@code node} as {@code name}, which must not be present; the link count is the caller's. */
    void add(String name, MemNode node, long now) {
        int i = -search(name, 0, name.length()) - 1;
        if (i < 0) throw new IllegalStateException("entry exists: " + name);
        if (count == names.length) {
            names = java.util.Arrays.copyOf(names, count * 2);
            nodes = java.util.Arrays.copyOf(nodes, count * 2);
        }
        System.arraycopy(names, i, names, i + 1, count - i);
        System.arraycopy(nodes, i, nodes, i + 1, count - i);
        names[i] = name;
        nodes[i] = node;
        count++;
        mtime = now;
        ctime = now;
    }

    /** Removes the entry {@code name}, which must be present; the link count is the caller's. */
    void remove(String name, long now) {
        int i = search(name, 0, name.length());
        if (i < 0) throw new IllegalStateException("no entry: " + name);
        System.arraycopy(names, i + 1, names, i, count - i - 1);
        System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
        count--;
        names[count] = null;
        nodes[count] = null;
        mtime = now;
        ctime = now;
    }

    @Override
    MemNode dotdot() {
        return parent != this || vfs.covered == null ? parent : vfs.covered.parent;
    }

    @Override
    String entryName() {
        return parent != this || vfs.covered == null ? name : vfs.covered.name;
    }

    /** Entries other than "." and "..". */
    int count() {
        return count;
    }

    /** The name of entry {@code i}, in name order. */
    String nameAt(int i) {
        return names[i];
    }

    /** The node of entry {@code i}, in name order. */
    MemNode nodeAt(int i) {
        return nodes[i];
    }

    /** The index of the first entry whose name sorts after {@code name}, present or not (getdents resumes there). */
    int after(String name) {
        int i = search(name, 0, name.length());
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Whether only "." and ".." remain. */
    boolean empty() {
        return count == 0;
    }

    /** rmdir(2): once the last link is gone "no new entries may be created in the directory". */
    boolean removed() {
        return nlink == 0;
    }

    @Override
    long size() {
        return (count + 2L) * ENTRY_BYTES;
    }

    @Override
    int read(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EISDIR;
    }

    @Override
    int write(long offset, byte[] buf, int off, int len, long now) {
        return -Errno.EISDIR;
    }

    /** Binary search: the index of the entry, or {@code -(insertion point) - 1}. */
    private int search(String path, int from, int to) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(names[mid], path, from, to);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** {@code name.compareTo(path.substring(from, to))} without the substring. */
    private static int compare(String name, String path, int from, int to) {
        int n = Math.min(name.length(), to - from);
        for (int k = 0; k < n; k++) {
            int d = name.charAt(k) - path.charAt(from + k);
            if (d != 0) return d;
        }
        return name.length() - (to - from);
    }
}
