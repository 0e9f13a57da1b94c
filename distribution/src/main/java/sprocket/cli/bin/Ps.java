package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import java.nio.charset.StandardCharsets;
import java.util.List;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * ps(1): "prints information about active processes", every process here (as SVR4's {@code -e}), read from /proc the
 * way Linux procps does: the pid directories in the order /proc lists them, each one's {@code status} for PID, PPID,
 * S (the state letter) and UID (the effective one, as SVR4 ps prints), and for CMD the command name, or with
 * {@code -f} the whole {@code cmdline}. A process that is gone between the listing and the read is left out; a zombie
 * shows as {@code <defunct>}, as SVR4 ps shows it. Exit 0, 1 when /proc cannot be read, 2 for a usage error.
 */
public final class Ps implements Program {

    private static final String USAGE = "usage: ps [-ef]\n";
    private static final String HEADING = "  PID  PPID S   UID CMD\n";

    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String summary() {
        return "ps [-ef]: list the processes in /proc (PID, PPID, S, UID, CMD; -f the full command line)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean full = false;
        Getopt g = new Getopt(sys, argv, "ef");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'e' -> {
                    // Every process is always listed, so -e has nothing left to add.
                }
                case 'f' -> full = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (g.operands().length != 0) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }

        List<String> names = Dir.scandir(sys, "/proc");
        if (names == null) {
            Strerror.perror(sys, "ps: /proc");
            return 1;
        }
        Stream out = Stream.stdout(sys);
        out.fputs(HEADING);
        for (String name : names) {
            if (name.isEmpty() || name.charAt(0) < '0' || name.charAt(0) > '9') continue;
            String status = contents(sys, "/proc/" + name + "/status");
            if (status == null) continue;
            String cmd = field(status, "Name");
            String state = field(status, "State");
            char s = state.isEmpty() ? '?' : state.charAt(0);
            if (s == 'Z') {
                cmd = "<defunct>";
            } else if (full) {
                String line = contents(sys, "/proc/" + name + "/cmdline");
                if (line != null && !line.isEmpty()) cmd = commandLine(line);
            }
            out.fputs(String.format("%5s %5s %c %5s %s%n", field(status, "Pid"), field(status, "PPid"), s,
                    nth(field(status, "Uid"), 1), cmd));
        }
        if (out.fflush() == Stdio.EOF) {
            Strerror.perror(sys, "ps: write");
            return 1;
        }
        return 0;
    }

    /** The whole of file {@code path}, or null if it cannot be opened or read (the process has gone). */
    static String contents(Sys sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        if (fd == -1) return null;
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[512];
        int n;
        while ((n = Stdio.read(sys, fd, buf)) > 0) sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        sys.close(fd);
        return n == -1 ? null : sb.toString();
    }

    /** The value of the "Key:\tvalue" line of a status text, or "" when it has none. */
    static String field(String status, String key) {
        String start = key + ":\t";
        int from;
        if (status.startsWith(start)) {
            from = start.length();
        } else {
            int i = status.indexOf("\n" + start);
            if (i < 0) return "";
            from = i + 1 + start.length();
        }
        int end = status.indexOf('\n', from);
        return status.substring(from, end < 0 ? status.length() : end);
    }

    /** Field {@code k} (from 0) of a tab-separated value, or "" when there are fewer. */
    private static String nth(String value, int k) {
        String[] parts = value.split("\t");
        return k < parts.length ? parts[k] : "";
    }

    /** cmdline's arguments, each ended by a null byte, as one line with spaces between. */
    private static String commandLine(String cmdline) {
        String s = cmdline.endsWith("\0") ? cmdline.substring(0, cmdline.length() - 1) : cmdline;
        return s.replace('\0', ' ');
    }
}
