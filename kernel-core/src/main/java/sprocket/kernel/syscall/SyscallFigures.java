package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-call figures, kept by the table's index: how often each call was made, how often it failed, its kernel time. */
@Singleton
public final class SyscallFigures {
    /** A call's three figures side by side (calls, kernel cycles, failures): one array and one cache line a call. */
    private static final int CALLS = 0, CYCLES = 1, ERRORS = 2, WIDTH = 3;

    private final long[] figures = new long[SyscallTable.ALL.size() * WIDTH];

    @Inject
    SyscallFigures() {
    }

    /** The array the trap adds to, with {@link #add}. */
    long[] array() {
        return figures;
    }

    /** Counts a call of {@code e} in {@code figures} (an {@link #array}): its kernel cycles, and its error if any. */
    static void add(long[] figures, Sysent e, long kernelCycles, int error) {
        int i = e.index() * WIDTH;
        figures[i + CALLS]++;
        figures[i + CYCLES] += kernelCycles;
        if (error != 0) figures[i + ERRORS]++;
    }

    /** Every call made, failed ones included. */
    public long total() {
        long n = 0;
        for (int i = CALLS; i < figures.length; i += WIDTH) n += figures[i];
        return n;
    }

    /**
     * The calls made, by name in the table's order (the shapes of one call summed): for each, the calls, the
     * failures and the kernel cycles spent in them (sleeping in the call not included).
     */
    public Map<String, Figure> byName() {
        Map<String, Figure> out = new LinkedHashMap<>();
        for (Sysent e : SyscallTable.ALL) {
            int i = e.index() * WIDTH;
            if (figures[i + CALLS] == 0) continue;
            out.merge(e.name(), new Figure(figures[i + CALLS], figures[i + ERRORS], figures[i + CYCLES]),
                    (a, b) -> new Figure(a.calls() + b.calls(), a.errors() + b.errors(), a.cycles() + b.cycles()));
        }
        return out;
    }

    /** One call's figures. */
    public record Figure(long calls, long errors, long cycles) {
    }
}
