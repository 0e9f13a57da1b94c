package sprocket.cli.bin;

import java.util.Locale;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * wc(1): "counts lines, words, and characters in the named files, or in the standard input if no names appear. It
 * also keeps a total count for all named files." A word is "a maximal string of characters delimited by spaces,
 * tabs, or new-lines" (and the other white space of isspace(3C)); characters are bytes. {@code -l}, {@code -w} and
 * {@code -c} choose counts, always printed in that order; none means all three. Exit 0, 1 when a file could not be
 * read, 2 for a usage error.
 */
public final class Wc implements Program {

    private static final String USAGE = "usage: wc [-clw] [file...]\n";

    @Override
    public String name() {
        return "wc";
    }

    @Override
    public String summary() {
        return "wc [-lwc] [FILE...]: count lines, words and bytes, with a total for several files";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean lines = false;
        boolean words = false;
        boolean chars = false;
        Getopt g = new Getopt(sys, argv, "lwc");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'l' -> lines = true;
                case 'w' -> words = true;
                case 'c' -> chars = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (!lines && !words && !chars) lines = words = chars = true;
        boolean[] shown = {lines, words, chars};

        Stream out = Stream.stdout(sys);
        byte[] buf = new byte[Stdio.BUFSIZ];
        String[] files = g.operands();
        int status = 0;
        if (files.length == 0) {
            long[] counts = new long[3];
            if (count(sys, Fcntl.STDIN_FILENO, buf, counts)) {
                out.fputs(line(counts, shown, null));
            } else {
                Strerror.perror(sys, "wc: read");
                status = 1;
            }
        }
        long[] total = new long[3];
        for (String file : files) {
            int fd = sys.open(file, Fcntl.O_RDONLY);
            if (fd == -1) {
                Strerror.perror(sys, "wc: " + file);
                status = 1;
                continue;
            }
            long[] counts = new long[3];
            boolean ok = count(sys, fd, buf, counts);
            if (!ok) {
                Strerror.perror(sys, "wc: " + file);
                status = 1;
            }
            sys.close(fd);
            if (!ok) continue;
            out.fputs(line(counts, shown, file));
            for (int i = 0; i < 3; i++) total[i] += counts[i];
        }
        if (files.length > 1) out.fputs(line(total, shown, "total"));
        if (out.fflush() == Stdio.EOF) {
            Strerror.perror(sys, "wc: write");
            return 1;
        }
        return status;
    }

    /** Adds the lines, words and bytes of {@code fd} to {@code counts}; false with errno set on a read error. */
    static boolean count(Sys sys, int fd, byte[] buf, long[] counts) {
        boolean inWord = false;
        int n;
        while ((n = Stdio.read(sys, fd, buf)) > 0) {
            counts[2] += n;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') counts[0]++;
                if (b == ' ' || (b >= '\t' && b <= '\r')) {
                    inWord = false;
                } else if (!inWord) {
                    inWord = true;
                    counts[1]++;
                }
            }
        }
        return n == 0;
    }

    private static String line(long[] counts, boolean[] shown, String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (!shown[i]) continue;
            if (s.length() > 0) s.append(' ');
            s.append(String.format(Locale.ROOT, "%7d", counts[i]));
        }
        if (name != null) s.append(' ').append(name);
        return s.append('\n').toString();
    }
}
