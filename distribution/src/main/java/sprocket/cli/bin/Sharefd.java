package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * sharefd: sproc(2)'s PR_SFDS at work. One member opens a file, a second reads from the descriptor it never opened
 * (one file pointer for the group), a third closes it, and the parent then finds it closed too: "if one member closes
 * a file, it is closed for all members of the group". Members take turns with blockproc(2).
 */
public final class Sharefd implements Program {
    static final String FILE = "/tmp/sharefd.txt";

    @Override
    public String name() {
        return "sharefd";
    }

    @Override
    public String summary() {
        return "sharefd: one share-group member opens a file, another reads it, a third closes it for all";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int w = sys.open(FILE, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, 0644);
        if (w < 0) {
            Strerror.perror(sys, "sharefd: " + FILE);
            return 1;
        }
        byte[] text = "shared descriptors\n".getBytes();
        Stdio.writeAll(sys, w, text, 0, text.length);
        sys.close(w);
        long cell = sys.sbrk(4096);
        int me = sys.getpid();
        int opener = step(sys, cell, (s, arg, len) -> {
            int fd = s.open(FILE, Fcntl.O_RDONLY);
            s.cpu().store32(arg, fd);
            Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid() + ": opened " + FILE + " as descriptor " + fd + "\n");
            return fd < 0 ? 1 : 0;
        });
        int fd = sys.cpu().load32(cell);
        int reader = step(sys, cell, (s, arg, len) -> {
            byte[] b = new byte[8];
            int n = s.read(fd, b, 0, b.length);
            Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid() + ": read " + n + " bytes from descriptor " + fd
                    + ": \"" + new String(b, 0, Math.max(n, 0)) + "\"\n");
            return n == b.length ? 0 : 1;
        });
        int closer = step(sys, cell, (s, arg, len) -> {
            int r = s.close(fd);
            Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid() + ": closed descriptor " + fd + "\n");
            return r;
        });
        byte[] b = new byte[8];
        boolean closed = sys.read(fd, b, 0, b.length) == -1 && sys.errno() == Errno.EBADF;
        Stdio.fputs(sys, STDOUT_FILENO, "parent " + me + ": descriptor " + fd
                + (closed ? " is closed here too (EBADF)\n"
                : " is still open here\n"));
        sys.unlink(FILE);
        return opener == 0 && reader == 0 && closer == 0 && closed ? 0 : 1;
    }

    /** Runs one member to completion and returns its exit status. */
    private static int step(Sys sys, long cell, sprocket.api.sys.SprocEntry entry) {
        int pid = Sproc.sproc(sys, entry, Prctl.PR_SADDR | Prctl.PR_SFDS, cell);
        if (pid == -1) {
            Strerror.perror(sys, "sharefd: sproc");
            return 1;
        }
        int[] st = new int[1];
        sys.waitpid(pid, st, 0);
        return sprocket.api.sys.Wait.WEXITSTATUS(st[0]);
    }
}
