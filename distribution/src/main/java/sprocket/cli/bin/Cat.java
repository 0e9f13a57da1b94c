package sprocket.cli.bin;

import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * cat(1): "reads each file in sequence and writes it on the standard output". With no file, or where a file is
 * {@code -}, the standard input is read. {@code -u} asks for unbuffered output, which this cat always gives (each
 * read is written at once); {@code -s} makes cat "silent about non-existent files". Exit 0 when every file was
 * copied, 1 when any could not be, 2 for a usage error.
 */
public final class Cat implements Program {

    private static final String USAGE = "usage: cat [-su] [file...]\n";

    @Override
    public String name() {
        return "cat";
    }

    @Override
    public String summary() {
        return "cat [-su] [FILE...]: concatenate files (standard input for none or -) to standard output";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean silent = false;
        Getopt g = new Getopt(sys, argv, "su");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 's' -> silent = true;
                case 'u' -> {
                    // Output is never buffered here, so -u has nothing left to change.
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] files = g.operands();
        if (files.length == 0) files = new String[] {"-"};

        byte[] buf = new byte[Stdio.BUFSIZ];
        int status = 0;
        for (String file : files) {
            boolean stdin = file.equals("-");
            int fd = stdin ? Fcntl.STDIN_FILENO : sys.open(file, Fcntl.O_RDONLY);
            if (fd == -1) {
                if (!silent) Strerror.perror(sys, "cat: " + file);
                status = 1;
                continue;
            }
            int copied = copy(sys, fd, buf);
            if (copied == -1) {
                Strerror.perror(sys, "cat: " + file);
                status = 1;
            }
            if (!stdin) sys.close(fd);
            if (copied == -2) {
                // The output is gone; going on would only fail again for every file left.
                Strerror.perror(sys, "cat: write");
                return 1;
            }
        }
        return status;
    }

    /** Copies {@code fd} to standard output: 0 at end of file, -1 for a read error, -2 for a write error (errno set). */
    static int copy(Sys sys, int fd, byte[] buf) {
        int n;
        while ((n = Stdio.read(sys, fd, buf)) > 0) {
            if (!Stdio.writeAll(sys, Fcntl.STDOUT_FILENO, buf, 0, n)) return -2;
        }
        return n;
    }
}
