package sprocket.libc;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/**
 * A directory stream (C's {@code DIR}): opendir(3C), readdir(3C) and closedir(3C) over getdents(2), which reads
 * {@link #ENTRIES} entries at a time as readdir's buffer holds them; and {@link #scandir}, every name at once.
 */
public final class Dir {
    /** How many entries one getdents(2) asks for. */
    static final int ENTRIES = 64;

    private final Sys sys;
    private final int fd;
    private final Dirent[] buf = new Dirent[ENTRIES];
    private int count;
    private int next;
    private boolean closed;

    private Dir(Sys sys, int fd) {
        this.sys = sys;
        this.fd = fd;
    }

    /** opendir(3C): a stream on the directory {@code path}, or null with open(2)'s errno (ENOTDIR and the rest). */
    public static Dir opendir(Sys sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        return fd < 0 ? null : new Dir(sys, fd);
    }

    /**
     * readdir(3C): the next entry, in the order getdents(2) gives them ("." and ".." included when the file system
     * lists them). readdir(3C): "returns a null pointer upon reaching the end of the directory stream" (errno left as
     * it was) or on an error (errno set), so a caller that must tell them apart sets errno to 0 first.
     */
    public Dirent readdir() {
        if (closed) {
            sys.errno(sprocket.api.Errno.EBADF);
            return null;
        }
        if (next == count) {
            int n = sys.getdents(fd, buf);
            if (n <= 0) return null;
            count = n;
            next = 0;
        }
        return buf[next++];
    }

    /** closedir(3C): closes the stream's descriptor; 0, or -1 with close(2)'s errno. */
    public int closedir() {
        if (closed) {
            sys.errno(sprocket.api.Errno.EBADF);
            return -1;
        }
        closed = true;
        return sys.close(fd);
    }

    /**
     * scandir(3C) without a filter or an order: every name in directory {@code path}, in getdents(2)'s order; null with
     * errno set if the directory cannot be opened or read (the reason the read failed, not close's).
     */
    public static List<String> scandir(Sys sys, String path) {
        Dir d = opendir(sys, path);
        if (d == null) return null;
        List<String> names = new ArrayList<>();
        sys.errno(0);
        for (Dirent e; (e = d.readdir()) != null;) names.add(e.name());
        int errno = sys.errno();
        d.closedir();
        sys.errno(errno);
        return errno == 0 ? names : null;
    }
}
