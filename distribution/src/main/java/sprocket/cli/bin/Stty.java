package sprocket.cli.bin;

import static sprocket.api.sys.Termios.*;

import java.util.List;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Termios;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * stty(1) (XCU stty): "set the options for a terminal", the one on standard input. With no operand it writes the
 * settings that differ from {@code sane}; {@code -a} writes them all, {@code -g} in a form stty reads back. Operands
 * set modes ({@code echo}, {@code -icanon}, {@code tostop}...), control characters ({@code intr ^C}, {@code erase
 * '^?'}, {@code eof undef}), {@code min N} and {@code time N}, and the combinations {@code raw}, {@code -raw} and
 * {@code cooked}, {@code sane}, {@code ek}. Exit 0, 1 for standard input not a terminal or an operand not known.
 */
public final class Stty implements Program {

    /** A mode: its name, the flag word it lives in (0 i, 1 o, 2 c, 3 l) and its bits. */
    private record Mode(String name, int word, int bits) {
    }

    private static final List<Mode> MODES = List.of(
            new Mode("parenb", 2, PARENB), new Mode("parodd", 2, PARODD), new Mode("cs8", 2, CS8),
            new Mode("hupcl", 2, HUPCL), new Mode("cstopb", 2, CSTOPB), new Mode("cread", 2, CREAD),
            new Mode("clocal", 2, CLOCAL),
            new Mode("ignbrk", 0, IGNBRK), new Mode("brkint", 0, BRKINT), new Mode("ignpar", 0, IGNPAR),
            new Mode("parmrk", 0, PARMRK), new Mode("inpck", 0, INPCK), new Mode("istrip", 0, ISTRIP),
            new Mode("inlcr", 0, INLCR), new Mode("igncr", 0, IGNCR), new Mode("icrnl", 0, ICRNL),
            new Mode("iuclc", 0, IUCLC), new Mode("ixon", 0, IXON), new Mode("ixany", 0, IXANY),
            new Mode("ixoff", 0, IXOFF), new Mode("imaxbel", 0, IMAXBEL),
            new Mode("isig", 3, ISIG), new Mode("icanon", 3, ICANON), new Mode("iexten", 3, IEXTEN),
            new Mode("echo", 3, ECHO), new Mode("echoe", 3, ECHOE), new Mode("echok", 3, ECHOK),
            new Mode("echonl", 3, ECHONL), new Mode("noflsh", 3, NOFLSH), new Mode("tostop", 3, TOSTOP),
            new Mode("echoctl", 3, ECHOCTL), new Mode("echoprt", 3, ECHOPRT), new Mode("echoke", 3, ECHOKE),
            new Mode("flusho", 3, FLUSHO), new Mode("pendin", 3, PENDIN),
            new Mode("opost", 1, OPOST), new Mode("olcuc", 1, OLCUC), new Mode("onlcr", 1, ONLCR),
            new Mode("ocrnl", 1, OCRNL), new Mode("onocr", 1, ONOCR), new Mode("onlret", 1, ONLRET));

    /** The control characters by name, in the order stty -a writes them. */
    private static final List<String> CHARS = List.of("intr", "quit", "erase", "kill", "eof", "eol", "eol2", "swtch",
            "start", "stop", "susp", "dsusp", "rprnt", "flush", "werase", "lnext");
    private static final int[] CHAR_INDEX = {VINTR, VQUIT, VERASE, VKILL, VEOF, VEOL, VEOL2, VSWTCH, VSTART, VSTOP,
        VSUSP, VDSUSP, VREPRINT, VDISCARD, VWERASE, VLNEXT};

    @Override
    public String name() {
        return "stty";
    }

