package sprocket.cli.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Fcntl;
import sprocket.cli.bin.Echo;
import sprocket.libc.Printf;
import sprocket.libc.Stdio;

/**
 * echo (the System V one dash has: escapes always, {@code -n} first) and printf(1): conversions d i o u x X c s b
 * e f g and %, with flags, width and precision (also from {@code *}), the format reused while arguments remain.
 */
final class Printing {

    private Printing() {
    }

    static int echo(Shell sh, String[] argv) {
        int first = argv.length > 1 && argv[1].equals("-n") ? 2 : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean stopped = false;
        for (int i = first; i < argv.length && !stopped; i++) {
            if (i > first) out.write(' ');
            stopped = Echo.expand(argv[i], out);
        }
        if (first == 1 && !stopped) out.write('\n');
        return write(sh, out.toByteArray());
    }

    private static int write(Shell sh, byte[] b) {
        if (!Stdio.writeAll(sh.sys, Fcntl.STDOUT_FILENO, b, 0, b.length)) throw ShellError.command("I/O error", 1);
        return 0;
    }

    /** The state of one printf: the arguments left and whether any was not a number. */
    private static final class Args {
        final String[] argv;
        int next = 2;
        boolean bad;
        boolean used;

        Args(String[] argv) {
            this.argv = argv;
        }

        String take() {
            used = true;
            return next < argv.length ? argv[next++] : null;
        }

        boolean left() {
            return next < argv.length;
        }
    }

    static int printf(Shell sh, String[] argv) {
        if (argv.length < 2) throw ShellError.command("usage: printf format [arg ...]", 2);
        String format = argv[1];
        Args args = new Args(argv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean stop;
        do {
            args.used = false;
            stop = format(sh, format, args, out);
        } while (!stop && args.left() && args.used);
        write(sh, out.toByteArray());
        return args.bad ? 1 : 0;
    }

    /** One pass over the format; true if \c in a %b argument ended the output. */
    private static boolean format(Shell sh, String f, Args args, ByteArrayOutputStream out) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\') {
                i = escape(f, i, text);
                continue;
            }
            if (c != '%') {
                text.append(c);
                continue;
            }
            if (i + 1 < f.length() && f.charAt(i + 1) == '%') {
                text.append('%');
                i++;
                continue;
            }
            int start = i++;
            StringBuilder flags = new StringBuilder();
            while (i < f.length() && "-+ #0".indexOf(f.charAt(i)) >= 0) flags.append(f.charAt(i++));
            int width = -1;
            if (i < f.length() && f.charAt(i) == '*') {
                width = (int) integer(sh, args.take(), args);
                if (width < 0) {
                    flags.append('-');
                    width = -width;
                }
                i++;
            } else {
                while (i < f.length() && Character.isDigit(f.charAt(i))) width = Math.max(width, 0) * 10 + (f.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < f.length() && f.charAt(i) == '.') {
                i++;
                precision = 0;
                if (i < f.length() && f.charAt(i) == '*') {
                    precision = Math.max((int) integer(sh, args.take(), args), 0);
                    i++;
                } else {
                    while (i < f.length() && Character.isDigit(f.charAt(i))) precision = precision * 10 + (f.charAt(i++) - '0');
                }
            }
            if (i >= f.length()) throw ShellError.command("%" + f.substring(start + 1) + ": invalid directive", 1);
            char conv = f.charAt(i);
            String fl = flags.toString();
            switch (conv) {
                case 's', 'c', 'b' -> {
                    String arg = args.take();
                    if (arg == null) arg = "";
                    if (conv == 'c') arg = arg.isEmpty() ? "" : arg.substring(0, 1);
                    if (conv == 'b') {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        boolean stopped = Echo.expand(arg, b);
                        arg = b.toString(StandardCharsets.UTF_8);
                        if (stopped) {
                            text.append(pad(arg, fl, width, precision));
                            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                            return true;
                        }
                    }
                    text.append(pad(arg, fl, width, precision));
                }
                case 'd', 'i', 'o', 'u', 'x', 'X' -> text.append(integer(integer(sh, args.take(), args), conv, fl, width, precision));
                case 'e', 'E', 'f', 'F', 'g', 'G' -> text.append(floating(sh, args.take(), args, conv, fl, width, precision));
                default -> throw ShellError.command("%" + conv + ": invalid directive", 1);
            }
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return false;
    }

