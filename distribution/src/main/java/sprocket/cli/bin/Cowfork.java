package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDERR_FILENO;
import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import sprocket.api.sys.Rusage;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Sysconf;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;
import sprocket.libc.Strtol;

/**
 * cowfork PAGES WRITES: fills PAGES pages, forks, and lets the child overwrite WRITES of them; each side then checks
 * it sees its own contents. fork copies nothing: the child's first write to a page copies that one page.
 */
public final class Cowfork implements sprocket.api.sys.Program {

    @Override
    public String name() {
        return "cowfork";
    }

    @Override
    public String summary() {
        return "cowfork PAGES WRITES: fork; the child writes WRITES of PAGES pages; both verify; report copy-on-write faults";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        if (argv.length != 3) {
            Stdio.fputs(sys, STDERR_FILENO, "usage: cowfork PAGES WRITES\n");
            return 2;
        }
        long pages = Strtol.number(argv[1], 1, 1 << 16);
        long writes = pages == Strtol.BAD_NUMBER ? Strtol.BAD_NUMBER : Strtol.number(argv[2], 0, pages);
        if (pages == Strtol.BAD_NUMBER || writes == Strtol.BAD_NUMBER) {
            Stdio.fputs(sys, STDERR_FILENO, "cowfork: PAGES must be 1..65536 and WRITES 0..PAGES\n");
            return 2;
        }
        long page = sys.sysconf(Sysconf._SC_PAGESIZE);
        long base = sys.sbrk(pages * page);
        if (base == -1) {
            Strerror.perror(sys, "cowfork: sbrk");
            return 1;
        }
        for (long i = 0; i < pages; i++) sys.cpu().store64(base + i * page, 1000 + i);
        int child = sys.fork(s -> {
            Rusage before = s.getrusage(Rusage.RUSAGE_SELF);
            for (long i = 0; i < writes; i++) s.cpu().store64(base + i * page, 2000 + i);
            Rusage after = s.getrusage(Rusage.RUSAGE_SELF);
            for (long i = 0; i < pages; i++) {
                long want = i < writes ? 2000 + i : 1000 + i;
                if (s.cpu().load64(base + i * page) != want) return 1;
            }
            Stdio.fputs(s, STDOUT_FILENO, "cowfork: child wrote " + writes + " of " + pages + " pages with "
                    + (after.minflt() - before.minflt()) + " copy-on-write faults, and sees its own contents\n");
            return 0;
        });
        if (child < 0) {
            Strerror.perror(sys, "cowfork: fork");
            return 1;
        }
        int[] st = new int[1];
        if (sys.waitpid(child, st, 0) != child || !Wait.WIFEXITED(st[0]) || Wait.WEXITSTATUS(st[0]) != 0) {
            Stdio.fputs(sys, STDERR_FILENO, "cowfork: the child did not see its own contents\n");
            return 1;
        }
        for (long i = 0; i < pages; i++) {
            if (sys.cpu().load64(base + i * page) != 1000 + i) {
                Stdio.fputs(sys, STDERR_FILENO, "cowfork: the parent's page " + i + " changed under it\n");
                return 1;
            }
        }
        Stdio.fputs(sys, STDOUT_FILENO, "cowfork: parent's " + pages + " pages are as it left them\n");
        return 0;
    }
}
