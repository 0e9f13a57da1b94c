package sprocket.cli.bin;

import java.io.ByteArrayOutputStream;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stdio;
import sprocket.libc.Stream;

/**
 * tr(1): "copies the standard input to the standard output with substitution or deletion of selected characters".
 * Each byte of string1 becomes the byte at the same place in string2 (its last byte repeated if it is shorter);
 * {@code -d} deletes the bytes of string1, {@code -s} squeezes runs of one byte of the last string into one, {@code
 * -c} takes the complement of string1 (every byte not in it, in order). Strings know ranges ({@code a-z}), classes
 * ({@code [:alpha:]} and the other ctype classes), equivalence classes ({@code [=c=]}), repeats ({@code [c*n]},
 * {@code [c*]} in string2), and the escapes \\ \a \b \f \n \r \t \v and \octal. Exit 0, 1 for a bad string, 2 for
 * a usage error.
 */
public final class Tr implements Program {

    private static final String USAGE = "usage: tr [-cs] string1 string2\n       tr -s [-c] string1\n"
            + "       tr -d [-c] string1\n       tr -ds [-c] string1 string2\n";

    @Override
    public String name() {
        return "tr";
    }

    @Override
    public String summary() {
        return "tr [-cds] STRING1 [STRING2]: translate, delete or squeeze characters from standard input";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean complement = false;
        boolean delete = false;
        boolean squeeze = false;
        Getopt g = new Getopt(sys, argv, "cCds");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'c', 'C' -> complement = true;
                case 'd' -> delete = true;
                case 's' -> squeeze = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = g.operands();
        int wanted = delete ? (squeeze ? 2 : 1) : (squeeze ? -1 : 2);
        if (wanted == -1 ? ops.length < 1 || ops.length > 2 : ops.length != wanted) return Usage.fail(sys, USAGE);
        byte[] set1;
        byte[] set2;
        try {
            set1 = TrString.expand(Text.bytes(ops[0]), -1);
            if (complement) set1 = complement(set1);
            set2 = ops.length > 1 ? TrString.expand(Text.bytes(ops[1]), delete ? -1 : set1.length) : new byte[0];
        } catch (IllegalArgumentException e) {
            Text.error(sys, "tr: " + e.getMessage());
            return 1;
        }
        int[] map = new int[256];
        for (int i = 0; i < 256; i++) map[i] = i;
        boolean[] deleted = new boolean[256];
        boolean[] squeezed = new boolean[256];
        if (delete) {
            for (byte b : set1) deleted[b & 0xff] = true;
            for (byte b : set2) squeezed[b & 0xff] = true;
        } else if (set2.length > 0) {
            for (int i = 0; i < set1.length; i++) map[set1[i] & 0xff] = set2[Math.min(i, set2.length - 1)] & 0xff;
            for (byte b : set2) squeezed[b & 0xff] = true;
        } else {
            for (byte b : set1) squeezed[b & 0xff] = true;
        }
        if (!squeeze) squeezed = new boolean[256];

        Stream in = Stream.stdin(sys);
        Stream out = Stream.stdout(sys);
        int last = -1;
        byte[] one = new byte[1];
        for (int c; (c = in.getc()) != Stdio.EOF;) {
            if (deleted[c]) continue;
            int t = map[c];
            if (squeezed[t] && t == last) continue;
            last = t;
            one[0] = (byte) t;
            out.fwrite(one);
        }
        int status = Text.close(sys, "tr", "-", in) ? 0 : 1;
        return Text.finish(sys, "tr", out, status);
    }

    /** -c: every byte not in {@code set}, in ascending order. */
    private static byte[] complement(byte[] set) {
        boolean[] in = new boolean[256];
        for (byte b : set) in[b & 0xff] = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) {
            if (!in[i]) out.write(i);
        }
        return out.toByteArray();
    }
}
