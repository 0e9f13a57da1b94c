package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Libgen;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * basename(1): "prints string with any prefix ending in / deleted" (trailing slashes first), and the suffix, when
 * given, removed too unless it is all that is left. basename(3G) does the path.
 */
public final class Basename implements Program {

    @Override
    public String name() {
        return "basename";
    }

    @Override
    public String summary() {
        return "basename STRING [SUFFIX]: the last part of a path name, less SUFFIX";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int a = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        int n = argv.length - a;
        if (n < 1 || n > 2) return Usage.fail(sys, "usage: basename string [suffix]\n");
        String base = Libgen.basename(argv[a]);
        if (n == 2) {
            String suffix = argv[a + 1];
            if (base.endsWith(suffix) && !base.equals(suffix) && !base.equals("/")) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        if (Stdio.puts(sys, base) == Stdio.EOF) {
            Strerror.perror(sys, "basename: write");
            return 1;
        }
        return 0;
    }
}
