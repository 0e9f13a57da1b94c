package sprocket.cli.bin;

import java.util.ArrayDeque;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strtol;

/**
 * tail(1): "copy its input file to the standard output beginning at a designated place": the last 10 lines, the last
 * {@code -n N} lines or {@code -c N} bytes, or from line or byte N on with {@code +N} ({@code -n +N}, and the old
 * {@code -N} and {@code +N}). {@code -f} then follows the file, printing what is appended to it each second of
 * simulated time until the process is killed (not for a pipe, as POSIX says). Several files each get a header, as
 * head's. Exit 0, 1 when a file could not be read, 2 for a usage error.
 */
public final class Tail implements Program {

    private static final String USAGE = "usage: tail [-f] [-n [+]lines | -c [+]bytes] [file...]\n";

    @Override
    public String name() {
        return "tail";
    }

    @Override
    public String summary() {
        return "tail [-f] [-n [+]N | -c [+]N] [FILE...]: the last lines (10) or bytes, or from line N on; -f follows";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        String[] args = argv;
        // The historical tail -5 and tail +5.
        if (args.length > 1 && args[1].length() > 1 && (args[1].charAt(0) == '-' || args[1].charAt(0) == '+')
                && Character.isDigit(args[1].charAt(1))) {
            args = argv.clone();
            args[1] = "-n" + (argv[1].charAt(0) == '+' ? argv[1] : argv[1].substring(1));
        }
        long count = 10;
        boolean fromStart = false;
        boolean bytes = false;
        boolean follow = false;
        Getopt g = new Getopt(sys, args, "fn:c:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'f' -> follow = true;
                case 'n', 'c' -> {
                    bytes = c == 'c';
                    String s = g.optarg();
                    fromStart = s.startsWith("+");
                    count = Strtol.number(s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s, 0, Long.MAX_VALUE);
                    if (count == Strtol.BAD_NUMBER || s.startsWith("+-") || s.startsWith("-+")) {
                        Text.error(sys, "tail: invalid " + (bytes ? "byte" : "line") + " count: " + s);
                        return 2;
                    }
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] files = Text.files(g);
        Stream out = Stream.stdout(sys);
        int status = 0;
        Stream[] followed = new Stream[files.length];
        for (int i = 0; i < files.length; i++) {
            Stream in = Text.open(sys, "tail", files[i]);
            if (in == null) {
                status = 1;
                continue;
            }
            Text.header(out, files, i);
            if (fromStart) {
                skip(in, out, count, bytes);
            } else if (bytes) {
                lastBytes(in, out, count);
            } else {
                lastLines(in, out, count);
            }
            boolean ok = !in.ferror();
            Stat st = sys.fstat(in.fileno());
            if (follow && ok && st != null && st.type() != FileMode.S_IFIFO) {
                followed[i] = in;
            } else if (!Text.close(sys, "tail", files[i], in)) {
                status = 1;
            }
        }
        if (out.fflush() != 0 || !hasAny(followed)) return Text.finish(sys, "tail", out, status);
        return follow(sys, files, followed, out);
    }

    /** From line (or byte) {@code n} on, 1 being the first. */
    private static void skip(Stream in, Stream out, long n, boolean bytes) {
        for (long i = 1; i < n; i++) {
            if (bytes ? in.getc() == -1 : in.getline() == null) return;
        }
        byte[] buf = new byte[8192];
        for (int k; (k = in.fread(buf, 0, buf.length)) > 0;) out.fwrite(buf, 0, k);
    }

    private static void lastLines(Stream in, Stream out, long n) {
        ArrayDeque<byte[]> last = new ArrayDeque<>();
        for (byte[] line; (line = in.getline()) != null;) {
            if (n == 0) continue;
            if (last.size() == n) last.removeFirst();
            last.addLast(line);
        }
        for (byte[] line : last) out.fwrite(line);
    }

    private static void lastBytes(Stream in, Stream out, long n) {
        // A ring of the last n bytes, grown as they come so that a large count costs only what the input has.
        byte[] ring = new byte[(int) Math.min(n, 8192)];
        long total = 0;
        for (int c; (c = in.getc()) != -1; total++) {
            if (n == 0) continue;
            if (total >= ring.length && ring.length < n) ring = java.util.Arrays.copyOf(ring, (int) Math.min(n, 2L * ring.length));
            ring[(int) (total % ring.length)] = (byte) c;
        }
        long keep = Math.min(n, total);
        for (long i = total - keep; i < total; i++) out.fwrite(ring, (int) (i % ring.length), 1);
    }

    private static boolean hasAny(Stream[] streams) {
        for (Stream s : streams) {
            if (s != null) return true;
        }
        return false;
    }

    /** tail -f: what is appended to each file, a second of simulated time apart, until a write fails. */
    private static int follow(Sys sys, String[] files, Stream[] followed, Stream out) {
        byte[] buf = new byte[8192];
        int last = -1;
        while (true) {
            for (int i = 0; i < followed.length; i++) {
                Stream in = followed[i];
                if (in == null) continue;
                in.clearerr();
                int n;
                while ((n = in.fread(buf, 0, buf.length)) > 0) {
                    if (files.length > 1 && last != i) out.fputs("\n==> " + files[i] + " <==\n");
                    last = i;
                    out.fwrite(buf, 0, n);
                }
            }
            if (out.fflush() != 0) return Text.finish(sys, "tail", out, 1);
            sys.sleep(1);
        }
    }
}
