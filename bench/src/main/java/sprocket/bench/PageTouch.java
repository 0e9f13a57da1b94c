package sprocket.bench;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.libc.Stdio;

/**
 * bench-touch N [loads]: maps one anonymous page, faults it in, then makes N accesses to it, store64 and load64
 * alternating (each load reads back the value just stored), so every access after the first hits the TLB; with
 * {@code loads}, N load64s of the doubleword first stored.
 * Exits 1 if a load returns anything but the value stored.
 */
public final class PageTouch implements Program {
    @Override
    public String name() {
        return "bench-touch";
    }

    @Override
    public String summary() {
        return "benchmark: N loads and stores, alternating, to one resident page";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        // bench-touch N loads: loads only, after the first store (the R2000's stores write through, never a hit).
        boolean loadsOnly = argv.length == 3 && argv[2].equals("loads");
        long n = Args.count(sys, loadsOnly ? new String[] {argv[0], argv[1]} : argv);
        if (n < 0) return 2;
        long page = sys.sysconf(Sysconf._SC_PAGESIZE);
        long base = sys.mmap(0, page, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1,
                0);
        if (base == Mman.MAP_FAILED) {
            Stdio.fputs(sys, STDERR_FILENO, "bench-touch: mmap failed, errno " + sys.errno() + "\n");
            return 1;
        }
        // The one page fault (a zero fill) and TLB refill happen here, in the empty run too, so they cancel out.
        sys.cpu().store64(base, -1);
        long mask = page - 8;
        long bad = 0;
        for (long i = 0; i < n; i++) {
            // Pairs (store, load) walk the page's doublewords; the page and its TLB entry never change.
            long a = base + (((i >>> 1) << 3) & mask);
            if (loadsOnly) {
                if (sys.cpu().load64(base) != -1) bad++;
            } else if ((i & 1) == 0) {
                sys.cpu().store64(a, i);
            } else if (sys.cpu().load64(a) != i - 1) {
                bad++;
            }
        }
        return bad == 0 ? 0 : 1;
    }
}
