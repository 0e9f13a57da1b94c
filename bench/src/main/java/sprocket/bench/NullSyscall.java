package sprocket.bench;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** bench-getpid N: N getpid(2) calls, the cheapest system call there is; exits 1 if one returns a wrong pid. */
public final class NullSyscall implements Program {
    @Override
    public String name() {
        return "bench-getpid";
    }

    @Override
    public String summary() {
        return "benchmark: N null system calls (getpid)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long n = Args.count(sys, argv);
        if (n < 0) return 2;
        int first = sys.getpid();
        // Folding every result in keeps the JIT from proving the calls dead.
        int bad = 0;
        for (long i = 0; i < n; i++) {
            if (sys.getpid() != first) bad++;
        }
        return bad == 0 ? 0 : 1;
    }
}
