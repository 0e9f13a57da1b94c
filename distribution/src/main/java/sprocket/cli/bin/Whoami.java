package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * whoami(1): "prints the login name corresponding to the current effective user ID", found in /etc/passwd by
 * getpwuid(3C). An id with no entry (or no /etc/passwd) is an error, as in BSD: "whoami: no login associated with
 * uid N", exit 1.
 */
public final class Whoami implements Program {

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String summary() {
        return "whoami: the login name of the effective user id, from /etc/passwd";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        if (argv.length > a) return Usage.fail(sys, "usage: whoami\n");
        int uid = sys.geteuid();
        String name = Id.userName(sys, uid);
        if (name == null) {
            Text.error(sys, "whoami: no login associated with uid " + uid);
            return 1;
        }
        if (Stdio.puts(sys, name) == Stdio.EOF) {
            Strerror.perror(sys, "whoami: write");
            return 1;
        }
        return 0;
    }
}
