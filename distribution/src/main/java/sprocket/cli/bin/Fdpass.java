package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.libc.Sockets;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * fdpass [FILE]: an open server hands an open descriptor to a child with SCM_RIGHTS. The server listens on the
 * AF_UNIX socket /tmp/fdpass.sock; the child connects and sends a path name; the server opens the file (as itself)
 * and sends the descriptor back in an SCM_RIGHTS control message, or errno in the reply byte; the child reads the
 * file through the descriptor it received. Without FILE the server first writes /tmp/fdpass.txt to hand out.
 */
public final class Fdpass implements sprocket.api.sys.Program {
    static final String PATH = "/tmp/fdpass.sock";
    private static final String DEFAULT_FILE = "/tmp/fdpass.txt";

    @Override
    public String name() {
        return "fdpass";
    }

    @Override
    public String summary() {
        return "fdpass [FILE]: a server opens FILE for its child and passes the descriptor with SCM_RIGHTS";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length > 2) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: fdpass [FILE]\n");
            return 2;
        }
        String file = argv.length == 2 ? argv[1] : DEFAULT_FILE;
        if (argv.length == 1 && !makeDefault(sys)) return 1;
        int ls = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
        if (ls < 0 || sys.bind(ls, new SockAddrUn(PATH)) != 0 || sys.listen(ls, 1) != 0) {
            Strerror.perror(sys, "fdpass: " + PATH);
            return 1;
        }
        int child = sys.fork(s -> {
            s.close(ls);
            return client(s, file);
        });
        if (child < 0) Strerror.perror(sys, "fdpass: fork");
        boolean ok = child >= 0 && serveOne(sys, ls);
        sys.close(ls);
        sys.unlink(PATH);
        if (child >= 0 && !Reap.all(sys, "fdpass", 1)) ok = false;
        return ok ? 0 : 1;
    }

    private static boolean makeDefault(Sys sys) {
        int fd = sys.open(DEFAULT_FILE, Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_WRONLY, 0600);
        byte[] text = "opened by the server, read by its child\n".getBytes(StandardCharsets.UTF_8);
        if (fd < 0 || !Stdio.writeAll(sys, fd, text, 0, text.length)) {
            Strerror.perror(sys, "fdpass: " + DEFAULT_FILE);
            return false;
        }
        sys.close(fd);
        return true;
    }

    /** The server's side: one request, one reply carrying the open descriptor (or the errno of the open). */
    private static boolean serveOne(Sys sys, int ls) {
        int c = Sockets.accept(sys, ls, null);
        if (c < 0) {
            Strerror.perror(sys, "fdpass: accept");
            return false;
        }
        byte[] request = new byte[256];
        int n = Stdio.read(sys, c, request);
        String path = n > 0 ? new String(request, 0, n, StandardCharsets.UTF_8) : "";
        int fd = sys.open(path, Fcntl.O_RDONLY);
        Msghdr reply = new Msghdr(new byte[] {(byte) (fd < 0 ? sys.errno() : 0)}, 0, 1);
        if (fd >= 0) reply.rights = new int[] {fd};
        boolean ok = sys.sendmsg(c, reply, 0) == 1;
        if (!ok) Strerror.perror(sys, "fdpass: sendmsg");
        Stdio.fputs(sys, STDOUT_FILENO, "fdpass: server " + sys.getpid()
                + (fd >= 0 ? " opened " + path + " as fd " + fd + " and sent it"
                        : " could not open " + path + ": " + Strerror.strerror(reply.buf[0] & 0xFF)) + "\n");
        // The descriptor in flight holds the open file: the server may close its own at once.
        if (fd >= 0) sys.close(fd);
        sys.close(c);
        return ok;
    }

    /** The child's side: asks for {@code file}, receives a descriptor, and reads the file through it. */
    private static int client(Sys sys, String file) {
        int s = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0);
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        if (s < 0 || sys.connect(s, new SockAddrUn(PATH)) != 0 || !Stdio.writeAll(sys, s, name, 0, name.length)) {
            Strerror.perror(sys, "fdpass: child: " + PATH);
            return 1;
        }
        sys.shutdown(s, Socket.SHUT_WR);
        Msghdr m = new Msghdr(new byte[1], 0, 1);
        m.maxRights = 1;
        int n = sys.recvmsg(s, m, 0);
        sys.close(s);
        if (n != 1) {
            Strerror.perror(sys, "fdpass: child: recvmsg");
            return 1;
        }
        if (m.rights.length == 0) {
            Stdio.fputs(sys, STDERR_FILENO, "fdpass: child: the server could not open " + file + ": "
                    + Strerror.strerror(m.buf[0] & 0xFF) + "\n");
            return 1;
        }
        int fd = m.rights[0];
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[512];
        int got;
        while ((got = Stdio.read(sys, fd, buf)) > 0) text.append(new String(buf, 0, got, StandardCharsets.UTF_8));
        sys.close(fd);
        Stdio.fputs(sys, STDOUT_FILENO, "fdpass: child " + sys.getpid() + " received fd " + fd + " and read: " + text);
        return got == 0 ? 0 : 1;
    }
}
