package sprocket.cli.bin;

import java.util.BitSet;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strtol;

/**
 * cut(1): "cut out selected fields of each line of a file": {@code -b list} bytes, {@code -c list} characters (a
 * byte each, as in the C locale), {@code -f list} fields separated by tabs or by the {@code -d} character; a line
 * with no separator is written whole unless {@code -s}. A list is numbers and ranges (N, N-M, N-, -M) separated by
 * commas or blanks, counted from 1. Exit 0, 1 when a file could not be read, 2 for a usage error.
 */
public final class Cut implements Program {

    private static final String USAGE = "usage: cut -b list [-n] [file...]\n       cut -c list [file...]\n"
            + "       cut -f list [-d delim] [-s] [file...]\n";

    @Override
    public String name() {
        return "cut";
    }

    @Override
    public String summary() {
        return "cut -b LIST | -c LIST | -f LIST [-d C] [-s] [FILE...]: select bytes, characters or fields of lines";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        char mode = 0;
        String list = null;
        int delimiter = '\t';
        boolean onlyDelimited = false;
        Getopt g = new Getopt(sys, argv, "b:c:f:d:sn");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'b', 'c', 'f' -> {
                    if (mode != 0) return Usage.fail(sys, USAGE);
                    mode = (char) c;
                    list = g.optarg();
                }
                case 'd' -> {
                    byte[] d = Text.bytes(g.optarg());
                    if (d.length != 1) {
                        Text.error(sys, "cut: the delimiter must be a single character");
                        return 2;
                    }
                    delimiter = d[0] & 0xff;
                }
                case 's' -> onlyDelimited = true;
                case 'n' -> {
                    // -n keeps multibyte characters whole; in the C locale every character is one byte already.
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (mode == 0 || (mode != 'f' && (onlyDelimited || delimiter != '\t'))) return Usage.fail(sys, USAGE);
        BitSet selected = new BitSet();
        boolean[] open = {false};
        if (!parse(list, selected, open)) {
            Text.error(sys, "cut: invalid list: " + list);
            return 2;
        }
        String[] files = Text.files(g);
        Stream out = Stream.stdout(sys);
        int status = 0;
        for (String file : files) {
            Stream in = Text.open(sys, "cut", file);
            if (in == null) {
                status = 1;
                continue;
            }
            for (byte[] line; (line = in.getline()) != null;) {
                int len = Text.length(line);
                if (mode == 'f') {
                    fields(out, line, len, selected, open[0], delimiter, onlyDelimited);
                } else {
                    for (int i = 0; i < len; i++) {
                        if (selected.get(i + 1) || (open[0] && i + 1 >= selected.length())) out.fwrite(line, i, 1);
                    }
                    out.fwrite(NEWLINE);
                }
            }
            if (!Text.close(sys, "cut", file, in)) status = 1;
        }
        return Text.finish(sys, "cut", out, status);
    }

    private static final byte[] NEWLINE = {'\n'};

    private static void fields(Stream out, byte[] line, int len, BitSet selected, boolean openEnded, int delimiter,
            boolean onlyDelimited) {
        int field = 1;
        int start = 0;
        boolean any = false;
        boolean delimited = false;
        for (int i = 0; i <= len; i++) {
            if (i < len && (line[i] & 0xff) != delimiter) continue;
            if (i < len) delimited = true;
            if (i == len && !delimited) break;
            if (selected.get(field) || (openEnded && field >= selected.length())) {
                if (any) out.fwrite(new byte[] {(byte) delimiter});
                out.fwrite(line, start, i - start);
                any = true;
            }
            field++;
            start = i + 1;
        }
        if (!delimited) {
            if (onlyDelimited) return;
            out.fwrite(line, 0, len);
        }
        out.fwrite(NEWLINE);
    }

    /**
     * Marks the positions {@code list} names; a range open at the end ("N-") sets {@code open[0]}, meaning every
     * position from its start on (which it also marks). False for a list that is not one.
     */
    static boolean parse(String list, BitSet selected, boolean[] open) {
        int openFrom = Integer.MAX_VALUE;
        for (String part : list.split("[, \t]+", -1)) {
            if (part.isEmpty()) return false;
            int dash = part.indexOf('-');
            long from;
            long to;
            if (dash < 0) {
                from = to = number(part);
            } else {
                from = dash == 0 ? 1 : number(part.substring(0, dash));
                to = dash == part.length() - 1 ? Long.MAX_VALUE : number(part.substring(dash + 1));
            }
            if (from < 1 || to < 1 || from > to) return false;
            if (to == Long.MAX_VALUE) {
                openFrom = (int) Math.min(openFrom, Math.min(from, 1 << 20));
            } else {
                if (to > 1 << 20) return false;
                selected.set((int) from, (int) to + 1);
            }
        }
        if (openFrom != Integer.MAX_VALUE) {
            // Positions from openFrom on: those below the highest marked so far explicitly, the rest by open[0].
            int top = Math.max(selected.length(), openFrom);
            selected.set(openFrom, top + 1);
            open[0] = true;
        }
        return true;
    }

    private static long number(String s) {
        long n = Strtol.number(s, 1, 1 << 20);
        return n == Strtol.BAD_NUMBER ? -1 : n;
    }
}
