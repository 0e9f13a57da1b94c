package sprocket.fuzz;

import java.util.ArrayList;
import java.util.List;
import sprocket.fuzz.prog.Journal;

/**
 * What went wrong in a run, with a signature that names it whatever the numbers in it: two runs that fail the same
 * way have the same signature, so a campaign counts distinct findings and a shrink keeps the one it started with.
 *
 * @param kind what sort of trouble
 * @param message what the kernel or the exception said
 * @param signature the message with its numbers taken out, and where it was thrown
 * @param cause the exception, when there was one
 */
public record Problem(Kind kind, String message, String signature, Throwable cause) {

    /** The sorts of trouble a run can show. */
    public enum Kind {
        /** The kernel panicked. */
        PANIC("panic"),
        /** An invariant checked at the end of the run was broken: something was left allocated or open. */
        LEAK("leak at the end of the run"),
        /** A host exception escaped into a program, from the kernel or the C library. */
        ESCAPE("host exception escaped into a program"),
        /** Processes killed at kernel.time_limit did not die: the run would never end. */
        ENDLESS("run that never ends"),
        /** The same seed gave two different traces. */
        NONDETERMINISM("nondeterministic seed"),
        /** The command itself threw out of the kernel. */
        HOST("host exception out of the kernel"),
        /** A run took longer than the host-time limit: a loop in host code that simulated time does not see. */
        HOST_HANG("run that never ends in host time"),
        /** The fuzzer's own code threw: its mistake, not the kernel's. */
        FUZZER("fuzzer error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Problem of(Kind kind, String message, Throwable cause) {
        Throwable inner = cause;
        while (inner.getCause() != null && inner.getCause() != inner) inner = inner.getCause();
        String where = inner != cause ? " at " + frame(inner) : "";
        return new Problem(kind, message, kind.name() + ": " + normalise(message) + where, cause);
    }

    static Problem escaped(Journal.Escape e) {
        Throwable t = e.error();
        String message = t + " from " + e.op().label() + " (call " + e.path() + ", thrown in " + e.module() + " at "
                + frame(t) + ")";
        return new Problem(Kind.ESCAPE, message, Kind.ESCAPE.name() + ": " + t.getClass().getName() + " at " + frame(t),
                t);
    }

    static Problem fuzzer(Journal.Escape e) {
        Throwable t = e.error();
        return new Problem(Kind.FUZZER, t + " in the fuzzer's " + e.op().label() + " (call " + e.path() + ") at "
                + frame(t), Kind.FUZZER.name() + ": " + t.getClass().getName() + " at " + frame(t), t);
    }

    static Problem nondeterministic(String first, String second) {
        return new Problem(Kind.NONDETERMINISM, "two runs gave trace digests " + first + " and " + second,
                Kind.NONDETERMINISM.name(), null);
    }

    static Problem hostHang(long seconds) {
        return new Problem(Kind.HOST_HANG, "the run had not ended after " + seconds + " s of host time",
                Kind.HOST_HANG.name(), null);
    }

    /**
     * Where the exception behind this problem was thrown, for a person to start from: the innermost cause and its
     * first {@code frames} frames from Sprocket's classes (none when there was no exception).
     */
    public List<String> where(int frames) {
        if (cause == null) return List.of();
        Throwable inner = cause;
        while (inner.getCause() != null && inner.getCause() != inner) inner = inner.getCause();
        List<String> out = new ArrayList<>();
        out.add(inner.toString());
        for (StackTraceElement f : inner.getStackTrace()) {
            if (out.size() > frames) break;
            if (f.getClassName().startsWith("sprocket.")) out.add("at " + f.getClassName() + "." + f.getMethodName()
                    + "(" + f.getFileName() + ":" + f.getLineNumber() + ")");
        }
        return out;
    }

    /** The innermost frame of {@code t} in a Sprocket class: Class.method, without line numbers. */
    static String frame(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("sprocket.")) {
                String c = f.getClassName();
                return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
            }
        }
        StackTraceElement[] s = t.getStackTrace();
        return s.length == 0 ? "?" : s[0].getClassName() + "." + s[0].getMethodName();
    }

    /** {@code message} with every number made "N", so that findings differing only in counts or times are one. */
    static String normalise(String message) {
        String m = message.replaceAll("0x[0-9a-fA-F]+", "\u0001").replaceAll("-?\\d+", "N").replace("\u0001", "0xN");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
