package sprocket.cli.bin;

import java.math.BigDecimal;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Printf;
import sprocket.libc.Stream;

/**
 * seq(1): "prints a sequence of numbers, one per line", from FIRST (1) by INCREMENT (1) to LAST. Numbers are
 * decimal, with fractions: the output shows as many decimals as the operands do, and steps are exact (decimal
 * arithmetic, so 0.1 steps do not drift). {@code -s STRING} separates them instead of a newline, {@code -w} pads
 * them to one width with leading zeros, {@code -f FORMAT} prints each with a printf(3S) floating conversion
 * ({@code %g}, {@code %f}, {@code %e}). Exit 0, 1 for a bad number or format, or a write error.
 */
public final class Seq implements Program {

    private static final java.util.regex.Pattern CONVERSION =
            java.util.regex.Pattern.compile("%([-+ #0]*)([0-9]{0,4})(\\.[0-9]{0,4})?([eEfFgG])");
    private static final int MAX_SCALE = 1000;
    private static final String USAGE = "usage: seq [-w] [-f format] [-s string] [first [incr]] last\n";

    @Override
    public String name() {
        return "seq";
    }

    @Override
    public String summary() {
        return "seq [-w] [-f FMT] [-s SEP] [FIRST [INCR]] LAST: print a sequence of numbers";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        argv = numbersEndOptions(argv);
        boolean equalWidth = false;
        String separator = "\n";
        String format = null;
        Getopt g = new Getopt(sys, argv, "wf:s:");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'w' -> equalWidth = true;
                case 's' -> separator = g.optarg();
                case 'f' -> format = g.optarg();
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        String[] ops = java.util.Arrays.copyOfRange(argv, g.optind(), argv.length);
        if (ops.length < 1 || ops.length > 3) return Usage.fail(sys, USAGE);
        BigDecimal[] n = new BigDecimal[3];
        String[] given = ops.length == 1 ? new String[] {"1", "1", ops[0]}
                : ops.length == 2 ? new String[] {ops[0], "1", ops[1]} : ops;
        for (int i = 0; i < 3; i++) {
            try {
                n[i] = new BigDecimal(given[i].strip());
                // A number of a thousand digits or more would be written out in full: not one seq can count with.
                if (Math.abs(n[i].scale()) > MAX_SCALE || n[i].precision() > MAX_SCALE) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                Text.error(sys, "seq: invalid number: " + given[i]);
                return 1;
            }
        }
        if (n[1].signum() == 0) {
            Text.error(sys, "seq: increment must not be zero");
            return 1;
        }
        if (format != null && !floatFormat(format)) {
            Text.error(sys, "seq: invalid format: " + format);
            return 1;
        }
        int scale = Math.max(0, Math.max(n[0].scale(), n[1].scale()));
        int width = 0;
        if (equalWidth) {
            width = Math.max(text(n[0], scale).length(), text(n[2], scale).length());
        }
        Stream out = Stream.stdout(sys);
        boolean first = true;
        for (BigDecimal x = n[0]; n[1].signum() > 0 ? x.compareTo(n[2]) <= 0 : x.compareTo(n[2]) >= 0;
                x = x.add(n[1])) {
            if (!first) out.fputs(separator);
            first = false;
            out.fputs(format != null ? format(format, x.doubleValue()) : pad(text(x, scale), width));
            if (out.ferror()) break;
        }
        if (!first) out.fputs("\n");
        return Text.finish(sys, "seq", out, 0);
    }

    /** {@code argv} with "--" before the first operand that is a negative number, so that getopt stops there. */
    private static String[] numbersEndOptions(String[] argv) {
        for (int i = 1; i < argv.length; i++) {
            String w = argv[i];
            if (w.equals("--") || !w.startsWith("-")) break;
            if (w.equals("-f") || w.equals("-s")) {
                i++;
            } else if (w.length() > 1 && (Character.isDigit(w.charAt(1)) || w.charAt(1) == '.')) {
                String[] with = new String[argv.length + 1];
                System.arraycopy(argv, 0, with, 0, i);
                with[i] = "--";
                System.arraycopy(argv, i, with, i + 1, argv.length - i);
                return with;
            }
        }
        return argv;
    }

    private static String text(BigDecimal x, int scale) {
        return x.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) return s;
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        return (negative ? "-" : "") + "0".repeat(width - s.length()) + digits;
    }

    /** {@code format} (a checked one) with its conversion of {@code v} as printf(3S) writes it, and %% as %. */
    private static String format(String format, double v) {
        // NUL stands for %% while the conversion is found, so that "%%g" is not taken for one.
        String f = format.replace("%%", "\0");
        java.util.regex.Matcher m = CONVERSION.matcher(f);
        m.find();
        int width = m.group(2).isEmpty() ? -1 : Integer.parseInt(m.group(2));
        int precision = m.group(3) == null ? -1 : m.group(3).length() == 1 ? 0 : Integer.parseInt(m.group(3).substring(1));
        String conv = Printf.floating(m.group(4).charAt(0), m.group(1), width, precision, v);
        return (f.substring(0, m.start()) + conv + f.substring(m.end())).replace("\0", "%");
    }

    /** Whether {@code format} has exactly one floating conversion (%e %f %g, with flags, width and precision). */
    private static boolean floatFormat(String format) {
        String f = format.replace("%%", "");
        java.util.regex.Matcher m = CONVERSION.matcher(f);
        return m.find() && f.indexOf('%', m.end()) < 0 && f.indexOf('%') == m.start();
    }
}
