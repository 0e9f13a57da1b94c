package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Libgen;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/** dirname(1): "delivers all but the last level of the path name in string", as dirname(3G) computes it. */
public final class Dirname implements Program {

    @Override
    public String name() {
        return "dirname";
    }

    @Override
    public String summary() {
        return "dirname STRING: all of a path name but its last part";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        if (argv.length - a != 1) return Usage.fail(sys, "usage: dirname string\n");
        if (Stdio.puts(sys, Libgen.dirname(argv[a])) == Stdio.EOF) {
            Strerror.perror(sys, "dirname: write");
            return 1;
        }
        return 0;
    }
}
