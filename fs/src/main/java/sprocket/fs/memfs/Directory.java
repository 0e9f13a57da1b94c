package sprocket.fs.memfs;

import java.util.ArrayDeque;
import java.util.Arrays;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.Inode;
import sprocket.api.sys.FileMode;

/**
 * A directory: entries kept sorted by name in two parallel arrays, so a lookup is a binary search. "." and ".." are
 * not stored: ".." is {@link #parent}, the directory itself at the root of the file system. getdents(2) lists the
 * names in name order; the offset counts entries (".", "..", then the names), and a listing resumes after the last
 * name it gave, though entries before it were removed meanwhile.
 */
final class Directory extends MemNode {

    /** What one entry occupies in st_size: an s5 directory entry, a 2-byte i-number and a 14-byte name. */
    private static final int ENTRY_BYTES = 16;

    /** Where a listing of one open directory stands: the name last given and the offset after it. */
    private record Cursor(String lastName, long offset) {
    }

    private String[] names = new String[4];
    private MemNode[] nodes = new MemNode[4];
    private int count;
    /** The directory ".." names; null at the root of the file system. rename(2) moves a directory to another. */
    Directory parent;

    /**
     * A directory in {@code parent} (null for the root), with two links: its entry there and its own "." (the root's
     * "." and "..").
     */
    Directory(MemFs fs, long ino, int perm, int uid, int gid, Directory parent) {
        super(fs, ino, FileMode.S_IFDIR | perm, uid, gid);
        this.parent = parent;
        this.nlink = 2;
    }

    @Override
    public Inode lookup(String name) {
        if (name.equals("..")) return parent != null ? parent : this;
        MemNode n = find(name);
        if (n == null) throw ErrnoException.of(Errno.ENOENT);
        return n;
    }

    /** The entry {@code name}, or null. */
    MemNode find(String name) {
        int i = search(name);
        return i >= 0 ? nodes[i] : null;
    }

    @Override
    public Inode create(String name, int mode, int uid, int gid, int rdev) {
        long ino = fs.newIno();
        MemNode node = switch (mode & FileMode.S_IFMT) {
            case FileMode.S_IFREG -> new RegularFile(fs, ino, mode, uid, gid);
            case FileMode.S_IFIFO, FileMode.S_IFSOCK, FileMode.S_IFCHR -> new SpecialNode(fs, ino, mode, uid, gid, rdev);
            default -> throw ErrnoException.of(Errno.EINVAL);
        };
        enter(name, node);
        return node;
    }

    @Override
    public Inode mkdir(String name, int perm, int uid, int gid) {
        Directory d = new Directory(fs, fs.newIno(), perm, uid, gid, this);
        add(name, d);
        // Its ".." is one more link to this directory.
        nlink++;
        return d;
    }

    @Override
    public Inode symlink(String name, String target, int uid, int gid) {
        SymbolicLink link = new SymbolicLink(fs, fs.newIno(), target, uid, gid);
        enter(name, link);
        return link;
    }

    @Override
    public void link(String name, Inode file) {
        if (!(file instanceof MemNode node) || node.fs != fs) throw ErrnoException.of(Errno.EXDEV);
        enter(name, node);
    }

    /** Enters a node that is not a directory: one link more. */
    private void enter(String name, MemNode node) {
        add(name, node);
        node.nlink++;
        node.ctime = fs.seconds();
    }

    @Override
    public void remove(String name) {
        MemNode node = existing(name);
        long now = fs.seconds();
        removeEntry(name, now);
        node.unlinked(now);
    }

    @Override
    public void rmdir(String name) {
        if (!(existing(name) instanceof Directory dir)) throw ErrnoException.of(Errno.ENOTDIR);
        if (dir.count != 0) throw ErrnoException.of(Errno.ENOTEMPTY);
        long now = fs.seconds();
        removeEntry(name, now);
        nlink--;
        dir.nlink = 0;
        dir.ctime = now;
    }

