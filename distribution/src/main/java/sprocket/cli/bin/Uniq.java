package sprocket.cli.bin;

import java.util.Arrays;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * uniq(1): "reads the input file comparing adjacent lines. In the normal case, the second and succeeding copies of
 * repeated lines are removed". {@code -c} precedes each line by its count, {@code -d} writes only repeated lines,
 * {@code -u} only lines not repeated; {@code -f N} ignores the first N fields (blanks, then non-blanks) and {@code -s
 * N} then N characters in comparing; {@code -i} ignores case. Input and output are the operands, or standard input
 * and output. Exit 0, 1 when a file could not be opened or read, 2 for a usage error.
 */
public final class Uniq implements Program {

    private static final String USAGE = "usage: uniq [-c | -d | -u] [-i] [-f fields] [-s chars] [input [output]]\n";

    private boolean count;
    private boolean repeated;
    private boolean single;
    private boolean ignoreCase;
    private long fields;
    private long chars;

    @Override
    public String name() {
        return "uniq";
    }

    @Override
    public String summary() {
        return "uniq [-c|-d|-u] [-i] [-f N] [-s N] [IN [OUT]]: drop (or count) repeated adjacent lines";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Uniq u = new Uniq();
        Getopt g = new Getopt(sys, argv, "cdif:s:u");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'c' -> u.count = true;
                case 'd' -> u.repeated = true;
                case 'u' -> u.single = true;
                case 'i' -> u.ignoreCase = true;
                case 'f', 's' -> {
                    long n = Strtol.number(g.optarg(), 0, Long.MAX_VALUE);
                    if (n == Strtol.BAD_NUMBER) {
                        Text.error(sys, "uniq: invalid number: " + g.optarg());
                        return 2;
                    }
                    if (c == 'f') {
                        u.fields = n;
                    } else {
                        u.chars = n;
                    }
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length > 2 || (u.count && (u.repeated || u.single))) return Usage.fail(sys, USAGE);
        String input = ops.length > 0 ? ops[0] : "-";
        Stream in = Text.open(sys, "uniq", input);
        if (in == null) return 1;
        Stream out;
        if (ops.length < 2 || ops[1].equals("-")) {
            out = Stream.stdout(sys);
        } else if ((out = Stream.fopen(sys, ops[1], "w")) == null) {
            Strerror.perror(sys, "uniq: " + ops[1]);
            return 1;
        }
        byte[] previous = null;
        long n = 0;
        for (byte[] line; (line = in.getline()) != null;) {
            if (previous != null && u.same(previous, line)) {
                n++;
                continue;
            }
            if (previous != null) u.write(out, previous, n);
            previous = line;
            n = 1;
        }
        if (previous != null) u.write(out, previous, n);
        int status = Text.close(sys, "uniq", input, in) ? 0 : 1;
        status = Text.finish(sys, "uniq", out, status);
        if (ops.length == 2 && !ops[1].equals("-")) out.fclose();
        return status;
    }

    private void write(Stream out, byte[] line, long n) {
        if ((repeated && n < 2) || (single && n > 1)) return;
        if (count) out.printf("%4d ", n);
        out.fwrite(line, 0, Text.length(line));
        out.fwrite(new byte[] {'\n'});
    }

    /** Whether two lines compare equal, fields and characters skipped. */
    private boolean same(byte[] a, byte[] b) {
        int i = skip(a);
        int j = skip(b);
        int la = Text.length(a);
        int lb = Text.length(b);
        if (la - i != lb - j) return false;
        if (!ignoreCase) return Arrays.equals(a, i, la, b, j, lb);
        for (; i < la; i++, j++) {
            if (lower(a[i]) != lower(b[j])) return false;
        }
        return true;
    }

    /** tolower(3C) in the C locale. */
    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private int skip(byte[] line) {
        int len = Text.length(line);
        int p = 0;
        for (long f = 0; f < fields && p < len; f++) {
            while (p < len && (line[p] == ' ' || line[p] == '\t')) p++;
            while (p < len && line[p] != ' ' && line[p] != '\t') p++;
        }
        return (int) Math.min(len, p + chars);
    }
}
