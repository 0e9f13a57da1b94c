package sprocket.kernel.syscall;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Msghdr;
import sprocket.api.sys.Sigaction;
import sprocket.api.sys.SignalHandler;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.TrapFrame;

/**
 * The system call tracer of {@code sprocket run --strace}, in the manner of Linux's strace and IRIX's par: each call
 * as it returns, with the simulated time and the CPU it returned on, the process, its arguments as the table
 * describes them, and its result or error. Lines go to a sink; with none, nothing is formatted at all.
 */
public final class Strace {
    /** Where the lines go. */
    @FunctionalInterface
    public interface Sink {
        void line(String line);
    }

    /** Bytes of a buffer shown before it is cut with "...". */
    private static final int SHOWN = 32;
    private final Sink sink;
    private final long clockHz;

    /** A tracer writing to {@code sink} (null: off), timing calls on a {@code clockHz} clock. */
    public Strace(Sink sink, long clockHz) {
        this.sink = sink;
        this.clockHz = clockHz;
    }

    boolean on() {
        return sink != null;
    }

    void returned(Proc p, Sysent e, TrapFrame f, long r, int error) {
        String result;
        if (error != 0) {
            result = r + " " + Errno.name(error);
        } else {
            result = switch (e.result()) {
                case 'x' -> "0x" + Long.toHexString(r);
                case 'O' -> "0" + Long.toOctalString(r);
                case 'r' -> show(f.rv);
                default -> Long.toString(r);
            };
        }
        sink.line(head(p) + call(e, f) + " = " + result);
    }

    /** The call did not return: exec(2) replaced the image, or the process exited. */
    void unwound(Proc p, Sysent e, TrapFrame f, boolean exec) {
        sink.line(head(p) + call(e, f) + (exec ? " = 0" : " = ?"));
    }

    private String head(Proc p) {
        long now = p.cpu().now;
        long micros = now / clockHz * 1_000_000L + (now % clockHz) * 1_000_000L / clockHz;
        return String.format(Locale.ROOT, "%12.6f cpu%d [%d] ", micros / 1e6, p.cpu().id, p.pid);
    }

    private static String call(Sysent e, TrapFrame f) {
        StringBuilder b = new StringBuilder(e.name()).append('(');
        String spec = e.args();
        if (!spec.isEmpty()) {
            String[] tokens = spec.split(", ");
            for (int i = 0; i < tokens.length; i++) {
                if (i > 0) b.append(", ");
                b.append(argument(tokens[i].charAt(0), tokens[i].charAt(1) - '0', f));
            }
        }
        return b.append(')').toString();
    }

    private static String argument(char kind, int slot, TrapFrame f) {
        return switch (kind) {
            case 'd' -> Long.toString(a(f, slot));
            case 'x' -> "0x" + Long.toHexString(a(f, slot));
            case 'o' -> "0" + Long.toOctalString(a(f, slot));
            case 'g' -> Signals.name((int) a(f, slot));
            case 's' -> quote(o(f, slot));
            case 'w' -> o(f, slot) instanceof byte[] b ? bytes(b, (int) f.a1, (int) f.a2) : "NULL";
            case 'r' -> o(f, slot) == null ? "NULL" : "buf";
            case 'v' -> vector(o(f, slot));
            case 'e' -> o(f, slot) == null ? "NULL" : "entry";
            default -> show(o(f, slot));
        };
    }

    private static long a(TrapFrame f, int slot) {
        return switch (slot) {
            case 0 -> f.a0;
            case 1 -> f.a1;
            case 2 -> f.a2;
            case 3 -> f.a3;
            case 4 -> f.a4;
            default -> f.a5;
        };
    }

    private static Object o(TrapFrame f, int slot) {
        return switch (slot) {
            case 0 -> f.o0;
            case 1 -> f.o1;
            default -> f.o2;
        };
    }

    private static String show(Object o) {
        if (o == null) return "NULL";
        if (o instanceof String s) return quote(s);
        if (o instanceof Object[] a) return a.length == 1 && a[0] != null ? "[" + show(a[0]) + "]" : "[" + a.length + "]";
        // A handler is a host object: its name would differ from run to run, so the line says only what it is.
        if (o instanceof Sigaction a) {
            return "{" + handler(a.handler()) + ", mask=0x" + Integer.toHexString(a.mask()) + ", flags=0x"
                    + Integer.toHexString(a.flags()) + "}";
        }
        if (o instanceof SignalHandler h) return handler(h);
        if (o instanceof Msghdr m) {
            return "{name=" + show(m.name) + ", len=" + m.len + (m.rights == null ? "" : ", rights="
                    + java.util.Arrays.toString(m.rights)) + "}";
        }
        if (o instanceof int[] a) return "[" + a.length + " ints]";
        if (o instanceof long[] a) return "[" + a.length + " longs]";
        return o.toString();
    }

    private static String handler(SignalHandler h) {
        return h == SignalHandler.DEFAULT ? "SIG_DFL" : h == SignalHandler.IGNORE ? "SIG_IGN" : h == null ? "NULL"
                : "handler";
    }

    private static String vector(Object o) {
        if (!(o instanceof String[] v)) return "NULL";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(", ");
            b.append(quote(v[i]));
        }
        return b.append(']').toString();
    }

    private static String bytes(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) return "buf";
        String s = new String(b, off, Math.min(len, SHOWN), StandardCharsets.UTF_8);
        return quote(s) + (len > SHOWN ? "..." : "");
    }

    private static String quote(Object o) {
        if (o == null) return "NULL";
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
