package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Mman;
import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * memtouch PAGES: maps PAGES pages of anonymous memory, touches each twice, and reports what it cost: the first
 * pass faults every page in (zero fill) and misses the TLB; the second hits pages already there.
 */
public final class Memtouch implements sprocket.api.sys.Program {

    @Override
    public String name() {
        return "memtouch";
    }

    @Override
    public String summary() {
        return "memtouch PAGES: touch PAGES fresh pages twice; report page faults and TLB misses per pass";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length != 2) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: memtouch PAGES\n");
            return 2;
        }
        long pages = Strtol.number(argv[1], 1, 1 << 20);
        if (pages == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "memtouch: " + argv[1] + ": not a page count (1.." + (1 << 20) + ")\n");
            return 2;
        }
        long page = sys.sysconf(Sysconf._SC_PAGESIZE);
        long base = sys.mmap(0, pages * page, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                -1, 0);
        if (base == Mman.MAP_FAILED) {
            Strerror.perror(sys, "memtouch: mmap");
            return 1;
        }
        Rusage before = sys.getrusage(Rusage.RUSAGE_SELF);
        for (long i = 0; i < pages; i++) sys.cpu().store64(base + i * page, i);
        Rusage first = sys.getrusage(Rusage.RUSAGE_SELF);
        long bad = 0;
        for (long i = 0; i < pages; i++) {
            if (sys.cpu().load64(base + i * page) != i) bad++;
        }
        Rusage second = sys.getrusage(Rusage.RUSAGE_SELF);
        Stdio.fputs(sys, STDOUT_FILENO, "memtouch: " + pages + " pages of " + page + " bytes\n"
                + "  first pass:  " + (first.minflt() - before.minflt()) + " page faults, "
                + (first.tlbMisses() - before.tlbMisses()) + " TLB misses\n"
                + "  second pass: " + (second.minflt() - first.minflt()) + " page faults, "
                + (second.tlbMisses() - first.tlbMisses()) + " TLB misses\n");
        if (bad != 0) {
            Stdio.fputs(sys, STDERR_FILENO, "memtouch: " + bad + " pages did not hold what was stored\n");
            return 1;
        }
        return sys.munmap(base, pages * page) == 0 ? 0 : 1;
    }
}
