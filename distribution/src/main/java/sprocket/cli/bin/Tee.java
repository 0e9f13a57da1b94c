package sprocket.cli.bin;

import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.SignalHandler;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * tee(1): "transcribes the standard input to the standard output and makes copies in the files". Files are
 * created or truncated, or with {@code -a} appended to; {@code -i} ignores interrupts. A file that cannot be
 * opened or written is reported and the copying goes on to the others and the standard output. Exit 0, 1 if any
 * output failed, 2 for a usage error.
 */
public final class Tee implements Program {

    private static final String USAGE = "usage: tee [-ai] [file...]\n";

    @Override
    public String name() {
        return "tee";
    }

    @Override
    public String summary() {
        return "tee [-ai] [FILE...]: copy standard input to standard output and to each file (-a: append)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean append = false;
        boolean ignoreInterrupts = false;
        Getopt g = new Getopt(sys, argv, "ai");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'a' -> append = true;
                case 'i' -> ignoreInterrupts = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        int status = 0;
        if (ignoreInterrupts && sys.signal(Signals.SIGINT, SignalHandler.IGNORE) == null) {
            Strerror.perror(sys, "tee: signal");
            status = 1;
        }
        String[] files = g.operands();
        int[] fds = new int[files.length];
        int flags = Fcntl.O_WRONLY | Fcntl.O_CREAT | (append ? Fcntl.O_APPEND : Fcntl.O_TRUNC);
        for (int i = 0; i < files.length; i++) {
            fds[i] = sys.open(files[i], flags, 0666);
            if (fds[i] == -1) {
                Strerror.perror(sys, "tee: " + files[i]);
                status = 1;
            }
        }

        boolean stdout = true;
        byte[] buf = new byte[Stdio.BUFSIZ];
        int n;
        while ((n = Stdio.read(sys, Fcntl.STDIN_FILENO, buf)) > 0) {
            if (stdout && !Stdio.writeAll(sys, Fcntl.STDOUT_FILENO, buf, 0, n)) {
                Strerror.perror(sys, "tee: standard output");
                stdout = false;
                status = 1;
            }
            for (int i = 0; i < files.length; i++) {
                if (fds[i] == -1 || Stdio.writeAll(sys, fds[i], buf, 0, n)) continue;
                Strerror.perror(sys, "tee: " + files[i]);
                sys.close(fds[i]);
                fds[i] = -1;
                status = 1;
            }
        }
        if (n == -1) {
            Strerror.perror(sys, "tee: read");
            status = 1;
        }
        for (int i = 0; i < files.length; i++) {
            if (fds[i] != -1 && sys.close(fds[i]) == -1) {
                Strerror.perror(sys, "tee: " + files[i]);
                status = 1;
            }
        }
        return status;
    }
}
