package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Signals;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.Sys;
import sprocket.libc.Sproc;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * exitsig [N]: prctl(2) PR_SETEXITSIG. The parent makes N (3) members that wait for SIGUSR1, sets the group's exit
 * signal to SIGUSR1, and makes one more member that exits at once: "all remaining members of the share group will be
 * signaled". Each waiter says it heard, and exits.
 */
public final class Exitsig implements Program {

    @Override
    public String name() {
        return "exitsig";
    }

    @Override
    public String summary() {
        return "exitsig [N]: a share-group member exits and, with PR_SETEXITSIG, every other member is signalled";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = argv.length > 1 ? Strtol.number(argv[1], 1, 7) : 3;
        if (n == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: exitsig [n], n from 1 to 7\n");
            return 2;
        }
        long ready = sys.sbrk(4096);
        int[] heard = new int[1];
        // The parent is a member too: it hears the signal like the others.
        sys.sigaction(Signals.SIGUSR1, Sigaction.of((s, sig) -> heard[0]++), null);
        for (int i = 0; i < n; i++) {
            int pid = Sproc.sproc(sys, (s, arg, len) -> {
                int[] got = new int[1];
                s.sigaction(Signals.SIGUSR1, Sigaction.of((h, sig) -> got[0] = sig), null);
                s.cpu().store32(arg, s.cpu().load32(arg) + 1);
                while (got[0] == 0) s.pause();
                Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid() + ": got " + Signals.name(got[0]) + "\n");
                return 0;
            }, Prctl.PR_SALL, ready + 4L * i);
            if (pid == -1) {
                Strerror.perror(sys, "exitsig: sproc");
                return 1;
            }
        }
        for (int i = 0; i < n; i++) {
            while (sys.cpu().load32(ready + 4L * i) == 0) sys.sched_yield();
        }
        if (sys.prctl(Prctl.PR_SETEXITSIG, Signals.SIGUSR1) == -1) {
            Strerror.perror(sys, "exitsig: prctl");
            return 1;
        }
        int quitter = Sproc.sproc(sys, (s, arg, len) -> {
            Stdio.fputs(s, STDOUT_FILENO, "member " + s.getpid() + ": exiting\n");
            return 0;
        }, Prctl.PR_SALL, 0);
        if (quitter == -1) {
            Strerror.perror(sys, "exitsig: sproc");
            return 1;
        }
        boolean ok = Reap.all(sys, "exitsig", (int) n + 1);
        Stdio.fputs(sys, STDOUT_FILENO, "parent " + sys.getpid() + ": heard the exit signal "
                + (heard[0] > 0 ? "too" : "not at all") + "\n");
        return ok && heard[0] > 0 ? 0 : 1;
    }
}
