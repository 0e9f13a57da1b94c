package sprocket.kernel.vfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.FileSystem;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.fs.FsContext;
import sprocket.api.fs.Inode;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * The smallest file-system type the SPI allows, for testing the kernel's side of it: directories and regular files
 * in maps and arrays, no checks beyond what only it can know, and a log of every vnode operation the kernel asked for.
 */
final class RecordingFs implements FileSystemProvider {

    /** Every operation asked, as "op name", in order, across all file systems of this type. */
    final List<String> calls = new ArrayList<>();
    int unmounts;
    int inactive;

    @Override
    public String name() {
        return "rec";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String apiVersion() {
        return sprocket.api.ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "a file system that records what the kernel asks of it";
    }

    @Override
    public FileSystem mount(FsContext context) {
        Node root = new Node(1, FileMode.S_IFDIR | 0755);
        root.parent = root;
        return new FileSystem() {
            @Override
            public Inode root() {
                return root;
            }

            @Override
            public void unmount() {
                unmounts++;
            }

            @Override
            public sprocket.api.sys.Statvfs statvfs() {
                return new sprocket.api.sys.Statvfs(512, 512, 0, 0, 0, 0, 0, 0, 0, "", 0, 255);
            }
        };
    }

    private long nextIno = 2;

    final class Node implements Inode {
        final long ino;
        int mode;
        int uid;
        int gid;
        int nlink = 1;
        Node parent;
        final Map<String, Node> entries = new TreeMap<>();
        byte[] data = new byte[0];

        Node(long ino, int mode) {
            this.ino = ino;
            this.mode = mode;
        }

        @Override public long ino() { return ino; }
        @Override public int mode() { return mode; }
        @Override public int uid() { return uid; }
        @Override public int gid() { return gid; }
        @Override public int nlink() { return nlink; }
        @Override public long size() { return data.length; }

        @Override
        public Stat getattr(int dev) {
            return new Stat(dev, ino, mode, nlink, uid, gid, 0, data.length, 0, 0, 0);
        }

        @Override
        public Inode lookup(String name) {
            calls.add("lookup " + name);
            Node n = name.equals("..") ? parent : entries.get(name);
            if (n == null) throw ErrnoException.of(Errno.ENOENT);
            return n;
        }

        private Node add(String name, int mode, int uid, int gid) {
            Node n = new Node(nextIno++, mode);
            n.uid = uid;
            n.gid = gid;
            n.parent = this;
            entries.put(name, n);
            return n;
        }

        @Override
        public Inode create(String name, int mode, int uid, int gid, int rdev) {
            calls.add("create " + name);
            return add(name, mode, uid, gid);
        }

        @Override
        public Inode mkdir(String name, int perm, int uid, int gid) {
            calls.add("mkdir " + name);
            return add(name, FileMode.S_IFDIR | perm, uid, gid);
        }

        @Override
        public void remove(String name) {
            calls.add("remove " + name);
            entries.remove(name).nlink--;
        }

        @Override
        public void readdir(DirContext dir) {
            calls.add("readdir");
            int i = 0;
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                if (i++ < dir.offset() - 2) continue;
                if (!dir.emit(e.getValue().ino, e.getKey(), e.getValue().mode & FileMode.S_IFMT, 2 + i)) return;
            }
        }

        @Override
        public int read(long offset, byte[] buf, int off, int len) {
            calls.add("read");
            if (offset >= data.length) return 0;
            int n = (int) Math.min(len, data.length - offset);
            System.arraycopy(data, (int) offset, buf, off, n);
            return n;
        }

        @Override
        public int write(long offset, byte[] buf, int off, int len) {
            calls.add("write " + offset);
            if (offset + len > data.length) data = Arrays.copyOf(data, (int) offset + len);
            System.arraycopy(buf, off, data, (int) offset, len);
            return len;
        }

        @Override
        public void chmod(int perm) {
            calls.add("chmod");
            mode = (mode & FileMode.S_IFMT) | perm;
        }

        @Override
        public void chown(int uid, int gid) {
            calls.add("chown");
            this.uid = uid;
            this.gid = gid;
        }

        @Override
        public void inactive() {
            calls.add("inactive");
            inactive++;
        }
    }
}
