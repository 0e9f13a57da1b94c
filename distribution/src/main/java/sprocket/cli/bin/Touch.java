package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * touch(1): "change file access and modification times" to now, creating a file that does not exist (unless {@code
 * -c}). Setting a time is utime(2)'s, which this kernel does not have yet; until it does, touch does what 4.3BSD's
 * touch did where utimes failed: it reads a byte (the access time) and writes it back in place (the modification
 * time), or truncates an empty file, so it needs read and write permission. {@code -a} alone only reads. A time of
 * one's choosing ({@code -t}, {@code -r}, {@code -d}) cannot be set without utime(2): those report ENOSYS. Exit 0,
 * 1 when a file could not be touched, 2 for a usage error.
 */
public final class Touch implements Program {

    private static final String USAGE = "usage: touch [-acm] [-r ref_file | -t time | -d date] file...\n";

    @Override
    public String name() {
        return "touch";
    }

    @Override
    public String summary() {
        return "touch [-acm] FILE...: set access and modification times to now, creating files";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean access = false;
        boolean modification = false;
        boolean create = true;
        boolean chosenTime = false;
        Getopt g = new Getopt(sys, argv, "acmr:t:d:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'a' -> access = true;
                case 'm' -> modification = true;
                case 'c' -> create = false;
                case 'r', 't', 'd' -> chosenTime = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (!access && !modification) access = modification = true;
        String[] files = g.operands();
        if (files.length == 0) return Usage.fail(sys, USAGE);
        int status = 0;
        for (String file : files) {
            Stat st = sys.stat(file);
            if (st == null && sys.errno() == Errno.ENOENT) {
                if (!create) continue;
                int fd = sys.open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT, 0666);
                if (fd == -1) {
                    Strerror.perror(sys, "touch: " + file);
                    status = 1;
                    continue;
                }
                sys.close(fd);
                if (!chosenTime) continue;
            } else if (st == null) {
                Strerror.perror(sys, "touch: " + file);
                status = 1;
                continue;
            }
            boolean done = chosenTime ? MissingCalls.utime(sys, file, 0, 0, false) == 0
                    : MissingCalls.utime(sys, file, 0, 0, true) == 0 || (sys.errno() == Errno.ENOSYS
                            && rewrite(sys, file, st, modification));
            if (!done) {
                Strerror.perror(sys, "touch: " + file);
                status = 1;
            }
        }
        return status;
    }

    /**
     * 4.3BSD touch's way without utimes: a byte read (the access time) and, for the modification time, written back
     * where it was, or an empty file truncated. Only a regular file can be touched so (reading a FIFO would wait,
     * a directory cannot be written): another kind keeps utime's ENOSYS. False with errno set.
     */
    private static boolean rewrite(Sys sys, String file, Stat st, boolean modification) {
        if (st.type() != FileMode.S_IFREG) {
            sys.errno(Errno.ENOSYS);
            return false;
        }
        int fd = sys.open(file, modification ? Fcntl.O_RDWR : Fcntl.O_RDONLY);
        if (fd == -1) return false;
        byte[] b = new byte[1];
        int n = sys.read(fd, b, 0, 1);
        boolean ok = n >= 0;
        if (ok && modification) {
            if (n == 0) {
                int t = sys.open(file, Fcntl.O_WRONLY | Fcntl.O_TRUNC);
                ok = t >= 0 && sys.close(t) == 0;
            } else {
                ok = sys.lseek(fd, 0, Fcntl.SEEK_SET) == 0 && sys.write(fd, b, 0, 1) == 1;
            }
        }
        int e = sys.errno();
        sys.close(fd);
        sys.errno(e);
        return ok;
    }
}
