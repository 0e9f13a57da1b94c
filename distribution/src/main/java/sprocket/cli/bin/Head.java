package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strtol;

/**
 * head(1): "copy its input files to the standard output, ending the output for each file at a designated point": the
 * first 10 lines, {@code -n N} lines (or the old {@code -N}), {@code -c N} bytes. Several files each get a header
 * "==> file <==", with a blank line between them. Exit 0, 1 when a file could not be read, 2 for a usage error.
 */
public final class Head implements Program {

    private static final String USAGE = "usage: head [-n lines | -c bytes] [file...]\n";

    @Override
    public String name() {
        return "head";
    }

    @Override
    public String summary() {
        return "head [-n N | -c N] [FILE...]: the first lines (10) or bytes of each file";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        String[] args = argv;
        // The historical head -5: a count as the first option.
        if (args.length > 1 && args[1].length() > 1 && args[1].charAt(0) == '-' && Character.isDigit(args[1].charAt(1))) {
            args = argv.clone();
            args[1] = "-n" + args[1].substring(1);
        }
        long count = 10;
        boolean bytes = false;
        Getopt g = new Getopt(sys, args, "n:c:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'n', 'c' -> {
                    bytes = c == 'c';
                    count = Strtol.number(g.optarg(), 0, Long.MAX_VALUE);
                    if (count == Strtol.BAD_NUMBER) {
                        Text.error(sys, "head: invalid " + (bytes ? "byte" : "line") + " count: " + g.optarg());
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
        for (int i = 0; i < files.length; i++) {
            Stream in = Text.open(sys, "head", files[i]);
            if (in == null) {
                status = 1;
                continue;
            }
            Text.header(out, files, i);
            if (bytes) {
                byte[] buf = new byte[8192];
                for (long left = count; left > 0;) {
                    int n = in.fread(buf, 0, (int) Math.min(buf.length, left));
                    if (n == 0) break;
                    out.fwrite(buf, 0, n);
                    left -= n;
                }
            } else {
                byte[] line;
                for (long left = count; left > 0 && (line = in.getline()) != null; left--) out.fwrite(line);
            }
            if (!Text.close(sys, "head", files[i], in)) status = 1;
            if (out.ferror()) break;
        }
        return Text.finish(sys, "head", out, status);
    }
}
