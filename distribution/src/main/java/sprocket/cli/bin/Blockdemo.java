package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * blockdemo [N]: blockproc(2) and friends. N (3) members block themselves; the parent lets them go one at a time
 * with unblockproc, in reverse order, and each says when it ran; then they block again and one unblockprocall
 * releases all of them together. PR_ISBLOCKED shows who is waiting.
 */
public final class Blockdemo implements Program {

    @Override
    public String name() {
        return "blockdemo";
    }

    @Override
    public String summary() {
        return "blockdemo [N]: share-group members blocked and released with blockproc, unblockproc, unblockprocall";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = argv.length > 1 ? Strtol.number(argv[1], 1, 7) : 3;
        if (n == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: blockdemo [n], n from 1 to 7\n");
            return 2;
        }
        long turn = sys.sbrk(4096);
        int[] kids = new int[(int) n];
        for (int i = 0; i < n; i++) {
            int index = i;
            kids[i] = Sproc.sproc(sys, (s, arg, len) -> {
                s.blockproc(s.getpid());
                Stdio.fputs(s, STDOUT_FILENO, "member " + index + " (pid " + s.getpid() + "): released\n");
                s.cpu().store32(arg, s.cpu().load32(arg) + 1);
                s.blockproc(s.getpid());
                Stdio.fputs(s, STDOUT_FILENO, "member " + index + ": released again, with everyone\n");
                return 0;
            }, Prctl.PR_SALL, turn);
            if (kids[i] == -1) {
                Strerror.perror(sys, "blockdemo: sproc");
                return 1;
            }
        }
        waitBlocked(sys, kids);
        Stdio.fputs(sys, STDOUT_FILENO, "parent: all " + n + " members are blocked\n");
        for (int i = (int) n - 1; i >= 0; i--) {
            int before = sys.cpu().load32(turn);
            sys.unblockproc(kids[i]);
            while (sys.cpu().load32(turn) == before) sys.sched_yield();
        }
        waitBlocked(sys, kids);
        Stdio.fputs(sys, STDOUT_FILENO, "parent: blocked again; unblockprocall\n");
        // The parent is a member as well: releasing all raises its own count, which it takes back at once.
        sys.unblockprocall(sys.getpid());
        sys.setblockproccnt(sys.getpid(), 0);
        return Reap.all(sys, "blockdemo", (int) n) ? 0 : 1;
    }

    private static void waitBlocked(Sys sys, int[] kids) {
        for (int k : kids) {
            while (sys.prctl(Prctl.PR_ISBLOCKED, k) != 1) sys.sched_yield();
        }
    }
}
