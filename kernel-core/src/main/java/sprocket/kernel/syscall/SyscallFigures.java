package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-call figures, kept by the table's index: how often each call was made, how often it failed, its kernel time. */
@Singleton
public final class SyscallFigures {
    private final long[] calls = new long[SyscallTable.ALL.size()];
    private final long[] errors = new long[calls.length];
    private final long[] cycles = new long[calls.length];

    @Inject
    SyscallFigures() {
    }

    void add(Sysent e, long kernelCycles, int error) {
        int i = e.index();
        calls[i]++;
        cycles[i] += kernelCycles;
        if (error != 0) errors[i]++;
    }

    /** Every call made, failed ones included. */
    public long total() {
        long n = 0;
        for (long c : calls) n += c;
        return n;
    }

    /**
     * The calls made, by name in the table's order (the shapes of one call summed): for each, the calls, the
     * failures and the kernel cycles spent in them (sleeping in the call not included).
     */
    public Map<String, Figure> byName() {
        Map<String, Figure> out = new LinkedHashMap<>();
        for (Sysent e : SyscallTable.ALL) {
            int i = e.index();
            if (calls[i] == 0) continue;
            out.merge(e.name(), new Figure(calls[i], errors[i], cycles[i]),
                    (a, b) -> new Figure(a.calls() + b.calls(), a.errors() + b.errors(), a.cycles() + b.cycles()));
        }
        return out;
    }

    /** One call's figures. */
    public record Figure(long calls, long errors, long cycles) {
    }
}