    /** A backslash escape of the format at {@code i}: appends it, returns the index of its last character. */
    private static int escape(String f, int i, StringBuilder text) {
        if (i + 1 >= f.length()) {
            text.append('\\');
            return i;
        }
        char e = f.charAt(++i);
        switch (e) {
            case 'a' -> text.append('\007');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'v' -> text.append('\013');
            case '\\', '"', '\'' -> text.append(e);
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = 0;
                    int n = 0;
                    while (n < 3 && i < f.length() && f.charAt(i) >= '0' && f.charAt(i) <= '7') {
                        v = v * 8 + (f.charAt(i++) - '0');
                        n++;
                    }
                    text.append((char) (v & 0xff));
                    return i - 1;
                }
                text.append('\\').append(e);
            }
        }
        return i;
    }

    private static String pad(String s, String flags, int width, int precision) {
        if (precision >= 0 && s.length() > precision) s = s.substring(0, precision);
        if (s.length() >= width) return s;
        String fill = " ".repeat(width - s.length());
        return flags.indexOf('-') >= 0 ? s + fill : fill + s;
    }

    /** An argument as a number (as strtoimax reads it, 'c for a character's code); reported when it is not one. */
    private static long integer(Shell sh, String arg, Args args) {
        if (arg == null || arg.isEmpty()) return 0;
        if (arg.charAt(0) == '\'' || arg.charAt(0) == '"') return arg.length() > 1 ? arg.charAt(1) : 0;
        String s = arg.strip();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("0", i) && s.length() > i + 1) {
            radix = 8;
            i++;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) v = v * radix + Character.digit(s.charAt(i++), radix);
        if (i == start && radix != 8) {
            sh.error(arg + ": expected numeric value");
            args.bad = true;
            return 0;
        }
        if (i < s.length()) {
            sh.error(arg + ": not completely converted");
            args.bad = true;
        }
        return negative ? -v : v;
    }

    private static String integer(long v, char conv, String flags, int width, int precision) {
        boolean signed = conv == 'd' || conv == 'i';
        boolean negative = signed && v < 0;
        String digits = switch (conv) {
            case 'o' -> Long.toOctalString(v);
            case 'x' -> Long.toHexString(v);
            case 'X' -> Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
            case 'u' -> Long.toUnsignedString(v);
            default -> negative ? Long.toString(v).substring(1) : Long.toString(v);
        };
        if (precision >= 0) {
            if (precision == 0 && v == 0) digits = "";
            if (digits.length() < precision) digits = "0".repeat(precision - digits.length()) + digits;
        }
        String prefix = negative ? "-" : signed && flags.indexOf('+') >= 0 ? "+" : signed && flags.indexOf(' ') >= 0 ? " " : "";
        if (flags.indexOf('#') >= 0) {
            if (conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
            if ((conv == 'x' || conv == 'X') && v != 0) prefix = conv == 'x' ? "0x" : "0X";
        }
        int len = prefix.length() + digits.length();
        if (len >= width) return prefix + digits;
        if (flags.indexOf('-') >= 0) return prefix + digits + " ".repeat(width - len);
        if (flags.indexOf('0') >= 0 && precision < 0) return prefix + "0".repeat(width - len) + digits;
        return " ".repeat(width - len) + prefix + digits;
    }

    private static String floating(Shell sh, String arg, Args args, char conv, String flags, int width, int precision) {
        double v = 0;
        if (arg != null && !arg.isEmpty()) {
            try {
                v = Double.parseDouble(arg.strip());
            } catch (NumberFormatException e) {
                sh.error(arg + ": expected numeric value");
                args.bad = true;
            }
        }
        return Printf.floating(conv, flags, width, precision, v);
    }
}
