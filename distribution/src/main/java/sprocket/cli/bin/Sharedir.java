package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * sharedir [DIR]: sproc(2)'s PR_SDIR. Three members share the current directory; one chdir(2)s to DIR (/tmp by
 * default) and every member, and the parent, then reports the same getcwd(3C). A fourth member made without PR_SDIR
 * keeps its own.
 */
public final class Sharedir implements Program {

    @Override
    public String name() {
        return "sharedir";
    }

    @Override
    public String summary() {
        return "sharedir [DIR]: a chdir by one share-group member is seen by all that share PR_SDIR";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        String dir = argv.length > 1 ? argv[1] : "/tmp";
        long cell = sys.sbrk(4096);
        int parent = sys.getpid();
        int[] kids = new int[4];
        for (int i = 0; i < 4; i++) {
            int mask = i < 3 ? Prctl.PR_SADDR | Prctl.PR_SDIR : Prctl.PR_SADDR;
            int index = i;
            kids[i] = Sproc.sproc(sys, (s, arg, len) -> {
                if (index == 0) {
                    if (s.chdir(dir) == -1) {
                        Strerror.perror(s, "sharedir: " + dir);
                        s.cpu().store32(arg + 4, 1);
                    }
                    s.cpu().store32(arg, 1);
                    s.unblockprocall(parent);
                } else {
                    s.blockproc(s.getpid());
                }
                Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid()
                        + (index < 3 ? " (PR_SDIR)" : " (own directory)") + ": " + s.getcwd() + "\n");
                return 0;
            }, mask, cell);
            if (kids[i] == -1) {
                Strerror.perror(sys, "sharedir: sproc");
                return 1;
            }
        }
        Reap.all(sys, "sharedir", 4);
        Stdio.fputs(sys, STDOUT_FILENO, "parent " + parent + ": " + sys.getcwd() + "\n");
        return sys.cpu().load32(cell + 4);
    }
}
