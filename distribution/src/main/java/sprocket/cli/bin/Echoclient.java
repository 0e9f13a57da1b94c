package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.SockAddr;
import sprocket.api.sys.Socket;
import sprocket.api.sys.Sys;
import sprocket.libc.Sockets;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * echoclient unix PATH | inet [ADDR:]PORT [LINES]: connects to an echo server, sends LINES lines (3 by default) one
 * at a time, checks each comes back unchanged, then shuts its sending side down and waits for the server's end of
 * file, as a well-behaved client of a stream service does.
 */
public final class Echoclient implements sprocket.api.sys.Program {
    private static final int MAX_LINES = 10_000;

    @Override
    public String name() {
        return "echoclient";
    }

    @Override
    public String summary() {
        return "echoclient unix PATH | inet [ADDR:]PORT [LINES]: sends lines to an echo server and checks the echo";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        SockAddr to = argv.length == 3 || argv.length == 4 ? Sockets.parse(argv[1], argv[2]) : null;
        long lines = argv.length == 4 ? Strtol.number(argv[3], 1, MAX_LINES) : 3;
        if (to == null || lines == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: echoclient unix PATH | inet [ADDR:]PORT [LINES] (LINES 1.."
                    + MAX_LINES + ")\n");
            return 2;
        }
        int fd = sys.socket(to.family(), Socket.SOCK_STREAM, 0);
        if (fd < 0 || sys.connect(fd, to) != 0) {
            Strerror.perror(sys, "echoclient: connect " + to);
            return 1;
        }
        int pid = sys.getpid();
        byte[] back = new byte[128];
        for (int i = 1; i <= lines; i++) {
            byte[] line = ("line " + i + " from pid " + pid + "\n").getBytes(StandardCharsets.UTF_8);
            if (!Stdio.writeAll(sys, fd, line, 0, line.length)) {
                Strerror.perror(sys, "echoclient: write");
                return 1;
            }
            int n = Sockets.readn(sys, fd, back, line.length);
            if (n != line.length || !java.util.Arrays.equals(line, 0, n, back, 0, n)) {
                if (n < 0) Strerror.perror(sys, "echoclient: read");
                else Stdio.fputs(sys, STDERR_FILENO, "echoclient: line " + i + " came back wrong\n");
                return 1;
            }
        }
        // shutdown(2) SHUT_WR: the server reads end of file, closes, and this side reads end of file too.
        sys.shutdown(fd, Socket.SHUT_WR);
        int end = sys.read(fd, back, 0, back.length);
        sys.close(fd);
        if (end != 0) {
            Stdio.fputs(sys, STDERR_FILENO, "echoclient: expected end of file from the server\n");
            return 1;
        }
        Stdio.fputs(sys, STDOUT_FILENO, "echoclient " + pid + ": " + lines + " lines echoed over "
                + Sockets.familyName(to) + " " + to + "\n");
        return 0;
    }
}
