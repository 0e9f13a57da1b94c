package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * tty(1): "return user's terminal name": the path of the terminal on standard input (ttyname(3C)), or "not a tty"
 * when it is not one; {@code -s} prints nothing and only sets the status. Exit 0 for a terminal, 1 for none, 2 for a
 * usage error.
 */
public final class Tty implements Program {

    @Override
    public String name() {
        return "tty";
    }

    @Override
    public String summary() {
        return "tty [-s]: the terminal on standard input, or \"not a tty\"";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean silent = argv.length > 1 && argv[1].equals("-s");
        if (argv.length > (silent ? 2 : 1)) return Usage.fail(sys, "usage: tty [-s]\n");
        String name = sprocket.libc.Tty.ttyname(sys, Fcntl.STDIN_FILENO);
        if (silent) return name == null ? 1 : 0;
        if (Stdio.puts(sys, name == null ? "not a tty" : name) == Stdio.EOF) {
            Strerror.perror(sys, "tty: write");
            return 2;
        }
        return name == null ? 1 : 0;
    }
}
