package sprocket.cli;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;

/**
 * Just enough of sh(1) for the end-to-end tests: each argument is one command line, words separated by blanks,
 * with {@code < file}, {@code > file} and {@code >> file}; each runs in a child that execs /bin/word, and the
 * shell waits for it, printing {@code [exit N]} after one that did not exit 0. Exits with the last status.
 */
final class Sh implements Program {

    @Override
    public String name() {
        return "sh";
    }

    @Override
    public String summary() {
        return "sh LINE...: run each line as a command with < > >> redirections (test only)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        int last = 0;
        for (int i = 1; i < argv.length; i++) {
            String[] words = argv[i].trim().split(" +");
            int pid = sys.fork(child -> exec(child, words));
            int[] status = new int[1];
            if (pid == -1 || sys.waitpid(pid, status, 0) != pid) {
                Stdio.puts(sys, "sh: fork or wait failed: errno " + sys.errno());
                return 126;
            }
            last = Wait.WIFEXITED(status[0]) ? Wait.WEXITSTATUS(status[0]) : 128 + Wait.WTERMSIG(status[0]);
            if (last != 0) Stdio.puts(sys, "[exit " + last + "]");
        }
        return last;
    }

    private static int exec(Sys sys, String[] words) {
        String[] argv = new String[words.length];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            int fd = switch (words[w]) {
                case "<" -> redirect(sys, words[++w], Fcntl.O_RDONLY, Fcntl.STDIN_FILENO);
                case ">" -> redirect(sys, words[++w], Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, Fcntl.STDOUT_FILENO);
                case ">>" -> redirect(sys, words[++w], Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND,
                        Fcntl.STDOUT_FILENO);
                default -> {
                    argv[n++] = words[w];
                    yield 0;
                }
            };
            if (fd == -1) return 1;
        }
        String[] args = java.util.Arrays.copyOf(argv, n);
        sys.execv("/bin/" + args[0], args);
        Stdio.fputs(sys, STDERR_FILENO, "sh: " + args[0] + ": not found\n");
        return 127;
    }

    private static int redirect(Sys sys, String path, int flags, int to) {
        int fd = sys.open(path, flags, 0666);
        if (fd == -1) {
            Stdio.fputs(sys, STDERR_FILENO, "sh: " + path + ": cannot open\n");
            return -1;
        }
        if (sys.dup2(fd, to) == -1) return -1;
        sys.close(fd);
        return 0;
    }
}
