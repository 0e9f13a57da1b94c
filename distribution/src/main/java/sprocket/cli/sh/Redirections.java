package sprocket.cli.sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * Redirection (XCU 2.7): opening files onto descriptors, duplicating and closing them, and here-documents through
 * a pipe. For a built-in, a function or a compound command the descriptors replaced are saved above 9 (close-on-
 * exec) and put back afterwards; in a child about to exec, or for {@code exec} itself, they are simply replaced.
 * Messages are dash's: {@code cannot open f: No such file}, {@code cannot create d/f: Directory nonexistent}.
 */
final class Redirections {
    /** The bytes a pipe is sure to take without a reader: _POSIX_PIPE_BUF. Longer here-documents get a writer. */
    private static final int PIPE_BUF = 512;

    private Redirections() {
    }

    /** The descriptors replaced, to be put back by {@link #restore}. */
    static final class Saved {
        private final Sys sys;
        /** Pairs: the descriptor, and where its old file waits (-1: it was closed). */
        private final List<int[]> entries = new ArrayList<>();

        Saved(Sys sys) {
            this.sys = sys;
        }

        private boolean has(int fd) {
            for (int[] e : entries) {
                if (e[0] == fd) return true;
            }
            return false;
        }

        /** Puts every saved descriptor back, the last saved first. */
        void restore() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                int[] e = entries.get(i);
                if (e[1] < 0) {
                    sys.close(e[0]);
                } else {
                    if (sys.dup2(e[1], e[0]) == -1) Strerror.perror(sys, "sh: dup2");
                    sys.close(e[1]);
                }
            }
            entries.clear();
        }
    }

    /**
     * Performs {@code rs} in order; with {@code save}, what they replace can be restored. On an error the ones done
     * are undone and a {@link ShellError} (status 2) says what failed.
     */
    static Saved apply(Shell sh, List<Node.Redirection> rs, boolean save) {
        Saved saved = new Saved(sh.sys);
        try {
            for (Node.Redirection r : rs) one(sh, r, save ? saved : null);
        } catch (ShellError e) {
            saved.restore();
            throw e;
        }
        return saved;
    }

    private static void one(Shell sh, Node.Redirection r, Saved saved) {
        Sys sys = sh.sys;
        int fd = r.fd();
        if (fd > Limits.MAX_FD) throw ShellError.command(fd + ": Bad file descriptor", 2);
        // Evaluate the target before touching the descriptor: its expansion may fail.
        int source;
        boolean close = false;
        switch (r.op()) {
            case DUP_IN, DUP_OUT -> {
                String t = sh.expander.string(r.target());
                if (t.equals("-")) {
                    close = true;
                    source = -1;
                } else if (!t.isEmpty() && t.length() <= 4 && t.chars().allMatch(Character::isDigit)) {
                    source = Integer.parseInt(t);
                    if (source != fd && sys.fcntl(source, Fcntl.F_GETFD, 0) == -1) {
                        throw ShellError.command(t + ": " + Strerror.strerror(sys.errno()), 2);
                    }
                } else {
                    throw ShellError.command("Bad fd number", 2);
                }
            }
            case HERE, HERE_STRIP -> source = hereDocument(sh, r.here());
            default -> source = open(sh, r);
        }
        sh.sourceWillBeReplaced(fd);
        if (saved != null && !saved.has(fd)) save(sys, fd, saved);
        if (close) {
            sys.close(fd);
            return;
        }
        if (source == fd) return;
        if (sys.dup2(source, fd) == -1) {
            int e = sys.errno();
            if (r.op() != Node.RedirectionOp.DUP_IN && r.op() != Node.RedirectionOp.DUP_OUT) sys.close(source);
            throw ShellError.command(fd + ": " + Strerror.strerror(e), 2);
        }
        if (r.op() != Node.RedirectionOp.DUP_IN && r.op() != Node.RedirectionOp.DUP_OUT) sys.close(source);
    }

    private static void save(Sys sys, int fd, Saved saved) {
        int copy = sys.fcntl(fd, Fcntl.F_DUPFD, Limits.FIRST_PRIVATE_FD);
        if (copy == -1) {
            if (sys.errno() != Errno.EBADF) throw ShellError.command(fd + ": " + Strerror.strerror(sys.errno()), 2);
        } else if (sys.fcntl(copy, Fcntl.F_SETFD, Fcntl.FD_CLOEXEC) == -1) {
            int e = sys.errno();
            sys.close(copy);
            throw ShellError.command(fd + ": " + Strerror.strerror(e), 2);
        }
        saved.entries.add(new int[] {fd, copy});
    }

    private static int open(Shell sh, Node.Redirection r) {
        Sys sys = sh.sys;
        String path = sh.expander.string(r.target());
        int flags;
        boolean output = true;
        switch (r.op()) {
            case IN -> {
                flags = Fcntl.O_RDONLY;
                output = false;
            }
            case READ_WRITE -> flags = Fcntl.O_RDWR | Fcntl.O_CREAT;
            case APPEND -> flags = Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND;
            case OUT, CLOBBER -> {
                flags = Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC;
                if (r.op() == Node.RedirectionOp.OUT && sh.options.noclobber) {
                    // set -C: an existing regular file is not overwritten; /dev/null and the like still are.
                    Stat st = sys.stat(path);
                    if (st != null && st.type() == FileMode.S_IFREG) {
                        throw ShellError.command("cannot create " + path + ": " + Strerror.strerror(Errno.EEXIST), 2);
                    }
                }
            }
            default -> throw new IllegalStateException(r.op().name());
        }
        int fd = sys.open(path, flags, 0666);
        if (fd == -1) {
            int e = sys.errno();
            String why = e == Errno.ENOENT || e == Errno.ENOTDIR ? (output ? "Directory nonexistent" : "No such file")
                    : Strerror.strerror(e);
            throw ShellError.command((output ? "cannot create " : "cannot open ") + path + ": " + why, 2);
        }
        return fd;
    }

    /** A pipe holding the here-document's body; the read end is returned. */
    private static int hereDocument(Shell sh, Node.HereDocument here) {
        Sys sys = sh.sys;
        String text = here.body == null ? "" : here.literal ? ((WordPart.Quoted) here.body.parts().get(0)).text()
                : sh.expander.string(here.body);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        int[] p = new int[2];
        if (sys.pipe(p) == -1) throw ShellError.command("Pipe call failed: " + Strerror.strerror(sys.errno()), 2);
        if (body.length <= PIPE_BUF) {
            if (!Stdio.writeAll(sys, p[1], body, 0, body.length)) {
                int e = sys.errno();
                sys.close(p[0]);
                sys.close(p[1]);
                throw ShellError.command("here-document: " + Strerror.strerror(e), 2);
            }
        } else {
            // More than a pipe is sure to hold: a child writes it while the command reads, as dash does.
            Pipelines.forkPlain(sh, child -> {
                child.sys.close(p[0]);
                return Stdio.writeAll(child.sys, p[1], body, 0, body.length) ? 0 : 1;
            }, p);
        }
        sys.close(p[1]);
        return p[0];
    }
}
