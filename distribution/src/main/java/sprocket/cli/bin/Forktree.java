package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * forktree DEPTH: a binary tree of processes. The root is depth 0; every process above depth DEPTH forks
 * two children, and each prints one line, indented by its depth, as it starts. Every parent waits for both
 * children and checks how they ended; the root then prints how many processes the tree created.
 *
 * <p>A child reports the size of its subtree in its exit status (0 if anything below it failed), so the
 * count travels up the tree through wait(2). An exit status has 8 bits (exit(2): "the low-order eight bits
 * of status"), so a root child's subtree, 2^DEPTH - 1 processes, must stay under 256: DEPTH is at most 8.
 */
public final class Forktree implements Program {

    static final int MAX_DEPTH = 8;

    @Override
    public String name() {
        return "forktree";
    }

    @Override
    public String summary() {
        return "forktree DEPTH: fork a binary tree of processes DEPTH levels below the root; reap every one";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length != 2) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: forktree depth\n");
            return 2;
        }
        long depth = Strtol.number(argv[1], 0, MAX_DEPTH);
        if (depth == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "forktree: " + argv[1] + ": depth must be a number from 0 to " + MAX_DEPTH
                    + "\nusage: forktree depth\n");
            return 2;
        }
        int size = node(sys, 0, (int) depth);
        if (size == 0) {
            Stdio.fputs(sys, STDERR_FILENO, "forktree: the tree is incomplete: a fork or a wait failed\n");
            return 1;
        }
        if (Stdio.fputs(sys, STDOUT_FILENO, "forktree: " + (size - 1)
                + " processes created, all reaped\n") == Stdio.EOF) {
            Strerror.perror(sys, "forktree: write");
            return 1;
        }
        return 0;
    }

    /** Runs one process of the tree; returns the number of processes in its subtree, itself included, or 0 on failure. */
    static int node(Sys sys, int depth, int maxDepth) {
        boolean ok = Stdio.fputs(sys, STDOUT_FILENO, "  ".repeat(depth) + "forktree: depth " + depth + " pid "
                + sys.getpid() + " ppid " + sys.getppid() + "\n") != Stdio.EOF;
        if (!ok) Strerror.perror(sys, "forktree: write");
        if (depth == maxDepth) return ok ? 1 : 0;

        int[] children = new int[2];
        int forked = 0;
        for (int i = 0; i < 2; i++) {
            int pid = sys.fork(child -> node(child, depth + 1, maxDepth));
            if (pid == -1) {
                Strerror.perror(sys, "forktree: fork");
                ok = false;
                break;
            }
            children[forked++] = pid;
        }
        int size = 1;
        int[] status = new int[1];
        for (int i = 0; i < forked; i++) {
            int got;
            do {
                got = sys.waitpid(children[i], status, 0);
            } while (got == -1 && sys.errno() == Errno.EINTR);
            if (got == -1) {
                Strerror.perror(sys, "forktree: waitpid " + children[i]);
                ok = false;
                continue;
            }
            int s = status[0];
            if (Wait.WIFEXITED(s) && Wait.WEXITSTATUS(s) > 0) {
                size += Wait.WEXITSTATUS(s);
            } else {
                ok = false;
                if (Wait.WIFSIGNALED(s)) {
                    Stdio.fputs(sys, STDERR_FILENO, "forktree: pid " + got + " killed by "
                            + Signals.name(Wait.WTERMSIG(s)) + "\n");
                }
            }
        }
        return ok ? size : 0;
    }
}
