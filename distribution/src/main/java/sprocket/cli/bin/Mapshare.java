package sprocket.cli.bin;

import static sprocket.api.sys.Fcntl.STDOUT_FILENO;

import java.nio.charset.StandardCharsets;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;
import sprocket.libc.Stdio;
import sprocket.libc.Strerror;

/**
 * mapshare: parent and child talk through one MAP_SHARED|MAP_ANONYMOUS page, as the SMP HOWTO's example does: the
 * child writes a message and raises a flag; the parent waits for the flag, answers, and the child reads the answer.
 */
public final class Mapshare implements sprocket.api.sys.Program {
    private static final long FLAG = 0;
    private static final long LENGTH = 8;
    private static final long TEXT = 16;

    @Override
    public String name() {
        return "mapshare";
    }

    @Override
    public String summary() {
        return "parent and child exchange messages through a MAP_SHARED|MAP_ANONYMOUS page";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        long page = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS, -1, 0);
        if (page == Mman.MAP_FAILED) {
            Strerror.perror(sys, "mapshare: mmap");
            return 1;
        }
        int child = sys.fork(s -> {
            put(s, page, "hello from pid " + s.getpid());
            s.cpu().store64(page + FLAG, 1);
            while (s.cpu().load64(page + FLAG) != 2) s.sched_yield();
            Stdio.fputs(s, STDOUT_FILENO, "mapshare: child read: " + get(s, page) + "\n");
            return 0;
        });
        if (child < 0) {
            Strerror.perror(sys, "mapshare: fork");
            return 1;
        }
        while (sys.cpu().load64(page + FLAG) != 1) sys.sched_yield();
        Stdio.fputs(sys, STDOUT_FILENO, "mapshare: parent read: " + get(sys, page) + "\n");
        put(sys, page, "and hello back from pid " + sys.getpid());
        sys.cpu().store64(page + FLAG, 2);
        int[] st = new int[1];
        sys.waitpid(child, st, 0);
        sys.munmap(page, 4096);
        return Wait.WIFEXITED(st[0]) ? Wait.WEXITSTATUS(st[0]) : 1;
    }

    private static void put(Sys sys, long page, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) sys.cpu().store8(page + TEXT + i, b[i]);
        sys.cpu().store64(page + LENGTH, b.length);
    }

    private static String get(Sys sys, long page) {
        byte[] b = new byte[(int) sys.cpu().load64(page + LENGTH)];
        for (int i = 0; i < b.length; i++) b[i] = sys.cpu().load8(page + TEXT + i);
        return new String(b, StandardCharsets.UTF_8);
    }
}
