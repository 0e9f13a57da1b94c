package sprocket.cli.bin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * sort(1): "sort, merge, or sequence check text files", the lines of all the files (or the standard input) written
 * in order. Comparison is by bytes, as in the C locale, unless {@code -n} (numeric: blanks, a sign, digits and a
 * point), {@code -f} (fold lower case to upper), {@code -d} (dictionary: blanks and alphanumerics only), {@code -i}
 * (printable characters only), {@code -b} (leading blanks ignored) or {@code -r} (reversed) say otherwise; {@code -k
 * start[,end]} keys (field.char, with those letters of their own) and {@code -t c} fields. Lines that compare equal
 * are ordered by their bytes, unless {@code -u} keeps only the first of them or {@code -s} keeps input order.
 * {@code -c} checks the order instead ("sort: file: disorder: line", exit 1), {@code -m} merges files already
 * sorted, {@code -o file} writes there (which may be an input). Exit 0, 1 for disorder under -c, 2 for an error.
 */
public final class Sort implements Program {

    private static final String USAGE = "usage: sort [-cmu] [-o output] [-bdfinrs] [-t char] [-k keydef]... [file...]\n";

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String summary() {
        return "sort [-bcdfimnrsu] [-k KEY] [-t C] [-o FILE] [FILE...]: sort lines (bytes, numbers, keys)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        SortKey global = new SortKey();
        List<String> keys = new ArrayList<>();
        boolean check = false;
        boolean unique = false;
        boolean stable = false;
        String output = null;
        int separator = -1;
        Getopt g = new Getopt(sys, argv, "bcdfik:mno:rst:u");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'b', 'd', 'f', 'i', 'n', 'r' -> global.flag((char) c);
                case 'c' -> check = true;
                case 'm' -> {
                    // Merging sorted inputs gives what sorting them all gives; the lines are in memory either way.
                }
                case 'k' -> keys.add(g.optarg());
                case 'o' -> output = g.optarg();
                case 's' -> stable = true;
                case 't' -> {
                    byte[] t = Text.bytes(g.optarg());
                    if (t.length != 1) {
                        Text.error(sys, "sort: a field separator is one character: " + g.optarg());
                        return 2;
                    }
                    separator = t[0] & 0xff;
                }
                case 'u' -> unique = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        List<SortKey> parsed = new ArrayList<>();
        for (String k : keys) {
            SortKey key = SortKey.parse(k, global, separator);
            if (key == null) {
                Text.error(sys, "sort: invalid key: " + k);
                return 2;
            }
            parsed.add(key);
        }
        if (parsed.isEmpty()) parsed.add(global.whole(separator));
        Comparator<byte[]> byKeys = (a, b) -> {
            for (SortKey k : parsed) {
                int r = k.compare(a, b);
                if (r != 0) return r;
            }
            return 0;
        };
        // POSIX: lines that compare equal are ordered "as if none of the options -d, -f, -i, -n, or -k were present".
        Comparator<byte[]> order = unique || stable ? byKeys : byKeys.thenComparing(
                global.reverse ? (a, b) -> SortKey.bytes(b, a) : SortKey::bytes);

        String[] files = Text.files(g);
        if (check && files.length > 1) return Usage.fail(sys, USAGE);
        List<byte[]> lines = new ArrayList<>();
        for (String file : files) {
            Stream in = Text.open(sys, "sort", file);
            if (in == null) return 2;
            for (byte[] line; (line = in.getline()) != null;) lines.add(line);
            if (!Text.close(sys, "sort", file, in)) return 2;
        }
        if (check) return check(sys, files[0], lines, order, unique);
        lines.sort(order);
        Stream out;
        if (output == null) {
            out = Stream.stdout(sys);
        } else if ((out = Stream.fopen(sys, output, "w")) == null) {
            Strerror.perror(sys, "sort: " + output);
            return 2;
        }
        byte[] previous = null;
        for (byte[] line : lines) {
            if (unique && previous != null && byKeys.compare(previous, line) == 0) continue;
            previous = line;
            out.fwrite(line, 0, Text.length(line));
            out.fwrite(NEWLINE);
        }
        int status = Text.finish(sys, "sort", out, 0) == 0 ? 0 : 2;
        if (output != null) out.fclose();
        return status;
    }

    private static final byte[] NEWLINE = {'\n'};

    /** sort -c: the first line out of order (or repeated, with -u) is reported; 1 then, 0 if none is. */
    private static int check(Sys sys, String file, List<byte[]> lines, Comparator<byte[]> order, boolean unique) {
        for (int i = 1; i < lines.size(); i++) {
            int r = order.compare(lines.get(i - 1), lines.get(i));
            if (r > 0 || (unique && r == 0)) {
                byte[] line = lines.get(i);
                Text.error(sys, "sort: " + (file.equals("-") ? "-" : file) + ":" + (i + 1) + ": disorder: "
                        + Text.chars(line, 0, Text.length(line)));
                return 1;
            }
        }
        return 0;
    }
}
