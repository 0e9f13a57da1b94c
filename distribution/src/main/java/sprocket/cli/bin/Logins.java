package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Termios;
import sprocket.libc.Group;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;

/** What login and su share: reading a password without echo, and becoming a user of /etc/passwd. */
final class Logins {

    private Logins() {
    }

    /**
     * Writes {@code prompt} and reads a line from the terminal on standard input with echo off (getpass(3C)), echo
     * restored after; null at end of file.
     */
    static String getpass(Sys sys, String prompt) {
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, prompt);
        Termios[] saved = new Termios[1];
        boolean tty = sys.tcgetattr(Fcntl.STDIN_FILENO, saved) == 0;
        if (tty) {
            Termios t = saved[0];
            sys.tcsetattr(Fcntl.STDIN_FILENO, Termios.TCSAFLUSH, t.withLflag(t.lflag() & ~Termios.ECHO));
        }
        String line = line(sys);
        if (tty) {
            sys.tcsetattr(Fcntl.STDIN_FILENO, Termios.TCSANOW, saved[0]);
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, "\n");
        }
        return line;
    }

    /** A line of standard input, read a byte at a time so nothing after it is taken; null at end of file. */
    static String line(Sys sys) {
        StringBuilder b = new StringBuilder();
        byte[] c = new byte[1];
        while (true) {
            int n = sys.read(Fcntl.STDIN_FILENO, c, 0, 1);
            if (n <= 0) return b.length() == 0 ? null : b.toString();
            if (c[0] == '\n') return b.toString();
            b.append((char) (c[0] & 0xff));
        }
    }

    /**
     * Becomes {@code pw}'s user (its groups by initgroups(3C) from /etc/group, then the group, then the user id, so the
     * groups and the group can still be set) and runs its shell as a login
     * shell ({@code -sh}) in its home directory with its environment, or with {@code -c command}; returns only on
     * failure, with the status to exit with.
     */
    static int become(Sys sys, String prog, Passwd pw, boolean login, String command) {
        if (Group.initgroups(sys, pw.name(), pw.gid()) != 0 || sys.setgid(pw.gid()) != 0
                || sys.setuid(pw.uid()) != 0) {
            sprocket.libc.Strerror.perror(sys, prog + ": cannot set user");
            return 1;
        }
        String shell = pw.shell() == null || pw.shell().isEmpty() ? "/bin/sh" : pw.shell();
        String home = pw.dir() == null || pw.dir().isEmpty() ? "/" : pw.dir();
        if (login && sys.chdir(home) != 0) {
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, prog + ": no directory " + home + ", logging in with /\n");
            sys.chdir("/");
        }
        String base = shell.substring(shell.lastIndexOf('/') + 1);
        String[] argv = command != null ? new String[] {login ? "-" + base : base, "-c", command}
                : new String[] {login ? "-" + base : base};
        String[] env = {"HOME=" + home, "USER=" + pw.name(), "LOGNAME=" + pw.name(), "SHELL=" + shell,
            "PATH=/bin"};
        sys.execve(shell, argv, env);
        sprocket.libc.Strerror.perror(sys, prog + ": " + shell);
        return 127;
    }
}
