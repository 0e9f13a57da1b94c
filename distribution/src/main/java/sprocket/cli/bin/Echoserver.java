package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.SockAddrIn;
import sprocket.api.sys.SockAddrUn;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Sockets;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * echoserver [-n CLIENTS] [unix|inet|both]: the echo service (RFC 862) as a classic concurrent Unix server, on
 * an AF_UNIX socket at /tmp/echo.sock and a TCP port on the loopback interface (an ephemeral one, which
 * getsockname tells). For the demonstration it starts its own clients: it forks CLIENTS children per address, each
 * exec'ing {@code echoclient} at it; for each connection it accepts, it forks a handler that echoes until end of
 * file. It then reaps everyone, removes its socket's name, and reports.
 */
public final class Echoserver implements sprocket.api.sys.Program {
    static final String PATH = "/tmp/echo.sock";
    private static final int MAX_CLIENTS = 50;

    @Override
    public String name() {
        return "echoserver";
    }

    @Override
    public String summary() {
        return "echoserver [-n CLIENTS] [unix|inet|both]: echo service on AF_UNIX and loopback TCP, with its own clients";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long clients = 2;
        Getopt g = new Getopt(sys, argv, "n:");
        for (int c; (c = g.getopt()) != -1;) {
            clients = c == 'n' ? Strtol.number(g.optarg(), 1, MAX_CLIENTS) : Strtol.BAD_NUMBER;
        }
        int i = g.optind();
        String which = i < argv.length ? argv[i++] : "both";
        if (clients == Strtol.BAD_NUMBER || i != argv.length
                || !(which.equals("unix") || which.equals("inet") || which.equals("both"))) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: echoserver [-n CLIENTS] [unix|inet|both] (CLIENTS 1.."
                    + MAX_CLIENTS + ")\n");
            return 2;
        }
        List<SockAddr> wanted = new ArrayList<>();
        if (!which.equals("inet")) wanted.add(new SockAddrUn(PATH));
        if (!which.equals("unix")) wanted.add(SockAddrIn.any(0));
        boolean ok = true;
        for (SockAddr a : wanted) {
            if (!serve(sys, a, (int) clients)) ok = false;
        }
        return ok ? 0 : 1;
    }

    /** Listens at {@code at}, starts {@code clients} echoclients there, and serves them one handler each. */
    private static boolean serve(Sys sys, SockAddr at, int clients) {
        String family = Sockets.familyName(at);
        int ls = sys.socket(at.family(), Socket.SOCK_STREAM, 0);
        if (ls < 0) {
            Strerror.perror(sys, "echoserver: socket");
            return false;
        }
        SockAddr[] name = new SockAddr[1];
        if (sys.bind(ls, at) != 0 || sys.listen(ls, Socket.SOMAXCONN) != 0 || sys.getsockname(ls, name) != 0) {
            Strerror.perror(sys, "echoserver: " + family + " " + at);
            sys.close(ls);
            return false;
        }
        Stdio.fputs(sys, STDOUT_FILENO, "echoserver: listening on " + family + " " + shown(name[0]) + "\n");
        String[] where = Sockets.unparse(name[0]);
        int children = 0;
        for (int c = 0; c < clients; c++) {
            int pid = sys.fork(s -> {
                s.close(ls);
                s.execv("/bin/echoclient", new String[] {"echoclient", where[0], where[1]});
                Strerror.perror(s, "echoserver: exec echoclient");
                return 127;
            });
            if (pid < 0) Strerror.perror(sys, "echoserver: fork");
            else children++;
        }
        int served = 0;
        for (int c = 0; c < clients; c++) {
            SockAddr[] peer = new SockAddr[1];
            int fd = Sockets.accept(sys, ls, peer);
            if (fd < 0) {
                Strerror.perror(sys, "echoserver: accept");
                break;
            }
            int pid = sys.fork(s -> {
                s.close(ls);
                return echo(s, fd);
            });
            if (pid < 0) Strerror.perror(sys, "echoserver: fork");
            else children++;
            // The handler has its own descriptor: the connection ends when it closes, not the server.
            sys.close(fd);
            served++;
        }
        sys.close(ls);
        boolean ok = Reap.all(sys, "echoserver", children);
        if (at instanceof SockAddrUn un && sys.unlink(un.path()) != 0) Strerror.perror(sys, "echoserver: unlink");
        Stdio.fputs(sys, STDOUT_FILENO, "echoserver: " + family + " served " + served + " clients\n");
        return ok && served == clients;
    }

    /** The handler: echoes what arrives until the client shuts its side down, then closes. */
    private static int echo(Sys sys, int fd) {
        byte[] buf = new byte[256];
        while (true) {
            int n = sys.read(fd, buf, 0, buf.length);
            if (n == -1 && sys.errno() == Errno.EINTR) continue;
            if (n < 0) {
                Strerror.perror(sys, "echoserver: read");
                return 1;
            }
            if (n == 0) break;
            if (!Stdio.writeAll(sys, fd, buf, 0, n)) {
                Strerror.perror(sys, "echoserver: write");
                return 1;
            }
        }
        return sys.close(fd) == 0 ? 0 : 1;
    }

    private static String shown(SockAddr a) {
        return a instanceof SockAddrIn in ? "port " + in.port() : a.toString();
    }
}