    /**
     * rename(2)'s change, the kernel's checks passed: drop what {@code toName} held in {@code toDir}, then move the
     * entry. A directory replaced must be empty; a directory moved takes its ".." link to its new parent.
     */
    @Override
    public void rename(String name, Inode toDir, String toName) {
        MemNode node = existing(name);
        Directory dst = (Directory) toDir;
        MemNode victim = dst.find(toName);
        // rename(2): new may be replaced only by "a directory ... empty".
        if (victim instanceof Directory old && old.count != 0) throw ErrnoException.of(Errno.ENOTEMPTY);
        long now = fs.seconds();
        if (victim != null) {
            dst.removeEntry(toName, now);
            if (victim instanceof Directory old) {
                // Its own "." and its entry go, and with it the ".." it held on the new parent.
                old.nlink = 0;
                old.ctime = now;
                dst.nlink--;
            } else {
                victim.unlinked(now);
            }
        }
        removeEntry(name, now);
        dst.add(toName, node);
        node.ctime = now;
        if (node instanceof Directory dir && dst != this) {
            nlink--;
            dst.nlink++;
            dir.parent = dst;
        }
    }

    @Override
    public void readdir(DirContext dir) {
        long offset = dir.offset();
        atime = fs.seconds();
        if (offset < 2) return;
        int entry = dir.cursor() instanceof Cursor c && c.offset() == offset ? after(c.lastName())
                : (int) Math.min(offset - 2, count);
        String last = null;
        while (entry < count) {
            MemNode child = nodes[entry];
            if (!dir.emit(child.ino(), names[entry], child.type(), offset + 1)) break;
            last = names[entry++];
            offset++;
        }
        if (last != null) dir.cursor(new Cursor(last, offset));
    }

    /** The entry {@code name}, which must be there. */
    private MemNode existing(String name) {
        MemNode n = find(name);
        if (n == null) throw ErrnoException.of(Errno.ENOENT);
        return n;
    }

    /** Enters {@code node} as {@code name}, which must not be present; the link count is the caller's. */
    private void add(String name, MemNode node) {
        int i = -search(name) - 1;
        if (i < 0) throw new IllegalStateException("entry exists: " + name);
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            nodes = Arrays.copyOf(nodes, count * 2);
        }
        System.arraycopy(names, i, names, i + 1, count - i);
        System.arraycopy(nodes, i, nodes, i + 1, count - i);
        names[i] = name;
        nodes[i] = node;
        count++;
        mtime = fs.seconds();
        ctime = mtime;
    }

    /** Removes the entry {@code name}, which must be present; the link count is the caller's. */
    private void removeEntry(String name, long now) {
        int i = search(name);
        if (i < 0) throw new IllegalStateException("no entry: " + name);
        System.arraycopy(names, i + 1, names, i, count - i - 1);
        System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
        count--;
        names[count] = null;
        nodes[count] = null;
        mtime = now;
        ctime = now;
    }

    /**
     * Unmounting: every entry goes, each file's storage with it; subdirectories go to {@code dirs} to be emptied in
     * turn. Returns the names removed.
     */
    int clear(ArrayDeque<Directory> dirs, long now) {
        int removed = count;
        for (int i = count - 1; i >= 0; i--) {
            MemNode child = nodes[i];
            removeEntry(names[i], now);
            if (child instanceof Directory sub) {
                dirs.push(sub);
            } else {
                child.unlinked(now);
                if (child.nlink == 0) child.inactive();
            }
        }
        nlink = 0;
        return removed;
    }

    /** The index of the first entry whose name sorts after {@code name}, present or not (a listing resumes there). */
    private int after(String name) {
        int i = search(name);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public long size() {
        return (count + 2L) * ENTRY_BYTES;
    }

    /** Binary search: the index of the entry, or {@code -(insertion point) - 1}. */
    private int search(String name) {
        return Arrays.binarySearch(names, 0, count, name);
    }
}
