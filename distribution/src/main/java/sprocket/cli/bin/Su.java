package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Crypt;
import sprocket.libc.Passwd;
import sprocket.libc.Stdio;

/**
 * su(1M): "become super-user or another user". {@code su [-] [NAME [-c COMMAND]]}: NAME (root by default) after its
 * password, unless the real user is root; {@code -} makes it a login shell in NAME's home directory. A wrong password
 * is "su: Sorry" and exit 1; an unknown user "su: Unknown id: NAME". It works for ordinary users because /etc/rc makes
 * it set-user-ID root.
 */
public final class Su implements Program {

    @Override
    public String name() {
        return "su";
    }

    @Override
    public String summary() {
        return "su [-] [NAME [-c COMMAND]]: become root or NAME (its password asked unless you are root)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = 1;
        boolean login = false;
        if (a < argv.length && argv[a].equals("-")) {
            login = true;
            a++;
        }
        String name = "root";
        if (a < argv.length && !argv[a].equals("-c")) name = argv[a++];
        String command = null;
        if (a < argv.length && argv[a].equals("-c")) {
            if (a + 1 >= argv.length) return Usage.fail(sys, "usage: su [-] [name [-c command]]\n");
            command = argv[a + 1];
            a += 2;
        }
        if (a != argv.length) return Usage.fail(sys, "usage: su [-] [name [-c command]]\n");
        Passwd pw = Passwd.getpwnam(sys, name);
        if (pw == null) {
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, "su: Unknown id: " + name + "\n");
            return 1;
        }
        if (sys.getuid() != 0) {
            String typed = Logins.getpass(sys, "Password:");
            if (typed == null || !Crypt.matches(typed, pw.passwd())) {
                Stdio.fputs(sys, Fcntl.STDERR_FILENO, "su: Sorry\n");
                return 1;
            }
        }
        if (sys.geteuid() != 0) {
            Stdio.fputs(sys, Fcntl.STDERR_FILENO, "su: not set-user-ID root\n");
            return 1;
        }
        return Logins.become(sys, "su", pw, login, command);
    }
}
