package sprocket.fuzz.prog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fuzzing processes of one run tell the fuzzer from inside the simulation: the host exceptions that escaped
 * into them (each with the op that made it and where it came from), mistakes of the fuzzer's own, how many calls were
 * made, and how many fuzzing processes are still alive. The simulation runs on one host thread at a time, so plain
 * fields suffice; the fuzzer reads them after the run.
 */
public final class Journal {

    /**
     * A host exception that reached a program: from the kernel (or a provider behind it), or from the C library.
     *
     * @param op the op whose call threw
     * @param path the call's path in the program
     * @param error what was thrown
     * @param module the module of the innermost Sprocket frame: where it was thrown
     */
    public record Escape(Op op, String path, Throwable error, String module) {
    }

    private final List<Escape> escapes = new ArrayList<>();
    private final List<Escape> fuzzerBugs = new ArrayList<>();
    private long calls;
    private int live;

    /** Host exceptions that escaped into a fuzzing process, in the order they did. */
    public List<Escape> escapes() {
        return List.copyOf(escapes);
    }

    /** Exceptions thrown by the fuzzer's own code: its bugs, not the kernel's. */
    public List<Escape> fuzzerBugs() {
        return List.copyOf(fuzzerBugs);
    }

    /** Calls started by every fuzzing process together. */
    public long calls() {
        return calls;
    }

    /** Fuzzing processes (and images) running their calls now. */
    int live() {
        return live;
    }

    void started() {
        live++;
    }

    void finished() {
        live--;
    }

    void call() {
        calls++;
    }

    /** {@code error} came out of {@code op} at {@code path}; it is the fuzzer's when its innermost frame is. */
    void threw(Op op, String path, Throwable error) {
        String module = origin(error);
        Escape e = new Escape(op, path, error, module);
        if ("sprocket.fuzz".equals(module)) fuzzerBugs.add(e);
        else escapes.add(e);
    }

    /** The module of the innermost frame in a Sprocket module (the JDK's frames skipped), or "?" when none is. */
    static String origin(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String m = f.getModuleName();
            if (m != null && m.startsWith("sprocket.")) return m;
            if (m == null && f.getClassName().startsWith("sprocket.")) return "sprocket." + f.getClassName().split("\\.")[1];
        }
        return "?";
    }
}
