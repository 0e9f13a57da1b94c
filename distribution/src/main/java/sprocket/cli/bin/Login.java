package sprocket.cli.bin;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Wait;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Crypt;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Utmp;

/**
 * login(1): "sign on". Asks for a login name (unless given) and the password with echo off, checks it against the
 * crypt(3C) hash in /etc/passwd, and becomes that user in a login shell in its home directory. Three tries, "Login
 * incorrect" after each wrong one; exit 1 then. It must run as root (it is set-user-ID root, as /etc/rc makes it).
 * The session is accounted in utmp (utmp(4)): a USER_PROCESS entry for the terminal, made before the shell starts,
 * which login, staying behind as the shell's parent as Linux's login does, marks DEAD_PROCESS when the shell exits
 * (System V's init does that for the login processes it starts); login then exits with the shell's status.
 */
public final class Login implements Program {
    private static final int TRIES = 3;

    @Override
    public String name() {
        return "login";
    }

    @Override
    public String summary() {
        return "login [NAME]: sign on as a user of /etc/passwd (its password asked) in a login shell";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length > 2) return Usage.fail(sys, "usage: login [name]\n");
        String name = argv.length == 2 ? argv[1] : null;
        for (int i = 0; i < TRIES; i++) {
            if (name == null) {
                Stdio.fputs(sys, Fcntl.STDOUT_FILENO, "login: ");
                name = Logins.line(sys);
                if (name == null) return 1;
            }
            String typed = Logins.getpass(sys, "Password:");
            if (typed == null) return 1;
            Passwd pw = Passwd.getpwnam(sys, name);
            if (pw != null && Crypt.matches(typed, pw.passwd())) {
                if (sys.geteuid() != 0) {
                    Stdio.fputs(sys, Fcntl.STDERR_FILENO, "login: not set-user-ID root\n");
                    return 1;
                }
                return session(sys, pw);
            }
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, "Login incorrect\n");
            name = null;
        }
        return 1;
    }

    /** The signals login ignores while the session runs, so that only the session's own processes get them. */
    private static final int[] IGNORED = {Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTSTP, Signals.SIGHUP};

    /** Runs {@code pw}'s login shell as a child, its session accounted in utmp; returns the shell's status. */
    private static int session(Sys sys, Passwd pw) {
        String line = Who.line(sys);
        if (line == null) line = "?";
        // The entry's id, as Linux's login makes one for a line init does not know: the line's last four characters.
        String id = line.length() > 4 ? line.substring(line.length() - 4) : line;
        int me = sys.getpid();
        if (Utmp.pututline(sys, Utmp.UTMP_FILE, new Utmp(pw.name(), id, line, me, Utmp.USER_PROCESS, 0, 0,
                sys.time())) != 0) {
            Strerror.perror(sys, "login: " + Utmp.UTMP_FILE);
        }
        for (int sig : IGNORED) sys.signal(sig, SignalHandler.IGNORE);
        int child = sys.fork(c -> {
            for (int sig : IGNORED) c.signal(sig, SignalHandler.DEFAULT);
            return Logins.become(c, "login", pw, true, null);
        });
        int[] st = new int[1];
        if (child < 0) {
            Strerror.perror(sys, "login: fork");
            st[0] = 1 << 8;
        } else {
            while (sys.waitpid(child, st, 0) < 0) {
                if (sys.errno() != Errno.EINTR) break;
            }
        }
        // utmp(4): the DEAD_PROCESS entry keeps how the session ended (e_termination the signal, e_exit the status).
        boolean killed = Wait.WIFSIGNALED(st[0]);
        int termination = killed ? Wait.WTERMSIG(st[0]) : 0;
        int exit = killed ? 0 : Wait.WEXITSTATUS(st[0]);
        Utmp.pututline(sys, Utmp.UTMP_FILE, new Utmp(pw.name(), id, line, me, Utmp.DEAD_PROCESS, termination, exit,
                sys.time()));
        int status = killed ? 128 + termination : exit;
        return status;
    }
}