    @Override
    public String summary() {
        return "stty [-a|-g] [MODE...]: the modes of the terminal on standard input";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Termios[] got = new Termios[1];
        if (sys.tcgetattr(Fcntl.STDIN_FILENO, got) != 0) {
            Strerror.perror(sys, "stty: standard input");
            return 1;
        }
        Termios t = got[0];
        if (argv.length == 1) return write(sys, report(t, false));
        if (argv.length == 2 && argv[1].equals("-a")) return write(sys, report(t, true));
        if (argv.length == 2 && argv[1].equals("-g")) return write(sys, saved(t) + "\n");
        Termios n = t;
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            Termios restored = restore(a);
            if (restored != null) {
                n = restored;
                continue;
            }
            int c = CHARS.indexOf(a);
            if (c >= 0 || a.equals("min") || a.equals("time")) {
                if (i + 1 == argv.length) return fail(sys, "missing argument to '" + a + "'");
                String v = argv[++i];
                int value = c >= 0 ? character(v) : number(v);
                if (value < 0) return fail(sys, "invalid argument '" + v + "'");
                n = n.with(c >= 0 ? CHAR_INDEX[c] : a.equals("min") ? VMIN : VTIME, value);
                continue;
            }
            Termios m = mode(n, a);
            if (m == null) return fail(sys, "invalid argument '" + a + "'");
            n = m;
        }
        if (sys.tcsetattr(Fcntl.STDIN_FILENO, TCSADRAIN, n) != 0) {
            Strerror.perror(sys, "stty: standard input");
            return 1;
        }
        return 0;
    }

    /** One mode operand, or a combination; null when it is neither. */
    private static Termios mode(Termios t, String a) {
        switch (a) {
            case "sane" -> {
                return Termios.sane();
            }
            case "raw" -> {
                // XCU stty: raw is -ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr -icrnl -ixon -ixoff
                // -iuclc -ixany -imaxbel -opost -isig -icanon -xcase min 1 time 0.
                int i = t.iflag() & ~(IGNBRK | BRKINT | IGNPAR | PARMRK | INPCK | ISTRIP | INLCR | IGNCR | ICRNL
                        | IXON | IXOFF | IUCLC | IXANY | IMAXBEL);
                return t.withIflag(i).withOflag(t.oflag() & ~OPOST).withLflag(t.lflag() & ~(ISIG | ICANON))
                        .with(VMIN, 1).with(VTIME, 0);
            }
            case "-raw", "cooked" -> {
                Termios s = Termios.sane();
                return t.withIflag(t.iflag() | BRKINT | ICRNL | IXON).withOflag(t.oflag() | OPOST)
                        .withLflag(t.lflag() | ISIG | ICANON).with(VEOF, s.cc(VEOF)).with(VEOL, s.cc(VEOL));
            }
            case "ek" -> {
                Termios s = Termios.sane();
                return t.with(VERASE, s.cc(VERASE)).with(VKILL, s.cc(VKILL));
            }
            default -> {
                boolean off = a.startsWith("-");
                String name = off ? a.substring(1) : a;
                for (Mode m : MODES) {
                    if (!m.name.equals(name)) continue;
                    int word = word(t, m.word);
                    word = off ? word & ~m.bits : word | m.bits;
                    return switch (m.word) {
                        case 0 -> t.withIflag(word);
                        case 1 -> t.withOflag(word);
                        case 2 -> t.withCflag(word);
                        default -> t.withLflag(word);
                    };
                }
                return null;
            }
        }
    }

    private static int word(Termios t, int word) {
        return switch (word) {
            case 0 -> t.iflag();
            case 1 -> t.oflag();
            case 2 -> t.cflag();
            default -> t.lflag();
        };
    }

    /** A control character as stty takes it: {@code ^X}, {@code ^?}, {@code undef} or {@code ^-}, or one character. */
    private static int character(String v) {
        if (v.equals("undef") || v.equals("^-")) return 0;
        if (v.length() == 2 && v.charAt(0) == '^') {
            char c = v.charAt(1);
            return c == '?' ? 0177 : Character.toUpperCase(c) & 037;
        }
        return v.length() == 1 ? v.charAt(0) & 0xff : -1;
    }

    private static int number(String v) {
        if (v.isEmpty() || v.length() > 3) return -1;
        int n = 0;
        for (char c : v.toCharArray()) {
            if (c < '0' || c > '9') return -1;
            n = n * 10 + c - '0';
        }
        return n <= 255 ? n : -1;
    }

    private static String show(int c) {
        if (c == 0) return "<undef>";
        if (c == 0177) return "^?";
        if (c < ' ') return "^" + (char) (c + '@');
        return String.valueOf((char) c);
    }

    /** The settings: all of them ({@code -a}), or those that differ from sane. */
    private static String report(Termios t, boolean all) {
        Termios sane = Termios.sane();
        StringBuilder b = new StringBuilder("speed 9600 baud;");
        boolean canonical = t.local(ICANON);
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < CHARS.size(); i++) {
            int index = CHAR_INDEX[i];
            // System V shares eof with min and eol with time: outside canonical mode they are those.
            if (!canonical && (index == VEOF || index == VEOL)) continue;
            if (all || t.cc(index) != sane.cc(index)) {
                chars.append(CHARS.get(i)).append(" = ").append(show(t.cc(index))).append("; ");
            }
        }
        if (!canonical) chars.append("min = ").append(t.cc(VMIN)).append("; time = ").append(t.cc(VTIME)).append(";");
        if (chars.length() > 0) b.append('\n').append(chars.toString().stripTrailing());
        int lastWord = -1;
        StringBuilder line = new StringBuilder();
        for (Mode m : MODES) {
            if (m.word != lastWord && line.length() > 0) {
                b.append('\n').append(line.toString().stripTrailing());
                line.setLength(0);
            }
            lastWord = m.word;
            boolean on = (word(t, m.word) & m.bits) == m.bits;
            boolean saneOn = (word(sane, m.word) & m.bits) == m.bits;
            if (all || on != saneOn) line.append(on ? "" : "-").append(m.name).append(' ');
        }
        if (line.length() > 0) b.append('\n').append(line.toString().stripTrailing());
        return b.append('\n').toString();
    }

    /** stty -g: the four flag words and every control character, in hexadecimal, separated by colons. */
    private static String saved(Termios t) {
        StringBuilder b = new StringBuilder(String.format("%x:%x:%x:%x", t.iflag(), t.oflag(), t.cflag(), t.lflag()));
        for (int i = 0; i < NCCS; i++) b.append(':').append(Integer.toHexString(t.cc(i)));
        return b.toString();
    }

    /** What {@link #saved} wrote, read back; null when {@code a} is not such a string. */
    private static Termios restore(String a) {
        String[] f = a.split(":", -1);
        if (f.length != 4 + NCCS) return null;
        try {
            byte[] cc = new byte[NCCS];
            for (int i = 0; i < NCCS; i++) {
                int v = Integer.parseInt(f[4 + i], 16);
                if (v < 0 || v > 255) return null;
                cc[i] = (byte) v;
            }
            return new Termios(Integer.parseInt(f[0], 16), Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16),
                    Integer.parseInt(f[3], 16), cc);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int write(Sys sys, String s) {
        if (Stdio.fputs(sys, Fcntl.STDOUT_FILENO, s) == Stdio.EOF) {
            Strerror.perror(sys, "stty: write");
            return 1;
        }
        return 0;
    }

    private static int fail(Sys sys, String why) {
        Stdio.fputs(sys, Fcntl.STDERR_FILENO, "stty: " + why + "\n");
        return 1;
    }
}
