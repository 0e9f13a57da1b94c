package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * grep(1) for a fixed string (as fgrep(1) takes it): "searches files for a pattern and prints all lines that
 * contain that pattern", the standard input when no file is named, each line prefixed with its file's name when
 * there are several. {@code -v} all lines but those matching; {@code -c} only a count of matching lines;
 * {@code -n} each line preceded by its line number; {@code -l} only the names of files with matching lines;
 * {@code -i} ignores the case of ASCII letters; {@code -h} no file names; {@code -s} no messages about
 * nonexistent or unreadable files. "Exit status is 0 if any matches are found, 1 if none, 2 for syntax errors or
 * inaccessible files (even if matches were found)."
 */
public final class Grep implements Program {

    private static final String USAGE = "usage: grep [-chilnsv] string [file...]\n";

    @Override
    public String name() {
        return "grep";
    }

    @Override
    public String summary() {
        return "grep [-chilnsv] STRING [FILE...]: print the lines holding a fixed string";
    }

    /** The options, and the outcome so far. */
    private static final class Search {
        boolean count;
        boolean noNames;
        boolean ignoreCase;
        boolean namesOnly;
        boolean numbers;
        boolean silent;
        boolean invert;
        byte[] pattern;
        boolean prefix;
        boolean matched;
        Stream out;
        /** The line being gathered, which may span reads. */
        byte[] line = new byte[256];
        int length;
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Search s = new Search();
        Getopt g = new Getopt(sys, argv, "chilnsv");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'c' -> s.count = true;
                case 'h' -> s.noNames = true;
                case 'i' -> s.ignoreCase = true;
                case 'l' -> s.namesOnly = true;
                case 'n' -> s.numbers = true;
                case 's' -> s.silent = true;
                case 'v' -> s.invert = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length == 0) {
            Stdio.fputs(sys, STDERR_FILENO, USAGE);
            return 2;
        }
        s.pattern = ops[0].getBytes(StandardCharsets.UTF_8);
        if (s.ignoreCase) fold(s.pattern, s.pattern.length);
        s.prefix = ops.length > 2 && !s.noNames;
        s.out = Stream.stdout(sys);

        boolean error = false;
        byte[] buf = new byte[Stdio.BUFSIZ];
        if (ops.length == 1) {
            if (!search(sys, s, Fcntl.STDIN_FILENO, "(standard input)", buf)) {
                if (!s.silent) Strerror.perror(sys, "grep: read");
                error = true;
            }
        }
        for (int i = 1; i < ops.length; i++) {
            int fd = sys.open(ops[i], Fcntl.O_RDONLY);
            if (fd == -1) {
                if (!s.silent) Strerror.perror(sys, "grep: " + ops[i]);
                error = true;
                continue;
            }
            if (!search(sys, s, fd, ops[i], buf)) {
                if (!s.silent) Strerror.perror(sys, "grep: " + ops[i]);
                error = true;
            }
            sys.close(fd);
        }
        if (s.out.fflush() == Stdio.EOF) {
            Strerror.perror(sys, "grep: write");
            return 2;
        }
        return error ? 2 : s.matched ? 0 : 1;
    }

    /** Searches one file line by line; false with errno set on a read error. */
    private static boolean search(Sys sys, Search s, int fd, String name, byte[] buf) {
        long lineNo = 0;
        long hits = 0;
        s.length = 0;
        int n;
        read:
        while ((n = Stdio.read(sys, fd, buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    if (s.length == s.line.length) s.line = Arrays.copyOf(s.line, s.line.length * 2);
                    s.line[s.length++] = buf[i];
                    continue;
                }
                if (line(s, name, ++lineNo)) hits++;
                s.length = 0;
                // -l needs only the first matching line of a file.
                if (s.namesOnly && hits > 0) break read;
            }
        }
        if (n == -1) return false;
        // A last line without its newline is still a line.
        if (s.length > 0 && !(s.namesOnly && hits > 0) && line(s, name, ++lineNo)) hits++;
        if (hits > 0) s.matched = true;
        if (s.namesOnly) {
            if (hits > 0) s.out.fputs(name + "\n");
        } else if (s.count) {
            s.out.fputs((s.prefix ? name + ":" : "") + hits + "\n");
        }
        return true;
    }

    /** Looks at the gathered line; true if it is selected, which (without -c or -l) prints it. */
    private static boolean line(Search s, String name, long lineNo) {
        if (contains(s.line, s.length, s.pattern, s.ignoreCase) == s.invert) return false;
        if (!s.count && !s.namesOnly) {
            if (s.prefix) s.out.fputs(name + ":");
            if (s.numbers) s.out.fputs(lineNo + ":");
            s.out.fwrite(s.line, 0, s.length);
            s.out.fputs("\n");
        }
        return true;
    }

    /** Whether {@code line[0..len)} holds {@code pattern} (already folded when {@code ignoreCase}). */
    static boolean contains(byte[] line, int len, byte[] pattern, boolean ignoreCase) {
        int m = pattern.length;
        for (int at = 0; at + m <= len; at++) {
            int k = 0;
            while (k < m && (ignoreCase ? lower(line[at + k]) : line[at + k]) == pattern[k]) k++;
            if (k == m) return true;
        }
        return false;
    }

    private static void fold(byte[] b, int len) {
        for (int i = 0; i < len; i++) b[i] = lower(b[i]);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
