package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Crypt;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;

/**
 * login(1): "sign on". Asks for a login name (unless given) and the password with echo off, checks it against the
 * crypt(3C) hash in /etc/passwd, and becomes that user in a login shell in its home directory. Three tries, "Login
 * incorrect" after each wrong one; exit 1 then. It must run as root (it is set-user-ID root, as /etc/rc makes it).
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
                return Logins.become(sys, "login", pw, true, null);
            }
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, "Login incorrect\n");
            name = null;
        }
        return 1;
    }
}
